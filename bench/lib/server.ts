/**
 * Runs the real server (`node bin/samtal.js serve`) as a child process, so its memory is its
 * own, and reads that memory from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type ServerHandle = {
  url: string;
  pid: number;
  /** The server's processes: the one, or the primary and its workers (serve --workers N). */
  pids(): number[];
  /** Resident memory now and its peak so far (kB), or null where /proc is missing. */
  memory(): { rssKb: number; peakKb: number } | null;
  stop(): Promise<void>;
};

function readMemory(pid: number): { rssKb: number; peakKb: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssKb: kb('VmRSS'), peakKb: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** The children of a process (cluster workers), from /proc. */
function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((t) =>
        fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/),
      )
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Starts Samtal on a free port of 127.0.0.1 against `databaseUrl`. */
export async function startServer(opts: {
  root: string;
  /** PostgreSQL; without it the embedded database in env.SAMTAL_DATA_DIR. */
  databaseUrl?: string;
  /** More arguments for `serve` (e.g. --demo). */
  args?: string[];
  /** Folder for a V8 CPU profile of the whole run (node --cpu-prof). */
  cpuProfDir?: string;
  /** Run the job workers (reminders, mail) in the measured process too; off by default. */
  workers?: boolean;
  /** Settings for the server on top of the benchmark's own (e.g. LOG_LEVEL for an A/B run). */
  env?: Record<string, string>;
  /** Worker processes (serve --workers N); 1: one process. */
  processes?: number;
}): Promise<ServerHandle> {
  const nodeArgs = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...nodeArgs,
      path.join(opts.root, 'bin/samtal.js'),
      'serve',
      ...((opts.processes ?? 1) > 1 ? ['--workers', String(opts.processes)] : []),
      ...(opts.args ?? []),
    ],
    {
      cwd: opts.root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
        LOG_LEVEL: 'warn',
        SAMTAL_WORKERS: opts.workers ? 'true' : 'false',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 300_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at (http:\/\/[^\s]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => {
      output += c.toString();
      process.stderr.write(`[server] ${c.toString()}`);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const pid = child.pid!;
  const pids = () => [pid, ...childrenOf(pid)];
  return {
    url,
    pid,
    pids,
    // Summed over the processes; the peak is the sum of each one's peak (an upper bound).
    memory: () => {
      const all = pids().map(readMemory);
      if (all.some((m) => m === null)) return readMemory(pid);
      let rssKb = 0;
      let peakKb = 0;
      for (const m of all) {
        rssKb += m!.rssKb;
        peakKb += m!.peakKb;
      }
      return { rssKb, peakKb };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * `--server-env K=V,K2=V2`: settings for the measured server. Split at the first '=' only, as
 * a value may hold more (PGOPTIONS=-c plan_cache_mode=…).
 */
export function parseServerEnv(option: string | undefined): Record<string, string> {
  return Object.fromEntries(
    (option ?? '')
      .split(',')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
}
