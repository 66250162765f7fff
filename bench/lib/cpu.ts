/**
 * CPU time spent by the server process and by the PostgreSQL backends serving it, read from
 * /proc. On a shared machine requests per second depend on what else runs; CPU per request
 * does not, so the report shows both.
 */
import fs from 'node:fs';
import type pg from 'pg';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of a process in ms, or null when it is gone (or /proc is not there). */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

export type CpuSample = { server: number | null; backends: Map<number, number> };

/** The backends connected to `database`, except the benchmark's own (application_name). */
async function backendPids(db: pg.Pool, database: string): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>(
    `select pid from pg_stat_activity
     where datname = $1 and application_name <> 'samtal-bench' and pid <> pg_backend_pid()`,
    [database],
  );
  return rows.map((r) => r.pid);
}

export async function sampleCpu(
  db: pg.Pool,
  database: string,
  serverPids: number[],
): Promise<CpuSample> {
  const backends = new Map<number, number>();
  for (const pid of await backendPids(db, database)) {
    const ms = processCpuMs(pid);
    if (ms !== null) backends.set(pid, ms);
  }
  const server = serverPids.map(processCpuMs);
  return {
    server: server.some((x) => x === null) ? null : server.reduce((a, b) => a! + b!, 0),
    backends,
  };
}

/**
 * CPU ms between two samples. A backend that appeared in between counts from zero; one that
 * ended in between is lost (pools keep their connections while busy, so this is rare).
 */
export function cpuBetween(
  a: CpuSample,
  b: CpuSample,
): { serverMs: number | null; postgresMs: number | null } {
  let postgres = 0;
  for (const [pid, ms] of b.backends) postgres += ms - (a.backends.get(pid) ?? 0);
  return {
    serverMs: a.server !== null && b.server !== null ? b.server - a.server : null,
    postgresMs: b.backends.size > 0 ? postgres : null,
  };
}
