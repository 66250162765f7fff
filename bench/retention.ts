/**
 * `npm run bench:retention`: times the retention job (decision 024) on a benchmark organisation
 * in PostgreSQL. It deletes data: run it on a copy (`--database`), never on real data, and never
 * on the benchmark database others need intact (copy it first:
 * `createdb -T samtal_bench_50000 samtal_bench_50000_ret`).
 *
 *   npm run bench:retention -- --database samtal_bench_50000_ret --notes-days 730
 *   npm run bench:retention -- --database samtal_bench_50000_ret --erase
 *
 * Without `--erase`: sets the organisation's per-kind periods (`--notes-days` covers notes,
 * check-ins and private notes; `--development-days`, `--salary-days`, `--audit-days` and
 * `--leavers-days` the rest), runs `applyRetention` once and prints what went and how long each
 * step took (leavers, meetings' notes, check-ins, development, salary, private, audit).
 * With `--erase`: deactivates the employee with the longest 1:1 history and times erasing them
 * (`erasePerson`, one transaction) as the retention job would.
 */
import { parseArgs } from 'node:util';
import { openPostgres, type Database } from '../src/db/client';
import {
  applyRetention,
  erasePerson,
  type RetentionStep,
} from '../src/server/services/privacy.service';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'samtal_bench_50000_ret' },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    'notes-days': { type: 'string', default: '730' },
    'development-days': { type: 'string', default: '3650' },
    'salary-days': { type: 'string', default: '3650' },
    'audit-days': { type: 'string', default: '3650' },
    'leavers-days': { type: 'string', default: '730' },
    batches: { type: 'string', default: '1000' },
    erase: { type: 'boolean', default: false },
  },
});
if (values.database === 'samtal_bench_50000')
  throw new Error('bench:retention deletes data: run it on a copy, not samtal_bench_50000');

const round = (s: number) => Math.round(s * 100) / 100;
const sql = async <T>(database: Database, text: string, params: unknown[] = []) =>
  ((await database.executeSql(text, params)) as { rows: T[] }).rows;

const opened = Date.now();
const database = await openPostgres(`${values.url}/${values.database}`);
// Opening migrates: on a copy of an older seed that builds the newer indexes first.
const openSeconds = (Date.now() - opened) / 1000;

if (values.erase) {
  const [person] = await sql<{ id: string; org_id: string; name: string; meetings: number }>(
    database,
    `select p.id, p.org_id, p.name, count(*)::int as meetings
     from one_on_one_meetings m join people p on p.org_id = m.org_id and p.id = m.employee_id
     where p.erased_at is null and not ('admin' = any(p.roles))
     group by p.id, p.org_id, p.name order by count(*) desc, p.id limit 1`,
  );
  if (!person) throw new Error('no one with a 1:1 history to erase');
  await sql(
    database,
    `update people set active = false, deactivated_at = now() - interval '1000 days'
     where org_id = $1 and id = $2`,
    [person.org_id, person.id],
  );
  const started = process.hrtime.bigint();
  const counts = await erasePerson(database.db, person.org_id, person.id, null, new Date());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    JSON.stringify({
      database: values.database,
      openSeconds: round(openSeconds),
      erased: { meetings: person.meetings, seconds: round(seconds), counts },
    }),
  );
} else {
  const orgs = await sql<{ id: string }>(database, 'select id from organisations');
  for (const { id } of orgs)
    await sql(
      database,
      `insert into retention_settings (org_id, country, leavers_after_days, notes_after_days,
         check_ins_after_days, development_after_days, salary_after_days, private_after_days,
         audit_after_days)
       values ($1, 'SE', $3, $2, $2, $4, $5, $2, $6)
       on conflict (org_id) do update set leavers_after_days = $3, notes_after_days = $2,
         check_ins_after_days = $2, development_after_days = $4, salary_after_days = $5,
         private_after_days = $2, audit_after_days = $6`,
      [
        id,
        Number(values['notes-days']),
        Number(values['leavers-days']),
        Number(values['development-days']),
        Number(values['salary-days']),
        Number(values['audit-days']),
      ],
    );
  const steps: RetentionStep[] = [];
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const totals = await applyRetention(database.db, {
    maxBatches: Number(values.batches),
    onStep: (s) => {
      steps.push(s);
      if (s.cleared > 0 || s.seconds > 1)
        console.log(JSON.stringify({ ...s, seconds: round(s.seconds) }));
    },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  // Per step over all organisations (the benchmark has the big one and maybe small ones).
  const perStep: Record<string, { cleared: number; batches: number; seconds: number }> = {};
  for (const s of steps) {
    const t = (perStep[s.step] ??= { cleared: 0, batches: 0, seconds: 0 });
    t.cleared += s.cleared;
    t.batches += s.batches;
    t.seconds = round(t.seconds + s.seconds);
  }
  console.log(
    JSON.stringify({
      database: values.database,
      openSeconds: round(openSeconds),
      seconds: round(seconds),
      nodeCpuSeconds: round((used.user + used.system) / 1e6),
      steps: perStep,
      totals,
    }),
  );
}
await database.close();
