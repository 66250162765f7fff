/** Pool settings of PostgreSQL (decision 015): a runaway statement is cancelled, migrations are not. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../../src/db/client';
import { freshDatabase } from '../support/database';

let fresh: Database & { url?: string };
let limited: Database;

beforeAll(async () => {
  fresh = await freshDatabase();
  if (!fresh.url) throw new Error('these tests need DATABASE_URL (PostgreSQL)');
  // Migrations run again here (nothing to do) on a pool whose statements may take 0.3 s.
  limited = await openPostgres(fresh.url, { max: 2, statementTimeoutMs: 300 });
}, 60_000);

afterAll(async () => {
  await limited?.close();
  await fresh.close();
});

describe('statement timeout', () => {
  it('cancels a statement that runs longer than DATABASE_STATEMENT_TIMEOUT_SECONDS', async () => {
    await expect(limited.executeSql('select pg_sleep(1)', [])).rejects.toMatchObject({
      code: '57014',
    });
    const { rows } = await limited.executeSql('select 1 as one', []);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('keeps it on every connection of the pool', async () => {
    const settings = await Promise.all(
      [0, 1, 2].map(() => limited.executeSql('show statement_timeout', [])),
    );
    expect(settings.map((s) => s.rows[0])).toEqual(Array(3).fill({ statement_timeout: '300ms' }));
  });
});
