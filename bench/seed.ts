/**
 * `npm run bench:seed`: makes the benchmark organisations in PostgreSQL.
 *
 *   npm run bench:seed                      # 50,000 people and 100 people (both, if missing)
 *   npm run bench:seed -- --size 20000      # one organisation of another size
 *   npm run bench:seed -- --force --verify  # remake, then check every reference
 *   npm run bench:seed -- --extras          # remake only the check-ins and conversation round
 *
 * Options: --url (server, default $DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres),
 * --database (default samtal_bench_<size>), --years (3), --seed (1), --jobs (2).
 */
import { parseArgs } from 'node:util';
import { ensureSeeded } from './seed/index';

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    database: { type: 'string' },
    url: { type: 'string' },
    years: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    jobs: { type: 'string', default: '2' },
    force: { type: 'boolean', default: false },
    extras: { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
  },
});

const adminUrl =
  values.url ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sizes = values.size ? [Number(values.size)] : [50_000, 100];
for (const size of sizes) {
  if (!Number.isInteger(size) || size < 2) throw new Error(`--size must be a whole number ≥ 2`);
  const marker = await ensureSeeded({
    adminUrl,
    database: values.database ?? `samtal_bench_${size}`,
    size,
    years: Number(values.years),
    seed: Number(values.seed),
    jobs: Number(values.jobs),
    force: values.force,
    extras: values.extras,
    verify: values.verify,
  });
  console.log(JSON.stringify({ database: values.database ?? `samtal_bench_${size}`, ...marker }));
}
