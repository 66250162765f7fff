/**
 * One measurement with autocannon: closed loop, `connections` clients on 127.0.0.1, each
 * building its next request from the scenario (so requests spread over users and rows).
 */
import autocannon from 'autocannon';
import { cpuBetween, type CpuSample } from './cpu';

export type Call = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  headers: Record<string, string>;
  body?: string;
};

export type Scenario = {
  key: string;
  name: string;
  /** What the row stands for, in the report. */
  what: string;
  /**
   * The next request of client `client` (0…connections-1): writes give each client targets of
   * its own, so two clients never write the same note (which would be a 409, not a measure).
   */
  next(client: number): Call;
  /** Requests that make one page load (the old multi-request pages); CPU is reported per page. */
  requestsPerPage?: number;
  onResponse?(call: Call, status: number, body: string): void;
  /**
   * Called before each measured run (after its warm-up). A run ends with requests still in
   * flight whose answers are never read (a note saved at version n+1 while the scenario still
   * knows n): a write scenario moves to fresh targets here, so the next run starts clean.
   */
  measuring?(): void;
  /** Fewer connections than the others (sign-in: argon2 keeps a core busy ~0.2 s a hash). */
  connections?: number;
  /**
   * Each target can be used once (finishing a meeting): the number of targets. When they
   * would not last the whole duration even at 1,500 requests/s, the run makes exactly this
   * many requests instead.
   */
  once?: number;
  /**
   * Make exactly this many requests instead of running for the duration (sign-in: each takes
   * a core for ~0.2 s, several seconds on a busy machine, so a short run could finish none).
   */
  amount?: number;
};

export type Measured = {
  key: string;
  name: string;
  what: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Mean response body, bytes (headers included). */
  bytesPerResponse: number;
  /**
   * CPU per request (ms): the server process, the PostgreSQL backends serving it, and the
   * load generator itself (all on the same machine). Null where /proc could not tell.
   */
  cpuMsPerRequest: { server: number | null; postgres: number | null; loadGenerator: number };
  /** Requests per page load (1 unless the scenario is a multi-request page). */
  requestsPerPage: number;
  /** CPU per page load, server and PostgreSQL together (the primary figure), or null. */
  cpuMsPerPage: number | null;
  /** Page loads per second. */
  pagesPerSecond: number;
};

/**
 * When autocannon stops, up to `connections` requests are still in the server; waiting twice
 * the slowest latency lets them finish, so they do not slow the next measurement down.
 */
async function drain(r: autocannon.Result): Promise<void> {
  // No answer at all means the server is still busy with every request: give it long.
  const wait = r.requests.total === 0 ? 15_000 : Math.min(15_000, Math.max(300, 2 * r.latency.max));
  await new Promise((resolve) => setTimeout(resolve, wait));
}

/** Runs a scenario against `url`; a warm-up of `warmup` seconds is not recorded. */
export async function measure(
  url: string,
  scenario: Scenario,
  opts: { connections: number; seconds: number; warmup: number },
  sampleCpu?: () => Promise<CpuSample>,
): Promise<Measured> {
  let clients = 0;
  const setupClient = (client: autocannon.Client) => {
    let current: Call | undefined;
    const index = clients++ % (scenario.connections ?? opts.connections);
    client.setRequests([
      {
        setupRequest: (req) => {
          current = scenario.next(index);
          return { ...req, ...current };
        },
        onResponse: (status: number, body: string) => {
          if (current) scenario.onResponse?.(current, status, body);
        },
      },
    ]);
  };
  const base = {
    url,
    connections: scenario.connections ?? opts.connections,
    setupClient,
    timeout: 30,
  };
  const amount =
    scenario.amount ??
    (scenario.once !== undefined && scenario.once < opts.seconds * 1500
      ? scenario.once
      : undefined);
  const connections = Math.min(scenario.connections ?? opts.connections, amount ?? Infinity);
  if (opts.warmup > 0 && scenario.once === undefined)
    await drain(await autocannon({ ...base, duration: opts.warmup }));
  scenario.measuring?.();
  const before = await sampleCpu?.();
  const loader = process.cpuUsage();
  const r = await autocannon(
    amount ? { ...base, amount, connections } : { ...base, duration: opts.seconds },
  );
  const loaderMs = (() => {
    const u = process.cpuUsage(loader);
    return (u.user + u.system) / 1000;
  })();
  // What is still in flight when autocannon stops was sent and costs CPU: drain, then count it.
  await drain(r);
  const after = await sampleCpu?.();
  const cpu = before && after ? cpuBetween(before, after) : { serverMs: null, postgresMs: null };
  const sent = Math.max(1, r.requests.sent);
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {}))
    statusCodes[code] = (s as { count: number }).count;
  const total = r.requests.total;
  const perPage = scenario.requestsPerPage ?? 1;
  const serverMs = cpu.serverMs === null ? null : cpu.serverMs / sent;
  const postgresMs = cpu.postgresMs === null ? null : cpu.postgresMs / sent;
  return {
    key: scenario.key,
    name: scenario.name,
    what: scenario.what,
    connections,
    seconds: r.duration,
    requests: total,
    rps: total / r.duration,
    latencyMs: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
      mean: r.latency.mean,
    },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes,
    bytesPerResponse: total > 0 ? Math.round(r.throughput.total / total) : 0,
    cpuMsPerRequest: { server: serverMs, postgres: postgresMs, loadGenerator: loaderMs / sent },
    requestsPerPage: perPage,
    cpuMsPerPage: serverMs === null ? null : (serverMs + (postgresMs ?? 0)) * perPage,
    pagesPerSecond: total / r.duration / perPage,
  };
}
