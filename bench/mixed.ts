/**
 * `npm run bench:mixed`: mixed load (decision 021) — 200 simulated people for three minutes,
 * on PostgreSQL (the benchmark organisation) and on the embedded database (the demo
 * organisation in a fresh data folder), and the embedded database's meeting page at 50
 * connections. Writes bench/results/<time>-mixed.md/.json and mixed-latest.md; exits 1 when a
 * request failed.
 *
 * Options: --db postgres,pglite  --users 200  --seconds 180  --think 2 (mean seconds)
 *          --ramp 30 (seconds over which the people arrive, before the 180)
 *          --size 100 (the PostgreSQL organisation)  --processes 1 (serve --workers N)
 *          --url postgres://…  --server-env LOG_LEVEL=info,PGOPTIONS=-c synchronous_commit=off
 *          (the server's settings, for an A/B run)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/demo/demo';
import { codeVersion } from './lib/code-version';
import { processCpuMs } from './lib/cpu';
import { loadFixtures, resetWrites } from './lib/fixtures';
import { measure, type Measured } from './lib/measure';
import { mixedMarkdown, runMixed, type MixedResult, type MixedUser } from './lib/mixed';
import { parseServerEnv, startServer } from './lib/server';
import { databaseUrl, ensureSeeded } from './seed/index';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench/results');
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres,pglite' },
    users: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '180' },
    think: { type: 'string', default: '2' },
    ramp: { type: 'string', default: '30' },
    size: { type: 'string', default: '100' },
    processes: { type: 'string', default: '1' },
    url: { type: 'string' },
    'server-env': { type: 'string' },
  },
});
const adminUrl =
  values.url ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const opts = {
  users: Number(values.users),
  seconds: Number(values.seconds),
  thinkSeconds: Number(values.think),
  rampSeconds: Number(values.ramp),
};
const log = (line: string) => process.stderr.write(`${line}\n`);

/** A CSRF secret cookie and its token (not tied to a session). */
async function csrfFor(url: string) {
  const res = await fetch(`${url}/api/auth/csrf`);
  const token = ((await res.json()) as { token: string }).token;
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('samtal_csrf='))!;
  return { cookie, token };
}

async function onPostgres(): Promise<MixedResult> {
  const size = Number(values.size);
  const database = `samtal_bench_${size}`;
  await ensureSeeded({ adminUrl, database, size, log });
  const dbUrl = databaseUrl(adminUrl, database);
  const db = new pg.Pool({ connectionString: dbUrl, max: 2, application_name: 'samtal-bench' });
  await resetWrites(db);
  const server = await startServer({
    root: ROOT,
    databaseUrl: dbUrl,
    processes: Number(values.processes),
    env: parseServerEnv(values['server-env']),
  });
  try {
    const f = await loadFixtures(db, 500);
    const csrf = await csrfFor(server.url);
    const sessions: MixedUser[] = [...f.employees, ...f.managers].map((s) => ({
      cookie: s.cookie,
      csrf,
    }));
    log(`PostgreSQL (${database}): ${opts.users} people for ${opts.seconds} s`);
    return await runMixed(server.url, sessions, { ...opts, log });
  } finally {
    await server.stop();
    log(`  reset: ${JSON.stringify(await resetWrites(db))}`);
    await db.end();
  }
}

/** Signs in with a password; the session cookie. */
async function signIn(url: string, csrf: MixedUser['csrf'], email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: {
      cookie: csrf.cookie,
      'x-csrf-token': csrf.token,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('samtal_session='))!;
}

