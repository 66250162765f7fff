/**
 * `npm run bench` (full) and `npm run bench:quick` (small organisation, a few seconds a route).
 *
 * Starts the real server on each benchmark database, measures every route with autocannon on
 * 127.0.0.1, and writes bench/results/<time>.json and .md (and latest.md); quick runs write
 * bench/results/quick-latest.*. Exits 1 when a route answered with errors or non-2xx, never
 * because something was slow.
 *
 * Options: --sizes 50000,100  --seconds 10  --warmup 2  --connections 50  --sample 500
 *          --alone 3 (seconds of each route with one connection: a single user's latency)
 *          --only meeting,hr  --cpu-prof (V8 profile of the server into bench/results/profiles)
 *          --url postgres://…  (server; default $DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres)
 *          --no-web (skip the build and the JavaScript size)
 *          --workers (run the job workers in the measured server too; off: they are not requests)
 *          --processes N (serve --workers N: N server processes on PostgreSQL; CPU and memory summed)
 *          --report <file> (passed/failed counts in vitest's JSON shape, for CI's summary)
 *          A/B: --server-env LOG_LEVEL=info,SESSION_CACHE_SECONDS=0  --label ab-before (file suffix)
 *          --root <checkout> (measure another checkout's server, e.g. a worktree of an older commit)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { codeVersion } from './lib/code-version';
import { sampleCpu } from './lib/cpu';
import { loadFixtures, resetWrites, unpreparedMeetings, type Fixtures } from './lib/fixtures';
import { measure, type Measured } from './lib/measure';
import { runMixed, type MixedResult } from './lib/mixed';
import {
  compare,
  judge,
  toMarkdown,
  type Alone,
  type Machine,
  type OrgResult,
  type Report,
} from './lib/report';
import { baseline, scenarios, tickedActions, type Csrf } from './lib/scenarios';
import { parseServerEnv, startServer } from './lib/server';
import { buildAndMeasureWeb } from './lib/web-size';
import { BENCH_PASSWORD, databaseUrl, dropDatabase, ensureSeeded } from './seed/index';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench/results');

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    seconds: { type: 'string' },
    alone: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string', default: '50' },
    sample: { type: 'string' },
    only: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    url: { type: 'string' },
    'no-web': { type: 'boolean', default: false },
    workers: { type: 'boolean', default: false },
    processes: { type: 'string', default: '1' },
    report: { type: 'string' },
    'server-env': { type: 'string' },
    root: { type: 'string' },
    label: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  // The options are documented once, in this file's opening comment.
  const source = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8');
  const head = source.slice(source.indexOf('/**') + 3, source.indexOf('*/'));
  console.log(head.replace(/^ \* ?/gm, '').trim());
  process.exit(0);
}
const serverEnv = parseServerEnv(values['server-env']);
const serverRoot = values.root ? path.resolve(values.root) : ROOT;
const quick = values.quick;
const adminUrl =
  values.url ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sizes = (values.sizes ?? (quick ? '100' : '50000,100')).split(',').map(Number);
const settings = {
  connections: Number(values.connections),
  seconds: Number(values.seconds ?? (quick ? 3 : 10)),
  aloneSeconds: Number(values.alone ?? (quick ? 1 : 3)),
  warmupSeconds: Number(values.warmup ?? (quick ? 1 : 2)),
  sample: Number(values.sample ?? (quick ? 200 : 500)),
  workers: Boolean(values.workers),
  processes: Number(values.processes),
};
const only = values.only?.split(',');
const log = (line: string) => process.stderr.write(`${line}\n`);

async function machine(): Promise<Machine> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const v = (await c.query<{ v: string }>('select version() as v')).rows[0]!.v;
    const s = await c.query<{ name: string; setting: string; unit: string | null }>(
      `select name, setting, unit from pg_settings where name in
       ('shared_buffers', 'work_mem', 'effective_cache_size', 'max_connections', 'synchronous_commit', 'jit')`,
    );
    return {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      postgres: v.split(' on ')[0]!,
      postgresSettings: Object.fromEntries(
        s.rows.map((r) => [
          r.name,
          `${r.setting}${r.unit && r.unit !== 'ms' ? ` × ${r.unit}` : ''}`,
        ]),
      ),
      os: `${os.type()} ${os.release()}`,
      loadAverageAtStart: os.loadavg(),
    };
  } finally {
    await c.end();
  }
}

