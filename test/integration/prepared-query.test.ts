/**
 * `preparedQuery` (src/db/client.ts): a Drizzle query built once and run on each call's own
 * connection. What must hold: each call binds its own values, a call inside a transaction sees
 * and takes part in that transaction (not some other pool connection), and the SQL is built
 * once — on PGlite (the default) and on PostgreSQL (DATABASE_URL).
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSql, preparedQuery, type Database } from '../../src/db/client';
import { organisations } from '../../src/db/schema/index';
import { freshDatabase } from '../support/database';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.close();
});

let builds = 0;
const nameOf = preparedQuery('test_org_name', ['id'], (db, p) => {
  builds += 1;
  return db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, p.id))
    .limit(1);
});
const rename = preparedQuery('test_org_rename', ['id', 'name'], (db, p) =>
  db
    .update(organisations)
    .set({ name: sql`${p.name}` })
    .where(eq(organisations.id, p.id))
    .returning({ name: organisations.name }),
);

async function addOrg(id: string, name: string) {
  await database.db.insert(organisations).values({ id, name, slug: name.toLowerCase() });
}

describe('preparedQuery', () => {
  it('binds each call’s own values and builds the SQL once', async () => {
    const a = '00000000-0000-4000-8000-00000000000a';
    const b = '00000000-0000-4000-8000-00000000000b';
    await addOrg(a, 'Alfa');
    await addOrg(b, 'Beta');
    expect(await nameOf(database.db, { id: a })).toEqual([{ name: 'Alfa' }]);
    expect(await nameOf(database.db, { id: b })).toEqual([{ name: 'Beta' }]);
    expect(await nameOf(database.db, { id: '00000000-0000-4000-8000-0000000000ff' })).toEqual([]);
    expect(builds).toBe(1);
  });

  it('runs inside the transaction it is given: sees its writes, and is rolled back with it', async () => {
    const c = '00000000-0000-4000-8000-00000000000c';
    await addOrg(c, 'Gamma');
    await expect(
      database.db.transaction(async (tx) => {
        expect(await rename(tx, { id: c, name: 'Delta' })).toEqual([{ name: 'Delta' }]);
        // The same transaction reads its own uncommitted write through another prepared query.
        expect(await nameOf(tx, { id: c })).toEqual([{ name: 'Delta' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await nameOf(database.db, { id: c })).toEqual([{ name: 'Gamma' }]);
    await database.db.transaction(async (tx) => {
      await rename(tx, { id: c, name: 'Epsilon' });
    });
    expect(await nameOf(database.db, { id: c })).toEqual([{ name: 'Epsilon' }]);
  });

  it('refuses a second query under the same name', () => {
    expect(() =>
      preparedQuery('test_org_name', ['id'], (db, p) =>
        db.select().from(organisations).where(eq(organisations.id, p.id)),
      ),
    ).toThrow(/defined twice/);
  });
});

describe('prepareSql', () => {
  const p = (key: string) => sql.placeholder(key);

  it('runs a named statement again and again with each call’s values, quotes and all', async () => {
    const echo = prepareSql<{ v: string; n: number }>(
      database.db,
      'test_echo',
      sql`select ${p('v')}::text as v, length(${p('v')}::text) as n`,
    );
    for (const v of ["O'Brien", "'); drop table organisations; --", 'Åsa Ødegård', 'a\\b']) {
      expect(await echo.rows({ v })).toEqual([{ v, n: [...v].length }]);
    }
    // A second handle on the same database and name (another app instance) shares it.
    const again = prepareSql<{ v: string; n: number }>(
      database.db,
      'test_echo',
      sql`select ${p('v')}::text as v, length(${p('v')}::text) as n`,
    );
    expect(await again.rows({ v: 'x' })).toEqual([{ v: 'x', n: 1 }]);
    expect((await database.db.select().from(organisations)).length).toBeGreaterThan(0);
  });

  it('reads instants as the text PostgreSQL writes, as Drizzle does', async () => {
    const at = prepareSql<{ at: string }>(
      database.db,
      'test_instant',
      sql`select ${p('at')}::timestamptz as at`,
    );
    const [row] = await at.rows({ at: '2026-03-29T01:30:00.000Z' });
    expect(typeof row!.at).toBe('string');
    expect(new Date(row!.at).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});
