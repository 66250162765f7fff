import { openDatabase } from '../db/client';
import { DEMO_PASSWORD, seedDemo } from '../db/seed/demo';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { FAST_TIMING, JobQueue } from '../server/jobs/queue';
import { JOB_KINDS, startWorkers } from '../server/jobs/workers';
import type { Command } from './commands';

export const serveCommand: Command = {
  summary: 'start the web server',
  help: `samtal serve [--demo]

Starts Samtal on HOST:PORT (default 127.0.0.1:3000). Without DATABASE_URL it uses the
embedded database in SAMTAL_DATA_DIR (default ./data).
  --demo   create the demo organisation first (if missing) and print its sign-ins`,
  options: { demo: { type: 'boolean' } },
  async run(values) {
    const config = loadConfig();
    const database = await openDatabase(config);
    const logins = values.demo ? (await seedDemo(database.db)).logins : [];
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
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const url = `http://${config.host}:${port}`;
    console.log(`\nSamtal is running at ${url}  (database: ${database.kind})`);
    if (logins.length) {
      console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`);
      for (const u of logins) console.log(`  ${u.role.padEnd(9)} ${u.email}`);
    }
    console.log('');
    return new Promise<number>(() => {});
  },
};
