import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signedIn, testApp, type TestContext } from '../support/app';
import { ageAttempts, makeOrg, makePerson, TEST_PASSWORD } from '../support/factories';

let ctx: TestContext;
let orgId: string;

beforeAll(async () => {
  ctx = await testApp({ LOGIN_MAX_PER_ACCOUNT: '3', LOGIN_MAX_PER_ADDRESS: '8' });
  const org = await makeOrg(ctx.database.db);
  orgId = org.id;
  await makePerson(ctx.database.db, orgId, {
    email: 'anna@example.test',
    name: 'Anna',
    locale: 'da',
  });
  await makePerson(ctx.database.db, orgId, { email: 'gone@example.test', active: false });
});
afterAll(() => ctx.close());

describe('sign-in', () => {
  it('signs in with the right password and sets a safe session cookie', async () => {
    const c = new Client(ctx.app);
    const res = await c.login('Anna@Example.test ');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ home: 'employee', locale: 'da' });
    const cookie = res.cookies.find((x) => x.name === 'samtal_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const me = await c.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ name: 'Anna', locale: 'da', home: 'employee' });
  });

  it('marks the cookie Secure when served over https (behind a trusted proxy)', async () => {
    const secure = await testApp({ TRUST_PROXY: 'true' });
    try {
      const org = await makeOrg(secure.database.db);
      await makePerson(secure.database.db, org.id, { email: 's@example.test' });
      const c = new Client(secure.app);
      const res = await c.request(
        'POST',
        '/api/auth/login',
        { email: 's@example.test', password: TEST_PASSWORD },
        { 'x-forwarded-proto': 'https' },
      );
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((x) => x.name === 'samtal_session')?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('gives the same answer for an unknown e-mail, a wrong password and a deactivated person', async () => {
    const c = new Client(ctx.app, { ip: '10.0.0.2', acceptLanguage: 'sv-SE,sv;q=0.9' });
    const unknown = await c.login('nobody@example.test', 'whatever12345');
    const wrong = await c.login('anna@example.test', 'wrong password!');
    const inactive = await c.login('gone@example.test');
    for (const res of [unknown, wrong, inactive]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({
        code: 'auth.invalid_credentials',
        message: 'E-postadressen eller lösenordet är fel.',
      });
    }
  });

  it('requires a CSRF token for every state-changing request, login included', async () => {
    const c = new Client(ctx.app);
    const res = await c.raw('POST', '/api/auth/login', {
      email: 'anna@example.test',
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
    const signed = await signedIn(ctx.app, 'anna@example.test');
    const patch = await signed.raw('PATCH', '/api/me', { locale: 'sv' });
    expect(patch.statusCode).toBe(403);
  });

  it('limits failed attempts per account from unknown browsers, with a translated message', async () => {
    await makePerson(ctx.database.db, orgId, { email: 'limited@example.test' });
    const c = new Client(ctx.app, { ip: '10.0.0.3', acceptLanguage: 'da' });
    for (let i = 0; i < 3; i++) {
      expect((await c.login('limited@example.test', 'bad password')).statusCode).toBe(401);
      await ageAttempts(ctx, 120); // past the address's growing wait
    }
    const other = new Client(ctx.app, { ip: '10.0.0.4', acceptLanguage: 'da' });
    const blocked = await other.login('limited@example.test'); // right password, other address
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('900');
    expect(blocked.json().error.code).toBe('auth.locked');
    expect(blocked.json().error.message).toContain('vent 15 minutter');
  });

  it('limits failed attempts per address across accounts', async () => {
    const c = new Client(ctx.app, { ip: '10.0.0.5' });
    for (let i = 0; i < 8; i++) {
      expect((await c.login(`nobody${i}@example.test`, 'bad password')).statusCode).toBe(401);
      await ageAttempts(ctx, 61); // past the longest wait, well within the window
    }
    const res = await c.login('anna@example.test');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('auth.rate_limited');
    const elsewhere = new Client(ctx.app, { ip: '10.0.0.6' });
    expect((await elsewhere.login('anna@example.test')).statusCode).toBe(200);
  });

  it('signs out and the session stops working', async () => {
    const c = await signedIn(ctx.app, 'anna@example.test');
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('lets a person revoke another of their sessions', async () => {
    const phone = await signedIn(ctx.app, 'anna@example.test');
    const laptop = await signedIn(ctx.app, 'anna@example.test');
    const list = (await laptop.get('/api/me/sessions')).json().items as {
      id: string;
      current: boolean;
    }[];
    const other = list.filter((s) => !s.current);
    expect(other.length).toBeGreaterThan(0);
    for (const s of other)
      expect((await laptop.delete(`/api/me/sessions/${s.id}`)).statusCode).toBe(200);
    expect((await phone.get('/api/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/me')).statusCode).toBe(200);
  });

  it('answers /healthz with the database kind', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ok');
  });

  it('serves an OpenAPI document', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain('/api/people');
  });
});

describe('housekeeping', () => {
  it('prunes expired sessions and old failed attempts, keeping live ones', async () => {
    const { pruneAuthState } = await import('../../src/server/services/maintenance.service');
    const live = await signedIn(ctx.app, 'anna@example.test');
    const later = new Date(Date.now() + 30 * 86_400_000);
    await pruneAuthState(ctx.database.db, new Date());
    expect((await live.get('/api/me')).statusCode).toBe(200);
    await pruneAuthState(ctx.database.db, later);
    expect((await live.get('/api/me')).statusCode).toBe(401);
  });
});
