/**
 * The session cache (decision 015): what this instance changes holds at once; what changes
 * behind its back (another instance, shown here as SQL on the database) holds within
 * SESSION_CACHE_SECONDS; 0 turns the cache off.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../../src/server/clock';
import { signedIn, testApp, type TestContext } from '../support/app';
import { makeOrg, makePerson } from '../support/factories';

let ctx: TestContext;
let orgId: string;
// The app's clock, moved past SESSION_CACHE_SECONDS instead of sleeping through it.
const clock = testClock();

beforeAll(async () => {
  ctx = await testApp({ SESSION_CACHE_SECONDS: '1' }, { clock });
  orgId = (await makeOrg(ctx.database.db)).id;
  // An administrator: the test grants admin, which only an administrator may (decision 016).
  await makePerson(ctx.database.db, orgId, { email: 'hr@example.test', roles: ['hr', 'admin'] });
});
afterAll(() => ctx.close());

async function person(email: string, over: Parameters<typeof makePerson>[2] = {}) {
  return makePerson(ctx.database.db, orgId, { email, ...over });
}

describe('changes made through this instance hold at once', () => {
  it('signing out, deactivating, changing roles and a new report', async () => {
    const hr = await signedIn(ctx.app, 'hr@example.test');
    const ann = await person('ann@example.test');
    const bo = await person('bo@example.test');
    const annClient = await signedIn(ctx.app, 'ann@example.test');
    const boClient = await signedIn(ctx.app, 'bo@example.test');
    expect((await annClient.get('/api/me')).json()).toMatchObject({ roles: [], home: 'employee' });

    await hr.patch(`/api/people/${ann.id}`, { roles: ['admin'] });
    expect((await annClient.get('/api/me')).json()).toMatchObject({ roles: ['admin'] });

    await hr.patch(`/api/people/${bo.id}`, { managerId: ann.id, roles: [] });
    await hr.patch(`/api/people/${ann.id}`, { roles: [] });
    expect((await annClient.get('/api/me')).json()).toMatchObject({ home: 'manager' });

    expect((await hr.post(`/api/people/${bo.id}/deactivate`)).statusCode).toBe(200);
    expect((await boClient.get('/api/me')).statusCode).toBe(401);

    await annClient.post('/api/auth/logout');
    expect((await annClient.get('/api/me')).statusCode).toBe(401);
  });
});

describe('changes made behind its back hold within the bound', () => {
  it('a session ended in the database is refused after at most SESSION_CACHE_SECONDS', async () => {
    await person('cy@example.test');
    const cy = await signedIn(ctx.app, 'cy@example.test');
    expect((await cy.get('/api/me')).statusCode).toBe(200);
    await ctx.database.db.execute(sql`delete from sessions where org_id = ${orgId}
      and person_id = (select id from people where email = 'cy@example.test')`);
    clock.advance(1100);
    expect((await cy.get('/api/me')).statusCode).toBe(401);
  });

  it('a person deactivated in the database is refused after at most SESSION_CACHE_SECONDS', async () => {
    await person('di@example.test');
    const di = await signedIn(ctx.app, 'di@example.test');
    expect((await di.get('/api/me')).statusCode).toBe(200);
    await ctx.database.db.execute(
      sql`update people set active = false where email = 'di@example.test'`,
    );
    clock.advance(1100);
    expect((await di.get('/api/me')).statusCode).toBe(401);
  });

  it('until then, a session seen recently is reused without asking the database', async () => {
    const long = await testApp({ SESSION_CACHE_SECONDS: '60' });
    try {
      const org = await makeOrg(long.database.db);
      await makePerson(long.database.db, org.id, { email: 'fi@example.test' });
      const fi = await signedIn(long.app, 'fi@example.test');
      expect((await fi.get('/api/me')).statusCode).toBe(200);
      await long.database.db.execute(sql`delete from sessions`);
      expect((await fi.get('/api/me')).statusCode).toBe(200);
    } finally {
      await long.close();
    }
  });

  it('with SESSION_CACHE_SECONDS=0 every request asks the database', async () => {
    const off = await testApp({ SESSION_CACHE_SECONDS: '0' });
    try {
      const org = await makeOrg(off.database.db);
      await makePerson(off.database.db, org.id, { email: 'ed@example.test' });
      const ed = await signedIn(off.app, 'ed@example.test');
      expect((await ed.get('/api/me')).statusCode).toBe(200);
      await off.database.db.execute(sql`delete from sessions`);
      expect((await ed.get('/api/me')).statusCode).toBe(401);
    } finally {
      await off.close();
    }
  });
});