async function onPglite(): Promise<{ mixed: MixedResult; meetingPage: Measured | null }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samtal-bench-pglite-'));
  const server = await startServer({
    root: ROOT,
    args: ['--demo'],
    env: { ...parseServerEnv(values['server-env']), SAMTAL_DATA_DIR: dataDir },
  });
  try {
    const csrf = await csrfFor(server.url);
    // Everyone of the demo organisation signs in once (HR lists them).
    const hr = await signIn(server.url, csrf, 'hr@samtal.demo');
    const people = (await (
      await fetch(`${server.url}/api/people?limit=200`, { headers: { cookie: hr } })
    ).json()) as { items: { email: string; active: boolean }[] };
    const sessions: MixedUser[] = [];
    for (const p of people.items.filter((x) => x.active))
      sessions.push({ cookie: await signIn(server.url, csrf, p.email), csrf });
    log(`PGlite (demo, ${sessions.length} people): ${opts.users} simulated for ${opts.seconds} s`);
    const mixed = await runMixed(server.url, sessions, { ...opts, log });

    // The meeting page, whole, at 50 connections: the embedded default's page loads per second.
    const pages: { cookie: string; id: string }[] = [];
    for (const s of sessions) {
      const home = (await (
        await fetch(`${server.url}/api/pages/home`, { headers: { cookie: s.cookie } })
      ).json()) as {
        mine?: { nextMeeting?: { id: string } | null } | null;
        overview?: { items: { nextMeeting: { id: string } | null }[] } | null;
      };
      const ids = [
        home.mine?.nextMeeting?.id,
        ...(home.overview?.items.map((x) => x.nextMeeting?.id) ?? []),
      ].filter((x): x is string => !!x);
      for (const id of ids) pages.push({ cookie: s.cookie, id });
    }
    let i = 0;
    const meetingPage = pages.length
      ? await measure(
          server.url,
          {
            key: 'meetingPage',
            name: 'meeting page, whole (PGlite): GET /api/pages/meeting/:id',
            what: 'the embedded default',
            next: () => {
              const p = pages[i++ % pages.length]!;
              return {
                method: 'GET',
                path: `/api/pages/meeting/${p.id}`,
                headers: { cookie: p.cookie },
              };
            },
          },
          { connections: 50, seconds: 10, warmup: 2 },
          async () => ({ server: processCpuMs(server.pid), backends: new Map() }),
        )
      : null;
    if (meetingPage)
      log(
        `  meeting page: ${Math.round(meetingPage.pagesPerSecond)} pages/s, p99 ${meetingPage.latencyMs.p99} ms, ` +
          `${meetingPage.cpuMsPerPage?.toFixed(2)} ms CPU a page`,
      );
    return { mixed, meetingPage };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const startedAt = new Date().toISOString();
const dbs = values.db.split(',');
const report: {
  startedAt: string;
  code: string;
  loadAverageAtStart: number[];
  settings: typeof opts;
  postgres?: MixedResult;
  pglite?: MixedResult;
  pgliteMeetingPage?: Measured | null;
} = {
  startedAt,
  code: codeVersion(ROOT),
  loadAverageAtStart: os.loadavg(),
  settings: opts,
};
if (dbs.includes('postgres')) report.postgres = await onPostgres();
if (dbs.includes('pglite')) {
  const r = await onPglite();
  report.pglite = r.mixed;
  report.pgliteMeetingPage = r.meetingPage;
}

const md = [
  `# Samtal mixed load — ${startedAt}`,
  '',
  `Code: ${report.code}. Load average at start: ${report.loadAverageAtStart.map((x) => x.toFixed(2)).join(' ')} (shared machine).`,
  'Each simulated person opens their home and their 1:1 (whole pages), adds topics, writes the note of their own topic, ticks their own action and lists their actions, thinking between steps.',
  '',
  ...(report.postgres
    ? mixedMarkdown(`PostgreSQL, ${values.size} people`, report.postgres, '0 errors, p99 ≤ 100 ms')
    : []),
  ...(report.pglite
    ? mixedMarkdown('PGlite (embedded), demo organisation', report.pglite, '0 errors, p99 ≤ 500 ms')
    : []),
  ...(report.pgliteMeetingPage
    ? [
        `### PGlite: the meeting page, whole, at 50 connections`,
        '',
        `${Math.round(report.pgliteMeetingPage.pagesPerSecond)} page loads/s, p50 ${report.pgliteMeetingPage.latencyMs.p50} ms, ` +
          `p99 ${report.pgliteMeetingPage.latencyMs.p99} ms, ${report.pgliteMeetingPage.cpuMsPerPage?.toFixed(2)} ms CPU a page ` +
          `(one process: Node and the database in it), ${report.pgliteMeetingPage.non2xx + report.pgliteMeetingPage.errors} errors. Target: ≥ 1,000 page loads/s.`,
        '',
      ]
    : []),
].join('\n');
fs.mkdirSync(RESULTS, { recursive: true });
const stamp = startedAt.replace(/[:.]/g, '-');
fs.writeFileSync(path.join(RESULTS, `${stamp}-mixed.json`), `${JSON.stringify(report, null, 2)}\n`);
fs.writeFileSync(path.join(RESULTS, `${stamp}-mixed.md`), md);
fs.writeFileSync(path.join(RESULTS, 'mixed-latest.md'), md);
console.log(md);
const errors =
  (report.postgres?.errors ?? 0) +
  (report.pglite?.errors ?? 0) +
  (report.pgliteMeetingPage
    ? report.pgliteMeetingPage.errors + report.pgliteMeetingPage.non2xx
    : 0);
if (errors > 0) {
  log(`mixed load FAILED: ${errors} errors`);
  process.exitCode = 1;
}