/** A CSRF secret cookie and its token; not tied to a session, so every client may share it. */
async function csrfFor(url: string): Promise<Csrf> {
  const res = await fetch(`${url}/api/auth/csrf`);
  const token = ((await res.json()) as { token: string }).token;
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('samtal_csrf='));
  if (!cookie) throw new Error('no CSRF cookie');
  return { cookie, token };
}

/** Opens the meetings of the finish pool nobody opened yet, so finishing measures only finishing. */
async function prepareFinishPool(url: string, db: pg.Pool, f: Fixtures) {
  const todo = new Set(
    await unpreparedMeetings(
      db,
      f.finish.map((t) => t.id),
    ),
  );
  const targets = f.finish.filter((t) => todo.has(t.id));
  for (let i = 0; i < targets.length; i += 16) {
    await Promise.all(
      targets.slice(i, i + 16).map(async (t) => {
        const res = await fetch(`${url}/api/one-on-ones/meetings/${t.id}`, {
          headers: { cookie: t.user.cookie },
        });
        await res.arrayBuffer();
      }),
    );
  }
  if (targets.length) log(`  opened ${targets.length} meetings of the finish pool once`);
}

async function benchOrganisation(size: number, failures: string[]): Promise<OrgResult> {
  const database = quick ? 'samtal_bench_quick' : `samtal_bench_${size}`;
  const marker = await ensureSeeded({ adminUrl, database, size, force: quick, log });
  const dbUrl = databaseUrl(adminUrl, database);
  const db = new pg.Pool({ connectionString: dbUrl, max: 4, application_name: 'samtal-bench' });
  await resetWrites(db);
  const profDir = values['cpu-prof'] ? path.join(RESULTS, 'profiles') : undefined;
  const server = await startServer({
    root: serverRoot,
    env: serverEnv,
    databaseUrl: dbUrl,
    cpuProfDir: profDir,
    workers: values.workers,
    processes: settings.processes,
  });
  const mb = () => (server.memory()?.rssKb ?? 0) / 1024;
  try {
    const idleMb = mb();
    const fixtures = await loadFixtures(db, settings.sample);
    const csrf = await csrfFor(server.url);
    await prepareFinishPool(server.url, db, fixtures);
    const run = async (s: Parameters<typeof measure>[1]) => {
      const loadBefore = os.loadavg()[0]!;
      const m = await measure(server.url, s, { ...settings, warmup: settings.warmupSeconds }, () =>
        sampleCpu(db, database, server.pids()),
      );
      const c = m.cpuMsPerRequest;
      log(
        `  ${s.name}: ${Math.round(m.rps)} req/s, p50 ${m.latencyMs.p50} ms, p99 ${m.latencyMs.p99} ms, ` +
          `CPU ms/req ${c.server?.toFixed(2)} + ${c.postgres?.toFixed(2)}` +
          `${m.non2xx || m.errors || m.timeouts ? `, ${m.errors} errors, ${m.timeouts} timeouts, non-2xx ${JSON.stringify(m.statusCodes)}` : ''}`,
      );
      if (m.errors + m.timeouts + m.non2xx > 0 || m.requests === 0)
        failures.push(
          `${size} people, ${s.key}: ${m.errors} errors, ${m.timeouts} timeouts, statuses ${JSON.stringify(m.statusCodes)}`,
        );
      return { m, loadBefore };
    };
    log(`${database}: ${server.url}, ${Math.round(idleMb)} MB idle`);
    const start = (await run(baseline())).m;
    const afterRouteMb: Record<string, number> = {};
    const measured: { m: Measured; loadBefore: number; alone: Alone | null }[] = [];
    for (const s of scenarios(fixtures, csrf, BENCH_PASSWORD, settings.connections)) {
      if (only && !only.includes(s.key)) continue;
      const { m, loadBefore } = await run(s);
      afterRouteMb[s.key] = Math.round(mb());
      // One user alone (targets used once, like finishing, are not repeated).
      let alone: Alone | null = null;
      if (s.once === undefined && s.amount === undefined && settings.aloneSeconds > 0) {
        const a = await measure(server.url, s, {
          connections: 1,
          seconds: settings.aloneSeconds,
          warmup: 0,
        });
        alone = { rps: a.rps, p50: a.latencyMs.p50, p99: a.latencyMs.p99, requests: a.requests };
        if (a.errors + a.timeouts + a.non2xx > 0)
          failures.push(
            `${size} people, ${s.key} alone: statuses ${JSON.stringify(a.statusCodes)}`,
          );
      }
      measured.push({ m, loadBefore, alone });
    }
    // Mixed load, short (CI's quick run; `npm run bench:mixed` is the full one).
    let mixed: MixedResult | undefined;
    if (quick) {
      const users = [...fixtures.employees, ...fixtures.managers].map((u) => ({
        cookie: u.cookie,
        csrf,
      }));
      mixed = await runMixed(server.url, users, {
        users: 50,
        seconds: 15,
        thinkSeconds: 0.5,
        rampSeconds: 3,
      });
      log(
        `  mixed load: ${mixed.users} people, ${mixed.requests} requests, ${mixed.errors} errors, p99 ${mixed.latencyMs.p99} ms`,
      );
      if (mixed.errors > 0)
        failures.push(
          `${size} people, mixed load: ${mixed.errors} errors ${JSON.stringify(mixed.statuses)}`,
        );
    }
    const end = (await run(baseline())).m;
    const rps = (start.rps + end.rps) / 2;
    return {
      size,
      database,
      rows: marker.rows,
      baseline: { start, end, rps },
      routes: measured.map(({ m, loadBefore, alone }) => ({
        ...m,
        ofBaseline: m.rps / rps,
        loadBefore,
        alone,
      })),
      memory: {
        idleMb: Math.round(idleMb),
        peakMb: Math.round((server.memory()?.peakKb ?? 0) / 1024),
        endMb: Math.round(mb()),
        afterRouteMb,
      },
      processes: settings.processes,
      ...(mixed ? { mixed } : {}),
    };
  } finally {
    await server.stop();
    const undone = await resetWrites(db, [...tickedActions]);
    tickedActions.clear();
    log(`  reset: ${JSON.stringify(undone)}`);
    await db.end();
    if (quick) await dropDatabase(adminUrl, database);
  }
}

