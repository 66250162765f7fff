import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { fillPlaceholders, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';
import {
  buildDeferredIndexes,
  buildInBackground,
  deferredIndexDefinitions,
} from './deferred-indexes';
import * as schema from './schema/index';
import { sqlTap } from './sql-tap';
import { projectPath } from '../project-root';

export { DataDirLockedError };

type Schema = typeof schema;
/** The one database type the code sees, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Checks the database answers; used by /healthz. */
  ping(): Promise<void>;
  /**
   * Raw SQL with $1… placeholders, for libraries that bring their own SQL (pg-boss). Without
   * values the text may hold several statements.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /**
   * Runs `fn` while no other Samtal process on this database runs its own `exclusive` step
   * (a PostgreSQL advisory lock; PGlite serves one process anyway). For start-up work that
   * deadlocks when two instances do it at once, such as creating the job queues.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Builds the indexes left after start-up because their tables are large (the search
   * indexes, src/db/deferred-indexes.ts), concurrently, while Samtal serves; resolves when
   * they are built or another process builds them. Nothing to do on PGlite or a small database.
   */
  buildDeferredIndexes(log: (line: string) => void): Promise<void>;
  close(): Promise<void>;
};

/** The advisory lock key of start-up steps (migrations, job queues): "Samtal" in spirit. */
const STARTUP_LOCK = 7265746;

/** Holds the start-up lock on one connection of `pool` while `fn` runs. */
async function withStartupLock<T>(
  pool: pg.Pool,
  fn: (conn: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const conn = await pool.connect();
  try {
    await conn.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await fn(conn);
  } finally {
    await conn.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    conn.release();
  }
}

const MIGRATIONS_DIR = projectPath('drizzle');

/**
 * Opens PostgreSQL at `url` (a pool) and applies migrations. `statementTimeoutMs` cancels a
 * statement that runs away instead of letting it hold a connection (0 = no limit).
 */
export async function openPostgres(
  url: string,
  opts: { max?: number; statementTimeoutMs?: number; deferredIndexSmallBytes?: number } = {},
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
  });
  // An idle connection can be ended by the server (restart, failover, a dropped test database).
  // pg then emits 'error' on the pool; without a listener that would crash the process.
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') console.warn(`PostgreSQL connection error: ${err.message}`);
  });
  const db = drizzlePg(pool, { schema, logger: sqlTap }) as unknown as Db;
  const deferred = deferredIndexDefinitions(MIGRATIONS_DIR);
  // Several instances may start at once: one migrates while the others wait on the lock.
  const left = await withStartupLock(pool, async (conn) => {
    try {
      // A migration may build an index on a large table: no statement timeout for it.
      await conn.query('set statement_timeout = 0');
      await migratePg(drizzlePg(conn, { schema }), { migrationsFolder: MIGRATIONS_DIR });
      const query = (text: string, values?: unknown[]) => conn.query(text, values);
      return await buildDeferredIndexes(query, deferred, {
        concurrently: false,
        onlySmall: true,
        smallBytes: opts.deferredIndexSmallBytes,
      });
    } finally {
      await conn.query('reset statement_timeout').catch(() => undefined);
    }
  });
  let background: ReturnType<typeof buildInBackground> | undefined;
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    executeSql: (text, values) => pool.query(text, values as unknown[]),
    exclusive: (fn) => withStartupLock(pool, fn),
    buildDeferredIndexes: async (log) => {
      if (left.length === 0) return;
      background ??= buildInBackground(
        async () => {
          const client = new pg.Client({ connectionString: url });
          client.on('error', () => undefined);
          await client.connect();
          return { query: (text, values) => client.query(text, values), end: () => client.end() };
        },
        deferred.filter((d) => left.includes(d.name)),
        log,
      );
      await background.done;
    },
    close: async () => {
      await background?.stop();
      await pool.end();
    },
  };
}

