/**
 * `npm run bench:refresh`: times the HR statistics refresh (decision 014) on a benchmark
 * organisation in PostgreSQL, statement by statement.
 *
 *   npm run bench:refresh -- --database samtal_bench_50000 --runs 3
 *
 * Runs, on the largest organisation: a refresh of the twelve quarters before the current one
 * and the current one with every quarter counted from the 1:1s (as every daily pass did before
 * closed quarters were kept); the scheduled refresh (current quarter and rounds); the daily
 * pass that keeps closed quarters; and that pass after a 1:1 of an old quarter changed (a
 * touch row, as the trigger leaves). Prints each step's time and the statements that took it
 * (time seen by Node: the PostgreSQL time plus moving the few rows). Writes only the rollup
 * tables (and one touch row).
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../src/db/client';
import { todayIn } from '../src/domain/one-on-one/occurrences';
import { recentQuarters } from '../src/domain/statistics/periods';
import { refreshStatistics } from '../src/server/services/statistics-rollup.service';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'samtal_bench_50000' },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    runs: { type: 'string', default: '3' },
  },
});

// Every statement's time, by its first words (the refresh runs them one after another).
const spent = new Map<string, { n: number; ms: number }>();
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
  const started = performance.now();
  const done = () => {
    if (!text) return;
    const label = text.replace(/\s+/g, ' ').trim().slice(0, 90);
    const s = spent.get(label) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += performance.now() - started;
    spent.set(label, s);
  };
  // The pool passes a callback; a client in a transaction gets a promise.
  const last = args.length - 1;
  const callback = args[last];
  if (typeof callback === 'function')
    args[last] = (...r: unknown[]) => {
      done();
      return (callback as (...r: unknown[]) => unknown)(...r);
    };
  const result = query.apply(this, args);
  return result instanceof Promise ? result.finally(done) : result;
} as typeof pg.Client.prototype.query;

const database = await openPostgres(`${values.url}/${values.database}`, { max: 4 });
const sqlRows = async <T>(text: string, params: unknown[] = []) =>
  ((await database.executeSql(text, params)) as { rows: T[] }).rows;
const [org] = await sqlRows<{ id: string; zone: string; people: number }>(
  `select o.id, o.default_time_zone as zone, count(p.id)::int as people
   from organisations o join people p on p.org_id = o.id group by o.id order by 3 desc limit 1`,
);
if (!org) throw new Error('no organisation: run npm run bench:seed first');
const quarters = recentQuarters(todayIn(org.zone, new Date()));

async function step(name: string, work: () => Promise<void>) {
  spent.clear();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const statements = [...spent]
    .filter(([, s]) => s.ms >= 5)
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([sql, s]) => ({ ms: Math.round(s.ms), n: s.n, sql }));
  console.log(JSON.stringify({ step: name, ms: Math.round(ms), statements }, null, 1));
}

const all = { periods: quarters, rounds: true };
await step('every quarter counted (13 quarters, as each daily pass was)', () =>
  refreshStatistics(database.db, org.id, { ...all, recount: true }),
);
for (let i = 0; i < Number(values.runs); i++) {
  await step('scheduled refresh (current quarter, rounds)', () =>
    refreshStatistics(database.db, org.id, { periods: [quarters[0]!], rounds: true }),
  );
  await step('daily pass, closed quarters kept (13 quarters)', () =>
    refreshStatistics(database.db, org.id, all),
  );
}
await sqlRows(`insert into statistics_touches (org_id, period) values ($1, $2)`, [
  org.id,
  quarters[4]!.key,
]);
await step(`daily pass after a 1:1 of ${quarters[4]!.key} changed`, () =>
  refreshStatistics(database.db, org.id, all),
);
console.log(JSON.stringify({ database: values.database, people: org.people }));
await database.close();
