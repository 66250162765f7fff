/**
 * Creates (or reuses) a PostgreSQL database holding one benchmark organisation. A database
 * made by the same generator with the same settings is kept: its comment records them.
 */
import pg from 'pg';
import { openPostgres } from '../../src/db/client';
import { hashPassword } from '../../src/server/services/password';
import { EXTRAS_VERSION, loadExtras } from './extras';
import { loadHistory, loadMasterData, loadSessions, verifyReferences } from './load';
import { planOrganisation } from './org';

/** Every benchmark person signs in with this password. */
export const BENCH_PASSWORD = 'samtal-bench';
/** Bump when the generator makes different data: existing benchmark databases are remade. */
const GENERATOR_VERSION = 1;

export type SeedOptions = {
  /** Server URL, e.g. postgres://postgres@127.0.0.1:5432/postgres (used to create databases). */
  adminUrl: string;
  database: string;
  size: number;
  years?: number;
  seed?: number;
  jobs?: number;
  force?: boolean;
  /** Remake only the check-ins and the conversation round (extras.ts) of an existing database. */
  extras?: boolean;
  verify?: boolean;
  log?: (line: string) => void;
};

export type SeedMarker = {
  generator: number;
  size: number;
  years: number;
  seed: number;
  seededAt: string;
  seconds: number;
  rows: Record<string, number>;
  /** EXTRAS_VERSION of the check-ins and conversation round in it (absent: none yet). */
  extras?: number;
};

export function databaseUrl(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(adminUrl: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/** The marker of an existing benchmark database, or null. */
async function readMarker(adminUrl: string, database: string): Promise<SeedMarker | null> {
  return withAdmin(adminUrl, async (c) => {
    const { rows } = await c.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [database],
    );
    try {
      return rows[0]?.comment ? (JSON.parse(rows[0].comment) as SeedMarker) : null;
    } catch {
      return null;
    }
  });
}

/** Drops a benchmark database (never one without the bench prefix). */
export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^samtal_bench[a-z0-9_]*$/.test(database)) throw new Error(`refusing to drop ${database}`);
  await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${database} with (force)`));
}

/** Makes sure `database` holds a benchmark organisation of `size` people; returns its marker. */
export async function ensureSeeded(opts: SeedOptions): Promise<SeedMarker> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const years = opts.years ?? 3;
  const seed = opts.seed ?? 1;
  const jobs = opts.jobs ?? 2;
  const existing = await readMarker(opts.adminUrl, opts.database);
  if (
    !opts.force &&
    existing?.generator === GENERATOR_VERSION &&
    existing.size === opts.size &&
    existing.years === years &&
    existing.seed === seed
  ) {
    log(`${opts.database}: ${opts.size} people, seeded ${existing.seededAt} — reused`);
    if (existing.extras === EXTRAS_VERSION && !opts.extras) return existing;
    return addExtras(opts, existing, jobs, log);
  }
  const started = Date.now();
  const now = new Date();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  await dropDatabase(opts.adminUrl, opts.database);
  await withAdmin(opts.adminUrl, (c) => c.query(`create database ${opts.database}`));
  const url = databaseUrl(opts.adminUrl, opts.database);
  const migrated = await openPostgres(url, { max: 1 });
  await migrated.close();

  const plan = planOrganisation({ size: opts.size, seed, tag: 'be00', now, years });
  const pool = new pg.Pool({ connectionString: url, max: jobs + 1 });
  try {
    const client = await pool.connect();
    try {
      // One argon2 hash for everyone: hashing 50,000 passwords would take an hour.
      const hash = await hashPassword(BENCH_PASSWORD);
      await loadMasterData(client, plan, hash);
    } finally {
      client.release();
    }
    log(
      `${opts.database}: ${plan.people.length} people, ${plan.departments.length} units, ` +
        `${plan.series.length} series (${elapsed()})`,
    );
    const { written: rows, spent } = await loadHistory(pool, plan, {
      now,
      jobs,
      onChunk: (done, total, ms) =>
        log(`  history ${done}/${total} chunks (${(ms / 1000).toFixed(1)} s; ${elapsed()})`),
    });
    log(
      `  seconds per table (summed over ${jobs} connections): ` +
        Object.entries(spent)
          .map(([t, ms]) => `${t.replace('one_on_one_', '')} ${Math.round(ms / 1000)}`)
          .join(', '),
    );
    const c = await pool.connect();
    try {
      rows.sessions = await loadSessions(c, plan, now);
      rows.people = plan.people.length;
      rows.departments = plan.departments.length;
      rows.one_on_one_series = plan.series.length;
      log(`  vacuum and analyze (${elapsed()})`);
      await c.query("set maintenance_work_mem = '512MB'");
      await c.query('vacuum (analyze)');
      if (opts.verify) {
        const broken = await verifyReferences(c);
        if (broken.length) throw new Error(`broken references: ${broken.join(', ')}`);
        log(`  references checked (${elapsed()})`);
      }
    } finally {
      c.release();
    }
    Object.assign(rows, await loadExtras(pool, { tag: 'be00', now, jobs, log }));
    const marker: SeedMarker = {
      generator: GENERATOR_VERSION,
      size: opts.size,
      years,
      seed,
      seededAt: now.toISOString(),
      seconds: Math.round((Date.now() - started) / 1000),
      rows,
      extras: EXTRAS_VERSION,
    };
    await writeMarker(opts.adminUrl, opts.database, marker);
    log(`${opts.database}: done in ${elapsed()}`);
    return marker;
  } finally {
    await pool.end();
  }
}

async function writeMarker(adminUrl: string, database: string, marker: SeedMarker) {
  await withAdmin(adminUrl, (a) =>
    a.query(`comment on database ${database} is '${JSON.stringify(marker).replace(/'/g, "''")}'`),
  );
}

/**
 * Adds (or remakes) the check-ins and the conversation round of an existing benchmark database
 * without touching the rest; migrations first, so the tables exist.
 */
async function addExtras(
  opts: SeedOptions,
  marker: SeedMarker,
  jobs: number,
  log: (line: string) => void,
): Promise<SeedMarker> {
  const url = databaseUrl(opts.adminUrl, opts.database);
  const migrated = await openPostgres(url, { max: 1 });
  await migrated.close();
  const pool = new pg.Pool({ connectionString: url, max: jobs + 1 });
  try {
    log(`${opts.database}: adding check-ins and a development conversation round`);
    const rows = await loadExtras(pool, { tag: 'be00', now: new Date(), jobs, log });
    const updated = { ...marker, rows: { ...marker.rows, ...rows }, extras: EXTRAS_VERSION };
    await writeMarker(opts.adminUrl, opts.database, updated);
    return updated;
  } finally {
    await pool.end();
  }
}