/**
 * Opens the embedded PGlite database. `dataDir` undefined means in memory (tests).
 * PGlite does not lock its folder, so we do (data-dir-lock.ts): a second live process gets
 * DataDirLockedError; a folder whose holder died (kill -9) opens at once.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  let release: (() => Promise<void>) | undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = await lockDataDir(dataDir);
  }
  try {
    // pg_trgm backs the people search's indexes (migration 0003), as on PostgreSQL.
    const options = { extensions: { pg_trgm } };
    const client = dataDir
      ? new PGlite(path.join(dataDir, 'pgdata'), options)
      : new PGlite(options);
    await client.waitReady;
    const db = drizzlePglite(client, { schema, logger: sqlTap }) as unknown as Db;
    await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
    // One process, and the embedded database serves small organisations: all at once.
    await buildDeferredIndexes(
      (text, values) => client.query(text, values),
      deferredIndexDefinitions(MIGRATIONS_DIR),
      { concurrently: false, onlySmall: false },
    );
    return {
      db,
      kind: 'pglite',
      ping: async () => {
        await client.query('select 1');
      },
      // PGlite's query() takes one statement; exec() takes several but no parameters.
      executeSql: async (text, values) => {
        if (values && values.length > 0) return client.query(text, values);
        const results = await client.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      },
      exclusive: (fn) => fn(),
      buildDeferredIndexes: async () => undefined,
      close: async () => {
        await client.close();
        await release?.();
      },
    };
  } catch (err) {
    await release?.();
    throw err;
  }
}

/** Opens whichever database the configuration asks for. */
export function openDatabase(config: {
  databaseUrl?: string;
  dataDir: string;
  databasePoolSize?: number;
  databaseStatementTimeoutSeconds?: number;
}): Promise<Database> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, {
        max: config.databasePoolSize,
        statementTimeoutMs: (config.databaseStatementTimeoutSeconds ?? 0) * 1000,
      })
    : openPglite(config.dataDir);
}

/** Runs raw SQL and returns its rows, whichever driver is underneath (both return `rows`). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  // Drizzle types the result by driver (unknown here); both drivers' results carry `rows`.
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}

/**
 * An executeSql over a Drizzle transaction, so a library that writes its own SQL (pg-boss)
 * can enqueue inside our transaction: the job exists if, and only if, the change commits.
 */
export function sqlExecutor(tx: DbOrTx): {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
} {
  return {
    async executeSql(text, values = []) {
      const chunks: SQL[] = [];
      let last = 0;
      for (const m of text.matchAll(/\$(\d+)/g)) {
        chunks.push(sql.raw(text.slice(last, m.index)));
        chunks.push(sql`${values[Number(m[1]) - 1] ?? null}`);
        last = m.index + m[0].length;
      }
      chunks.push(sql.raw(text.slice(last)));
      return { rows: await queryRows(tx, sql.join(chunks)) };
    },
  };
}

/**
 * A raw SQL statement with `sql.placeholder(…)` values, run as a named statement: with
 * node-postgres each pool connection parses and plans it once (decision 015); on PGlite it is
 * prepared once in its one session (`pgliteStatement`). For the hottest read paths only: a
 * named statement's text must never vary. Uses Drizzle's session the way `db.execute` does,
 * adding the name it cannot pass.
 */
export function prepareSql<T>(db: Db, name: string, query: SQL) {
  const inner = db as unknown as {
    session: {
      client: unknown;
      logger: { logQuery(query: string, params: unknown[]): void };
      prepareQuery(
        q: unknown,
        fields: undefined,
        name: string,
        arrayMode: boolean,
      ): { execute(values: Record<string, unknown>): Promise<{ rows: T[] }> };
    };
    dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
  };
  const built = inner.dialect.sqlToQuery(query);
  if (inner.session.client instanceof PGlite)
    return pgliteStatement<T>(inner.session.client, inner.session.logger, name, built);
  const prepared = inner.session.prepareQuery(built, undefined, name, false);
  return {
    async rows(values: Record<string, unknown>): Promise<T[]> {
      return (await prepared.execute(values)).rows;
    },
  };
}

