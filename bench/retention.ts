/**
 * `npm run bench:retention`: times the retention job (decision 024) on a benchmark organisation
 * in PostgreSQL. It deletes data: run it on a copy (`--database`), never on real data.
 *
 *   npm run bench:retention -- --database samtal_bench_50000 --notes-days 730 --batches 200
 *
 * Sets the organisation's per-kind periods, runs `applyRetention` once with a bounded number of
 * batches, and prints what went and how fast (rows and meetings per second).
 */
import { parseArgs } from 'node:util';
import { openPostgres } from '../src/db/client';
import { applyRetention } from '../src/server/services/privacy.service';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'samtal_bench_50000' },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    'notes-days': { type: 'string', default: '730' },
    batches: { type: 'string', default: '200' },
  },
});

const database = await openPostgres(`${values.url}/${values.database}`);
const days = Number(values['notes-days']);
const { rows } = (await database.executeSql('select id from organisations')) as {
  rows: { id: string }[];
};
for (const { id } of rows)
  await database.executeSql(
    `insert into retention_settings (org_id, country, leavers_after_days, notes_after_days,
       check_ins_after_days, development_after_days, salary_after_days, private_after_days,
       audit_after_days)
     values ($1, 'SE', 730, $2, $2, 3650, 3650, $2, 3650)
     on conflict (org_id) do update set notes_after_days = $2, check_ins_after_days = $2,
       private_after_days = $2`,
    [id, days],
  );
const started = process.hrtime.bigint();
const cpu = process.cpuUsage();
const totals = await applyRetention(database.db, { maxBatches: Number(values.batches) });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    database: values.database,
    keptDays: days,
    seconds: Math.round(seconds * 10) / 10,
    nodeCpuSeconds: Math.round((used.user + used.system) / 1e5) / 10,
    totals,
  }),
);
await database.close();
