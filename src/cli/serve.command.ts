import cluster from 'node:cluster';
import { openDatabase } from '../db/client';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo';
import { buildApp } from '../server/app';
import { joinCluster, relayIdentityChanges } from '../server/cluster-sync';
import { loadConfig, type Config } from '../server/config';
import { FAST_TIMING, JobQueue } from '../server/jobs/queue';
import { JOB_KINDS, startWorkers } from '../server/jobs/workers';
import type { Command } from './commands';

/** Set in the worker processes of `serve --workers N`: the primary speaks for them. */
const CLUSTER_WORKER_ENV = 'SAMTAL_CLUSTER_WORKER';

export const serveCommand: Command = {
  summary: 'start the web server',
  help: `samtal serve [--demo] [--workers N]

Starts Samtal on HOST:PORT (default 127.0.0.1:3000). Without DATABASE_URL it uses the
embedded database in SAMTAL_DATA_DIR (default ./data).
  --demo         create the demo organisation first (if missing) and print its sign-ins
  --workers N    serve with N processes on the one port, to use N cores (PostgreSQL only;
                 the embedded database serves one process). Default 1.`,
  options: { demo: { type: 'boolean' }, workers: { type: 'string' } },
  async run(values) {
    // Cluster workers inherit it, so every process knows it serves the demo.
    if (values.demo) process.env.SAMTAL_DEMO = '1';
    const config = loadConfig();
    const workers = values.workers === undefined ? 1 : Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      console.error('--workers must be a whole number from 1 to 64');
      return 2;
    }
    if (workers > 1 && !config.databaseUrl) {
      console.error(
        'Several worker processes need PostgreSQL (DATABASE_URL): the embedded database can ' +
          'be opened by one process only. Run without --workers, or set DATABASE_URL.',
      );
      return 2;
    }
    if (workers > 1 && cluster.isPrimary) return runPrimary(config, workers, !!values.demo);
    return runServer(config, !!values.demo && !process.env[CLUSTER_WORKER_ENV]);
  },
};

/** One process serving requests: the whole server, or one worker of a cluster. */
async function runServer(config: Config, demo: boolean): Promise<number> {
  const inCluster = !!process.env[CLUSTER_WORKER_ENV];
  if (inCluster) joinCluster();
  const database = await openDatabase(config);
  const logins = demo ? (await seedDemo(database.db)).logins : [];
  // The job queue lives in the same database; every instance can enqueue, workers are optional.
  const queue = new JobQueue(database, config.jobTiming === 'fast' ? FAST_TIMING : {});
  await queue.start(JOB_KINDS);
  const app = await buildApp(config, database, { queue });
  queue.onError = (err) => app.log.error({ err }, 'job queue error');
  if (config.workers) {
    await startWorkers({
      queue,
      database,
      mailer: app.mailer,
      publicUrl: config.publicUrl,
      log: app.log,
    });
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await queue.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  // Indexes too large to build before listening (the search indexes after an upgrade).
  void database
    .buildDeferredIndexes((line) => app.log.warn(line))
    .catch((err: unknown) => app.log.error({ err }, 'building deferred indexes failed'));
  if (inCluster) return new Promise<number>(() => {});
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  announce(`http://${config.host}:${port}`, database.kind, logins);
  return new Promise<number>(() => {});
}

function announce(url: string, kind: string, logins: { role: string; email: string }[]) {
  console.log(banner(url, kind, logins));
}

/** The few lines a person reads on start: where Samtal is, the demo sign-ins, how to stop. */
export function banner(url: string, kind: string, logins: { role: string; email: string }[]) {
  const lines = ['', `  Samtal is running at ${url}  (database: ${kind})`];
  if (logins.length) {
    lines.push('', `  Demo sign-ins, password for all: ${DEMO_PASSWORD}`);
    for (const u of logins) lines.push(`    ${u.role.padEnd(9)} ${u.email}`);
  }
  lines.push('', '  Stop with Ctrl+C.', '');
  return lines.join('\n');
}

/**
 * The primary of `serve --workers N`: migrates (and seeds the demo) once, then runs N worker
 * processes that share the port (node:cluster hands out the connections), relays identity
 * changes between them, starts a new worker when one dies, and stops them all on SIGTERM.
 */
async function runPrimary(config: Config, workers: number, demo: boolean): Promise<number> {
  const database = await openDatabase(config);
  const logins = demo ? (await seedDemo(database.db)).logins : [];
  await database.close();
  relayIdentityChanges();
  let closing = false;
  const fork = () => cluster.fork({ [CLUSTER_WORKER_ENV]: '1' });
  const listening = new Promise<string>((resolve) => {
    let up = 0;
    cluster.on('listening', (_w, address) => {
      up++;
      if (up === workers) resolve(`http://${config.host}:${address.port}`);
    });
  });
  cluster.on('exit', (worker, code, signal) => {
    if (closing) return;
    console.error(`worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
    fork();
  });
  for (let i = 0; i < workers; i++) fork();
  const stop = () => {
    if (closing) return;
    closing = true;
    const all = Object.values(cluster.workers ?? {});
    let left = all.length;
    if (left === 0) process.exit(0);
    for (const w of all) {
      w?.once('exit', () => {
        if (--left === 0) process.exit(0);
      });
      w?.process.kill('SIGTERM');
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  announce(await listening, `${database.kind}, ${workers} worker processes`, logins);
  return new Promise<number>(() => {});
}
