import fs from 'node:fs';
import path from 'node:path';

/**
 * Indexes that are built after start-up instead of inside a migration (decision 027).
 *
 * The search indexes are GIN indexes over four languages' word forms. Built inside migration
 * 0036 they held start-up for many minutes on a large database (16 million talking points):
 * migrations run in one transaction before the server listens. Their definition stays in the
 * drizzle schema (so drizzle-kit knows them and the snapshot holds their exact expression);
 * migration 0036 no longer creates them. Instead, whoever opens the database:
 * - builds the missing ones at once when their table is small (a new or small organisation,
 *   every test database, the embedded database), so a fresh Samtal is complete on start;
 * - builds the rest with CREATE INDEX CONCURRENTLY after the server listens (`serve`), one
 *   process at a time, while reads and writes go on. Search still answers meanwhile: its
 *   statement starts from the reader's own meetings and checks the expression on those rows,
 *   which the index only speeds up (decision 027).
 * An interrupted concurrent build leaves an invalid index; it is dropped and built again.
 */
export const DEFERRED_INDEXES = [
  'one_on_one_points_search_idx',
  'one_on_one_notes_search_idx',
  'one_on_one_actions_search_idx',
  'one_on_one_minutes_search_idx',
  'development_goals_search_idx',
] as const;

/** A table at most this large (bytes) gets its index built before start-up ends. */
export const BUILD_AT_ONCE_MAX_BYTES = 64 * 1024 * 1024;

/** The advisory lock key of the background build: one process builds, the others skip. */
const BUILD_LOCK = 7265747;

export type IndexDefinition = { name: string; table: string; using: string; expression: string };

type SnapshotIndex = {
  name: string;
  method: string;
  columns: { expression: string; isExpression: boolean }[];
};
type Snapshot = {
  tables: Record<string, { name: string; indexes: Record<string, SnapshotIndex> }>;
};

/**
 * The deferred indexes as the newest drizzle snapshot defines them: the same text drizzle-kit
 * would have written into a migration, so the schema stays the only source.
 */
export function deferredIndexDefinitions(migrationsDir: string): IndexDefinition[] {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { idx: number }[] };
  const last = journal.entries[journal.entries.length - 1]!;
  const file = path.join(
    migrationsDir,
    'meta',
    `${String(last.idx).padStart(4, '0')}_snapshot.json`,
  );
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
  const found = new Map<string, IndexDefinition>();
  for (const table of Object.values(snapshot.tables)) {
    for (const index of Object.values(table.indexes)) {
      if (!(DEFERRED_INDEXES as readonly string[]).includes(index.name)) continue;
      const [column] = index.columns;
      if (!column?.isExpression || index.columns.length !== 1) {
        throw new Error(`Deferred index ${index.name} must be one expression`);
      }
      found.set(index.name, {
        name: index.name,
        table: table.name,
        using: index.method,
        expression: column.expression,
      });
    }
  }
  return DEFERRED_INDEXES.map((name) => {
    const def = found.get(name);
    if (!def) throw new Error(`Deferred index ${name} is not in the schema snapshot ${file}`);
    return def;
  });
}

export function createIndexSql(def: IndexDefinition, concurrently: boolean): string {
  return (
    `CREATE INDEX ${concurrently ? 'CONCURRENTLY ' : ''}IF NOT EXISTS "${def.name}" ` +
    `ON "${def.table}" USING ${def.using} (${def.expression})`
  );
}

type Query = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/** What each deferred index lacks: nothing (valid), or to be built; with its table's size. */
export async function deferredIndexState(
  query: Query,
  defs: IndexDefinition[],
): Promise<{ def: IndexDefinition; state: 'valid' | 'invalid' | 'missing'; tableBytes: number }[]> {
  const { rows } = await query(
    `select t.name,
            (select case when i.indisvalid then 'valid' else 'invalid' end
               from pg_class c join pg_index i on i.indexrelid = c.oid
              where c.relname = t.name and c.relnamespace = 'public'::regnamespace) as state,
            pg_total_relation_size(format('public.%I', t.tbl)::regclass)::float8 as bytes
       from unnest($1::text[], $2::text[]) as t(name, tbl)`,
    [defs.map((d) => d.name), defs.map((d) => d.table)],
  );
  const byName = new Map(
    (rows as { name: string; state: string | null; bytes: number }[]).map((r) => [r.name, r]),
  );
  return defs.map((def) => {
    const row = byName.get(def.name);
    return {
      def,
      state: (row?.state ?? 'missing') as 'valid' | 'invalid' | 'missing',
      tableBytes: Number(row?.bytes ?? 0),
    };
  });
}

/**
 * Builds the deferred indexes that are not valid. `onlySmall` limits it to tables up to
 * BUILD_AT_ONCE_MAX_BYTES (start-up); `concurrently` keeps the table writable meanwhile
 * (PostgreSQL only; it cannot run inside a transaction). Returns the names still not built.
 */
export async function buildDeferredIndexes(
  query: Query,
  defs: IndexDefinition[],
  opts: {
    concurrently: boolean;
    onlySmall: boolean;
    /** What "small" means (bytes of the table with its indexes and TOAST). */
    smallBytes?: number;
    log?: (line: string) => void;
  },
): Promise<string[]> {
  const left: string[] = [];
  for (const { def, state, tableBytes } of await deferredIndexState(query, defs)) {
    if (state === 'valid') continue;
    if (opts.onlySmall && tableBytes > (opts.smallBytes ?? BUILD_AT_ONCE_MAX_BYTES)) {
      left.push(def.name);
      continue;
    }
    const started = Date.now();
    if (state === 'invalid') {
      opts.log?.(`Index ${def.name} was left unfinished; building it again`);
      await query(`DROP INDEX ${opts.concurrently ? 'CONCURRENTLY ' : ''}IF EXISTS "${def.name}"`);
    } else if (!opts.onlySmall) {
      opts.log?.(
        `Building index ${def.name} on ${def.table} (${Math.round(tableBytes / 2 ** 20)} MB); ` +
          'search is slower until it is done',
      );
    }
    await query(createIndexSql(def, opts.concurrently));
    if (!opts.onlySmall) {
      opts.log?.(`Index ${def.name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  }
  return left;
}

/**
 * The background build on PostgreSQL, on its own connection with no statement timeout and a
 * session advisory lock so that only one process builds. Resolves when done (or when another
 * process holds the lock); `stop` ends the connection, which aborts a build in progress (the
 * invalid index it leaves is rebuilt next time).
 */
export function buildInBackground(
  connect: () => Promise<{
    query: Query;
    end: () => Promise<void>;
  }>,
  defs: IndexDefinition[],
  log: (line: string) => void,
): { done: Promise<void>; stop: () => Promise<void> } {
  let conn: { query: Query; end: () => Promise<void> } | undefined;
  let stopped = false;
  const done = (async () => {
    conn = await connect();
    try {
      await conn.query('set statement_timeout = 0');
      const { rows } = await conn.query('select pg_try_advisory_lock($1) as got', [BUILD_LOCK]);
      if (!(rows[0] as { got: boolean }).got) return;
      await buildDeferredIndexes(conn.query, defs, { concurrently: true, onlySmall: false, log });
    } catch (err) {
      if (!stopped) log(`Building the search indexes stopped: ${(err as Error).message}`);
    } finally {
      if (!stopped) await conn.end().catch(() => undefined);
    }
  })();
  return {
    done,
    stop: async () => {
      stopped = true;
      await conn?.end().catch(() => undefined);
      await done.catch(() => undefined);
    },
  };
}