const startedAt = new Date();
const failures: string[] = [];
const report: Report = {
  startedAt: startedAt.toISOString(),
  mode: quick ? 'quick' : 'full',
  code: `${codeVersion(serverRoot)}${values['server-env'] ? ` with ${values['server-env']}` : ''}`,
  machine: await machine(),
  settings,
  web: null,
  orgs: [],
  comparison: [],
  targets: [],
  failures,
};
if (!values['no-web']) report.web = buildAndMeasureWeb(ROOT);
for (const size of sizes) report.orgs.push(await benchOrganisation(size, failures));
report.comparison = compare(report.orgs);
report.targets = quick ? [] : judge(report);

fs.mkdirSync(RESULTS, { recursive: true });
const md = toMarkdown(report);
const stamp = `${report.startedAt.replace(/[:.]/g, '-')}${values.label ? `-${values.label}` : ''}`;
const files = quick
  ? { json: 'quick-latest.json', md: 'quick-latest.md' }
  : { json: `${stamp}.json`, md: `${stamp}.md` };
fs.writeFileSync(path.join(RESULTS, files.json), `${JSON.stringify(report, null, 2)}\n`);
fs.writeFileSync(path.join(RESULTS, files.md), md);
// latest.md is the newest complete run: every route on more than one organisation.
if (!quick && !only && !values.root && !values['server-env'] && report.orgs.length > 1)
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), md);
console.log(md);
log(`results: bench/results/${files.json}, bench/results/${files.md}`);
if (values.report) {
  // Counted with the test reports in CI's summary line: one check per route and organisation.
  const checks = report.orgs.reduce((n, o) => n + o.routes.length + 2 + (o.mixed ? 1 : 0), 0);
  fs.mkdirSync(path.dirname(path.resolve(values.report)), { recursive: true });
  fs.writeFileSync(
    values.report,
    JSON.stringify({
      numPassedTests: Math.max(0, checks - failures.length),
      numFailedTests: failures.length,
      failures,
    }),
  );
}
if (failures.length) {
  log(`benchmark FAILED: ${failures.length} route(s) answered with errors`);
  process.exitCode = 1;
}