/** Statements prepared in each PGlite database (its one session keeps them), by name. */
const pglitePrepared = new WeakMap<PGlite, Map<string, string>>();

/** Instants and dates as PostgreSQL writes them, as Drizzle's PGlite session reads them. */
const PGLITE_AS_TEXT = Object.fromEntries(
  [1082, 1114, 1184, 1186, 1115, 1182, 1185, 1187, 1231].map((oid) => [oid, (v: string) => v]),
);

/** A text value as an SQL literal (standard_conforming_strings, PostgreSQL's default since 9.1). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  const text = String(value);
  if (text.includes('\0')) throw new Error('a statement value holds a NUL character');
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * A named statement on PGlite: PGlite has no protocol-level named statements, so the statement
 * is prepared with SQL's PREPARE once and each call EXECUTEs it with its values as literals
 * (EXECUTE takes no bound parameters). Planning the meeting page's statement took ~12 ms in
 * PGlite's WebAssembly against ~1.5 ms to run it (decision 021). The recorded SQL
 * (`sqlTap`) is the statement itself.
 */
function pgliteStatement<T>(
  client: PGlite,
  logger: { logQuery(query: string, params: unknown[]): void },
  name: string,
  built: { sql: string; params: unknown[] },
) {
  return {
    async rows(values: Record<string, unknown>): Promise<T[]> {
      const params = fillPlaceholders(built.params, values);
      logger.logQuery(built.sql, params);
      let names = pglitePrepared.get(client);
      if (!names) pglitePrepared.set(client, (names = new Map()));
      const prepared = names.get(name);
      if (prepared === undefined) {
        await client.query(`prepare ${name} as ${built.sql}`);
        names.set(name, built.sql);
      } else if (prepared !== built.sql) {
        throw new Error(`statement ${name} is prepared with another text`);
      }
      // One simple query, so an implicit transaction: SET LOCAL holds for the EXECUTE only.
      // Its generic plan, always: left to choose, PostgreSQL sometimes kept planning a custom
      // plan per call (the cost it saves). Other statements keep the default.
      const results = await client.exec(
        `set local plan_cache_mode = force_generic_plan;
         execute ${name}(${params.map(literal).join(', ')})`,
        { parsers: PGLITE_AS_TEXT },
      );
      return results[1]!.rows as T[];
    },
  };
}

/** What a Drizzle query builder becomes when prepared: run with its placeholders' values. */
type PreparedLike = { execute(values?: Record<string, unknown>): Promise<unknown> };
const preparedNames = new Set<string>();

/**
 * A Drizzle query built once, on first use, and run on whatever connection or transaction each
 * call gives it (decision 021: on the hot write paths, building the SQL cost Node more than
 * running it — a 60-column join took ~0.25 ms to build). `build` receives one
 * `sql.placeholder` per name in `keys`; each call passes their values. With node-postgres it is
 * also a named statement, parsed and planned once per connection; PGlite runs it as usual.
 * The name must be unique (a second use of it throws at start-up), and the query's text must
 * not depend on the values.
 */
export function preparedQuery<K extends string, Q extends { prepare(name: string): PreparedLike }>(
  name: string,
  keys: readonly K[],
  build: (db: DbOrTx, p: Record<K, Placeholder<K>>) => Q,
) {
  if (preparedNames.has(name)) throw new Error(`prepared query ${name} is defined twice`);
  preparedNames.add(name);
  type Prepared = ReturnType<Q['prepare']>;
  const placeholders = Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as Record<
    K,
    Placeholder<K>
  >;
  let template: Prepared | undefined;
  return (db: DbOrTx, values: Record<K, unknown>): ReturnType<Prepared['execute']> => {
    template ??= build(db, placeholders).prepare(name) as Prepared;
    // The built statement, run on this call's connection: a transaction's own client, so the
    // statement sees (and takes part in) that transaction.
    const bound = Object.create(template) as Prepared & { client: unknown };
    bound.client = (db as unknown as { session: { client: unknown } }).session.client;
    return bound.execute(values) as ReturnType<Prepared['execute']>;
  };
}
