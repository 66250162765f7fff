/**
 * The search indexes are built outside migrations (src/db/deferred-indexes.ts, decision 027):
 * at once on a small database, concurrently after start-up on a large one, so an upgrade never
 * holds start-up for the minutes a GIN build over millions of rows takes.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgres, type Database } from '../../src/db/client';
import { DEFERRED_INDEXES, deferredIndexDefinitions } from '../../src/db/deferred-indexes';
import { projectPath } from '../../src/project-root';
import { freshDatabase } from '../support/database';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
});

async function fresh() {
  const db = await freshDatabase();
  opened.push(db);
  if (!db.url) throw new Error('these tests need DATABASE_URL (PostgreSQL)');
  return db as Database & { url: string };
}

async function indexStates(db: Database): Promise<Record<string, boolean>> {
  const { rows } = await db.executeSql(
    `select c.relname as name, i.indisvalid as valid from pg_class c
       join pg_index i on i.indexrelid = c.oid where c.relname = any($1)`,
    [[...DEFERRED_INDEXES]],
  );
  return Object.fromEntries(
    (rows as { name: string; valid: boolean }[]).map((r) => [r.name, r.valid]),
  );
}

const allValid = Object.fromEntries(DEFERRED_INDEXES.map((n) => [n, true]));

describe('deferred search indexes', () => {
  it('are not built by a migration, and are built before start-up ends on a small database', async () => {
    const migrations = fs.readdirSync(projectPath('drizzle')).filter((f) => f.endsWith('.sql'));
    for (const file of migrations) {
      const text = fs.readFileSync(projectPath('drizzle', file), 'utf8');
      for (const name of DEFERRED_INDEXES) expect(text, file).not.toContain(`"${name}"`);
    }
    const db = await fresh();
    expect(await indexStates(db)).toEqual(allValid);
    // The definition is the schema's: the index the database holds is the snapshot's expression.
    const { rows } = await db.executeSql(
      `select indexdef from pg_indexes where indexname = 'one_on_one_points_search_idx'`,
    );
    expect((rows[0] as { indexdef: string }).indexdef).toMatch(
      /USING gin \(+setweight\(to_tsvector\('swedish'::regconfig, COALESCE\(title/,
    );
  });

  it('on a large database, start without them and build them concurrently after start-up', async () => {
    const db = await fresh();
    for (const name of DEFERRED_INDEXES) await db.executeSql(`drop index "${name}"`);
    // Every table counts as large: nothing is built before the database is open.
    const instance = await openPostgres(db.url, { max: 2, deferredIndexSmallBytes: -1 });
    opened.push(instance);
    expect(await indexStates(db)).toEqual({});

    const lines: string[] = [];
    const build = instance.buildDeferredIndexes((line) => lines.push(line));
    // The build has a connection of its own: the instance's pool answers meanwhile.
    const { rows } = await instance.executeSql(`select count(*)::int as n from development_goals`);
    expect(rows[0]).toEqual({ n: 0 });
    await build;
    expect(await indexStates(db)).toEqual(allValid);
    expect(lines.filter((l) => l.startsWith('Building index'))).toHaveLength(
      DEFERRED_INDEXES.length,
    );
  });

  it('rebuild an index a killed build left invalid', async () => {
    const db = await fresh();
    await db.executeSql(
      `update pg_index set indisvalid = false
        where indexrelid = 'one_on_one_notes_search_idx'::regclass`,
    );
    expect((await indexStates(db)).one_on_one_notes_search_idx).toBe(false);
    const instance = await openPostgres(db.url, { max: 2, deferredIndexSmallBytes: -1 });
    opened.push(instance);
    const lines: string[] = [];
    await instance.buildDeferredIndexes((line) => lines.push(line));
    expect(await indexStates(db)).toEqual(allValid);
    expect(lines).toContain(
      'Index one_on_one_notes_search_idx was left unfinished; building it again',
    );
  });

  it('are built by one process: another that finds the build lock taken leaves it', async () => {
    const db = await fresh();
    await db.executeSql(`drop index "development_goals_search_idx"`);
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    opened.push({ close: () => holder.end() });
    await holder.query('select pg_advisory_lock(7265747)');
    const instance = await openPostgres(db.url, { max: 2, deferredIndexSmallBytes: -1 });
    opened.push(instance);
    await instance.buildDeferredIndexes(() => undefined);
    expect((await indexStates(db)).development_goals_search_idx).toBeUndefined();
    await holder.query('select pg_advisory_unlock(7265747)');
    const second = await openPostgres(db.url, { max: 2, deferredIndexSmallBytes: -1 });
    opened.push(second);
    await second.buildDeferredIndexes(() => undefined);
    expect(await indexStates(db)).toEqual(allValid);
  });

  it('read their definitions from the newest schema snapshot', () => {
    const defs = deferredIndexDefinitions(projectPath('drizzle'));
    expect(defs.map((d) => [d.name, d.table, d.using])).toEqual([
      ['one_on_one_points_search_idx', 'one_on_one_points', 'gin'],
      ['one_on_one_notes_search_idx', 'one_on_one_notes', 'gin'],
      ['one_on_one_actions_search_idx', 'one_on_one_actions', 'gin'],
      ['one_on_one_minutes_search_idx', 'one_on_one_minutes', 'gin'],
      ['development_goals_search_idx', 'development_goals', 'gin'],
    ]);
  });
});
