import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  auditEvents,
  identityProviders,
  mailOutbox,
  people,
  ssoIdentities,
  ssoTransactions,
} from '../../src/db/schema/index';
import { Client, signedIn, testApp, type TestContext } from '../support/app';
import { makeOrg, makePerson } from '../support/factories';
import { startTestIdp, throughIdp, type TestIdp } from '../support/oidc-provider';

const CALLBACK = 'http://127.0.0.1:3000/api/auth/sso/callback';
let ctx: TestContext;
let idp: TestIdp;
let org: { id: string; slug: string };
let other: { id: string; slug: string };
let admin: Client;
let providerId: string;

const start = (slug = org.slug, provider = 'idp') => `/api/auth/sso/${slug}/${provider}`;

/** A browser signing in through the provider as `login`; the callback's answer. */
async function ssoSignIn(c: Client, login: string, path = start()) {
  const begun = await c.get(path);
  expect(begun.statusCode).toBe(303);
  const callback = await throughIdp(begun.headers.location as string, login);
  return { callback, res: await c.get(callback) };
}

const errorOf = (res: { headers: Record<string, unknown> }) =>
  new URL(res.headers.location as string, 'http://x').searchParams.get('error');

async function audit(action: string) {
  return ctx.database.db
    .select()
    .from(auditEvents)
    .where(sql`${auditEvents.action} = ${action} and ${auditEvents.orgId} = ${org.id}`);
}

beforeAll(async () => {
  ctx = await testApp();
  idp = await startTestIdp({
    redirectUris: [CALLBACK],
    postLogoutRedirectUris: ['http://127.0.0.1:3000/sign-in'],
    accounts: {
      'anna-sub': { email: 'Anna@Example.test', email_verified: true, name: 'Anna' },
      'bo-sub': { email: 'bo@example.test', email_verified: true },
      'stranger-sub': { email: 'stranger@example.test', email_verified: true, name: 'New Person' },
      'unverified-sub': { email: 'carl@example.test', email_verified: false },
      'gone-sub': { email: 'gone@example.test', email_verified: true },
      'twin-sub': { email: 'bo@example.test', email_verified: true },
    },
  });
  const db = ctx.database.db;
  org = await makeOrg(db);
  other = await makeOrg(db);
  await makePerson(db, org.id, { email: 'admin@example.test', roles: ['admin'] });
  await makePerson(db, org.id, { email: 'hr@example.test', roles: ['hr'] });
  await makePerson(db, org.id, { email: 'anna@example.test', name: 'Anna' });
  await makePerson(db, org.id, { email: 'bo@example.test' });
  await makePerson(db, org.id, { email: 'carl@example.test' });
  await makePerson(db, org.id, { email: 'gone@example.test', active: false });
  await makePerson(db, other.id, { email: 'admin@other.test', roles: ['admin'] });
  admin = await signedIn(ctx.app, 'admin@example.test');
});
afterAll(async () => {
  await idp?.close();
  await ctx?.close();
});

describe('an administrator configures a provider', () => {
  it('adds it turned off, and never shows the client secret again', async () => {
    const res = await admin.post('/api/admin/sso/providers', {
      slug: 'idp',
      label: 'Test IdP',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ enabled: false, testedAt: null, hasClientSecret: true });
    providerId = res.json().id;
    for (const body of [res.body, (await admin.get('/api/admin/sso')).body])
      expect(body).not.toContain(idp.clientSecret);
    const [row] = await ctx.database.db
      .select()
      .from(identityProviders)
      .where(eq(identityProviders.id, providerId));
    expect(row!.clientSecretEnc).toMatch(/^v1\./);
    expect(row!.clientSecretEnc).not.toContain(idp.clientSecret);
    expect(await audit('sso.provider_created')).toHaveLength(1);
  });

  it('is for administrators only (HR gets 403), and refuses a plain-http issuer elsewhere', async () => {
    const hr = await signedIn(ctx.app, 'hr@example.test');
    expect((await hr.get('/api/admin/sso')).statusCode).toBe(403);
    const bad = await admin.post('/api/admin/sso/providers', {
      slug: 'plain',
      label: 'x',
      issuer: 'http://idp.example.com',
      clientId: 'x',
      clientSecret: 'y',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'issuer', code: 'https_url' });
  });

  it('cannot be turned on before a test sign-in succeeds', async () => {
    const res = await admin.patch(`/api/admin/sso/providers/${providerId}`, { enabled: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('sso.untested');
    // Nobody can sign in through it yet.
    const begun = await new Client(ctx.app).get(start());
    expect(errorOf(begun)).toBe('sso.unavailable');
  });

  it('a test sign-in checks the provider without starting a session, then it can be turned on', async () => {
    const { res } = await ssoSignIn(admin, 'anna-sub', `${start()}?test=1`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/single-sign-on?tested=${providerId}&result=ok`);
    expect(await ctx.database.db.select().from(ssoIdentities)).toHaveLength(0);
    expect(await audit('sso.provider_tested')).toHaveLength(1);
    const on = await admin.patch(`/api/admin/sso/providers/${providerId}`, { enabled: true });
    expect(on.statusCode).toBe(200);
    expect(on.json().enabled).toBe(true);
    const [changed] = await audit('sso.provider_updated');
    expect(changed!.details).toMatchObject({ provider: 'idp', fields: ['enabled'], enabled: true });
  });

  it('a test sign-in needs an administrator', async () => {
    const anna = new Client(ctx.app);
    expect((await anna.get(`${start()}?test=1`)).statusCode).toBe(401);
  });
});

describe('signing in through the provider', () => {
  it('signs in the person with the verified address and links the subject; the session is a real one', async () => {
    const c = new Client(ctx.app);
    const { res } = await ssoSignIn(c, 'anna-sub', `${start()}?next=/settings`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/settings');
    const cookie = res.cookies.find((x) => x.name === 'samtal_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await c.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ name: 'Anna' });
    const links = await ctx.database.db.select().from(ssoIdentities);
    expect(links).toMatchObject([{ subject: 'anna-sub' }]);
    const signIns = await audit('auth.signed_in');
    expect(signIns.at(-1)!.details).toMatchObject({ how: 'sso', provider: 'idp' });
    // No token, code or state in the audit log.
    expect(JSON.stringify(await ctx.database.db.select().from(auditEvents))).not.toMatch(
      /eyJ|code=|state=/,
    );
  });

  it('matches by the subject once linked, even when the provider changes the address', async () => {
    idp.accounts.set('anna-sub', { email: 'anna.new@example.test', email_verified: true });
    const c = new Client(ctx.app);
    const { res } = await ssoSignIn(c, 'anna-sub');
    expect(res.headers.location).toBe('/');
    expect((await c.get('/api/me')).json()).toMatchObject({ name: 'Anna' });
    idp.accounts.set('anna-sub', { email: 'Anna@Example.test', email_verified: true });
  });

  it('refuses a second provider account with an address already linked to someone', async () => {
    await ssoSignIn(new Client(ctx.app), 'bo-sub');
    const { res } = await ssoSignIn(new Client(ctx.app), 'twin-sub');
    expect(errorOf(res)).toBe('sso.linked_elsewhere');
  });

  it('refuses an unknown address, an unverified one and a deactivated person, on the sign-in page', async () => {
    for (const [login, code] of [
      ['stranger-sub', 'sso.unknown_person'],
      ['unverified-sub', 'sso.email_unverified'],
      ['gone-sub', 'sso.inactive'],
    ] as const) {
      const c = new Client(ctx.app);
      const { res } = await ssoSignIn(c, login);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/sign-in?org=${org.slug}&error=${code}`);
      expect((await c.get('/api/me')).statusCode).toBe(401);
    }
    const failures = await audit('auth.sign_in_failed');
    expect(failures.map((f) => (f.details as { reason: string }).reason)).toEqual(
      expect.arrayContaining(['sso.unknown_person', 'sso.email_unverified', 'sso.inactive']),
    );
    expect(
      await ctx.database.db.select().from(people).where(eq(people.email, 'stranger@example.test')),
    ).toHaveLength(0);
  });

  it('refuses a replayed state, whether or not the browser still holds it', async () => {
    const c = new Client(ctx.app);
    const { callback, res } = await ssoSignIn(c, 'anna-sub');
    expect(res.headers.location).toBe('/');
    const again = await c.get(callback);
    expect(errorOf(again)).toBe('sso.state_invalid');
    // Even with the state cookie put back, the state is gone from the database.
    const state = new URL(callback, 'http://x').searchParams.get('state')!;
    const forged = new Client(ctx.app);
    const begun = await forged.get(start());
    const cookie = begun.cookies.find((x) => x.name === 'samtal_sso_state')!;
    expect(cookie.value).not.toContain(state);
    expect(errorOf(await forged.get(callback))).toBe('sso.state_invalid');
  });

  it('refuses a code that was already used, and a state from another browser', async () => {
    const first = new Client(ctx.app);
    const { callback } = await ssoSignIn(first, 'anna-sub');
    const code = new URL(callback, 'http://x').searchParams.get('code')!;
    // A new sign-in in the same browser, answered with the old code.
    const begun = await first.get(start());
    const authUrl = new URL(begun.headers.location as string);
    const state = authUrl.searchParams.get('state')!;
    const replay = await first.get(
      `/api/auth/sso/callback?${new URLSearchParams({ code, state, iss: idp.issuer })}`,
    );
    expect(errorOf(replay)).toBe('sso.failed');
    // Another browser that never started this sign-in.
    const { callback: fresh } = await (async () => {
      const c = new Client(ctx.app);
      const b = await c.get(start());
      return { callback: await throughIdp(b.headers.location as string, 'anna-sub') };
    })();
    const stranger = new Client(ctx.app);
    expect(errorOf(await stranger.get(fresh))).toBe('sso.state_invalid');
  });

  it('refuses a code that expired at the provider before it was exchanged', async () => {
    const c = new Client(ctx.app);
    const begun = await c.get(start());
    const callback = await throughIdp(begun.headers.location as string, 'anna-sub');
    // Two minutes later (the provider's codes live one): Samtal's state is still good.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 120_000 });
    try {
      expect(errorOf(await c.get(callback))).toBe('sso.failed');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a sign-in that took longer than ten minutes', async () => {
    const c = new Client(ctx.app);
    const begun = await c.get(start());
    const callback = await throughIdp(begun.headers.location as string, 'anna-sub');
    await ctx.database.db
      .update(ssoTransactions)
      .set({ expiresAt: sql`now() - interval '1 second'` });
    expect(errorOf(await c.get(callback))).toBe('sso.state_invalid');
  });

  it('answers a cancelled sign-in and a garbled callback with a redirect, never a 5xx', async () => {
    const c = new Client(ctx.app);
    const begun = await c.get(start());
    const state = new URL(begun.headers.location as string).searchParams.get('state')!;
    const denied = await c.get(`/api/auth/sso/callback?error=access_denied&state=${state}`);
    expect(errorOf(denied)).toBe('sso.denied');
    for (const q of ['', '?state=x&code=y', '?code=%E2%82%AC', '?state=' + 'a'.repeat(400)]) {
      const res = await c.get(`/api/auth/sso/callback${q}`);
      expect(res.statusCode).toBeLessThan(500);
    }
  });

  it('picks up a rotated signing key from the provider', async () => {
    await ssoSignIn(new Client(ctx.app), 'anna-sub');
    idp.rotateKeys();
    // The cached key set is older than a minute: an unknown key id makes it fetch again.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    try {
      const c = new Client(ctx.app);
      const { res } = await ssoSignIn(c, 'anna-sub');
      expect(res.headers.location).toBe('/');
    } finally {
      vi.useRealTimers();
    }
  });

  it('creates the person only when the administrator allowed it', async () => {
    await admin.patch(`/api/admin/sso/providers/${providerId}`, { createAccounts: true });
    const c = new Client(ctx.app);
    const { res } = await ssoSignIn(c, 'stranger-sub');
    expect(res.headers.location).toBe('/');
    expect((await c.get('/api/me')).json()).toMatchObject({ name: 'New Person' });
    await admin.patch(`/api/admin/sso/providers/${providerId}`, { createAccounts: false });
  });

  it("sign-out ends Samtal's session and offers the provider's logout", async () => {
    const c = new Client(ctx.app);
    await ssoSignIn(c, 'anna-sub');
    const out = await c.post('/api/auth/logout');
    expect(out.statusCode).toBe(200);
    const offer = out.json().providerLogout;
    expect(offer.label).toBe('Test IdP');
    expect(offer.url).toContain(`${idp.issuer}/session/end`);
    expect(offer.url).toContain(encodeURIComponent('http://127.0.0.1:3000/sign-in'));
    expect((await c.get('/api/me')).statusCode).toBe(401);
    // A password session is offered nothing.
    const pw = await signedIn(ctx.app, 'carl@example.test');
    expect((await pw.post('/api/auth/logout')).json()).toEqual({ ok: true });
  });
});

describe('a provider that is not who it was configured as', () => {
  it('refuses the provider whose metadata names another issuer', async () => {
    const liar = await startTestIdp({
      redirectUris: [CALLBACK],
      accounts: { 'anna-sub': { email: 'anna@example.test', email_verified: true } },
      claimedIssuer: (base) => `${base}/elsewhere`,
    });
    try {
      const made = await admin.post('/api/admin/sso/providers', {
        slug: 'liar',
        label: 'Liar',
        issuer: liar.issuer,
        clientId: liar.clientId,
        clientSecret: liar.clientSecret,
      });
      expect(made.statusCode).toBe(200);
      const res = await admin.get(`${start(org.slug, 'liar')}?test=1`);
      expect(res.statusCode).toBe(303);
      expect(errorOf(res)).toBe('sso.unavailable');
      await admin.delete(`/api/admin/sso/providers/${made.json().id}`);
      expect(await audit('sso.provider_deleted')).toHaveLength(1);
    } finally {
      await liar.close();
    }
  });
});

describe('a provider that gives the address in userinfo only', () => {
  it('signs in with the verified address from userinfo, and still refuses an unverified one', async () => {
    const strict = await startTestIdp({
      redirectUris: [CALLBACK],
      claimsInUserInfoOnly: true,
      accounts: {
        'ulla-sub': { email: 'ulla@example.test', email_verified: true, name: 'Ulla' },
        'carl-sub': { email: 'carl@example.test', email_verified: false },
      },
    });
    try {
      await makePerson(ctx.database.db, org.id, { email: 'ulla@example.test', name: 'Ulla' });
      const made = await admin.post('/api/admin/sso/providers', {
        slug: 'strict',
        label: 'Strict',
        issuer: strict.issuer,
        clientId: strict.clientId,
        clientSecret: strict.clientSecret,
      });
      expect(made.statusCode).toBe(200);
      const id = made.json().id as string;
      const tested = await ssoSignIn(admin, 'ulla-sub', `${start(org.slug, 'strict')}?test=1`);
      expect(tested.res.headers.location).toBe(`/admin/single-sign-on?tested=${id}&result=ok`);
      expect(
        (await admin.patch(`/api/admin/sso/providers/${id}`, { enabled: true })).statusCode,
      ).toBe(200);

      const c = new Client(ctx.app);
      const { res } = await ssoSignIn(c, 'ulla-sub', start(org.slug, 'strict'));
      expect(res.headers.location).toBe('/');
      expect((await c.get('/api/me')).json()).toMatchObject({ name: 'Ulla' });
      // The ID tokens carried the subject and no address: it came from userinfo.
      expect(strict.idTokens.length).toBeGreaterThanOrEqual(2);
      for (const token of strict.idTokens) {
        expect(token.sub).toBeTypeOf('string');
        expect(token).not.toHaveProperty('email');
        expect(token).not.toHaveProperty('email_verified');
      }
      const links = await ctx.database.db
        .select()
        .from(ssoIdentities)
        .where(eq(ssoIdentities.providerId, id));
      expect(links).toMatchObject([{ subject: 'ulla-sub' }]);

      const refused = await ssoSignIn(new Client(ctx.app), 'carl-sub', start(org.slug, 'strict'));
      expect(errorOf(refused.res)).toBe('sso.email_unverified');
      await admin.patch(`/api/admin/sso/providers/${id}`, { enabled: false });
      await admin.delete(`/api/admin/sso/providers/${id}`);
    } finally {
      await strict.close();
    }
  });
});

describe('single sign-on required', () => {
  it('cannot be required without an enabled provider (another tenant has none)', async () => {
    const otherAdmin = await signedIn(ctx.app, 'admin@other.test');
    const res = await otherAdmin.patch('/api/admin/sso', { required: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('sso.no_enabled_provider');
  });

  it('refuses passwords and password mails to everyone but administrators (break-glass)', async () => {
    const on = await admin.patch('/api/admin/sso', { required: true });
    expect(on.statusCode).toBe(200);
    expect(on.json().required).toBe(true);
    expect(await audit('sso.required_on')).toHaveLength(1);

    const refused = await new Client(ctx.app).login('carl@example.test');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('auth.sso_required');
    expect((await new Client(ctx.app).login('admin@example.test')).statusCode).toBe(200);

    const before = await ctx.database.db.select().from(mailOutbox);
    const forgot = await new Client(ctx.app).post('/api/auth/forgot-password', {
      email: 'carl@example.test',
    });
    expect(forgot.statusCode).toBe(200);
    expect(await ctx.database.db.select().from(mailOutbox)).toHaveLength(before.length);

    const [carl] = await ctx.database.db
      .select()
      .from(people)
      .where(eq(people.email, 'carl@example.test'));
    const link = await admin.post(`/api/people/${carl!.id}/password-link`);
    expect(link.statusCode).toBe(409);
    expect(link.json().error.code).toBe('sso.password_links_off');

    // The sign-in page learns to offer the provider first.
    const options = await new Client(ctx.app).get(`/api/auth/sso/options?org=${org.slug}`);
    expect(options.json()).toEqual({
      ssoRequired: true,
      providers: [{ slug: 'idp', label: 'Test IdP' }],
    });

    // Its last enabled provider cannot be turned off or removed while required.
    const off = await admin.patch(`/api/admin/sso/providers/${providerId}`, { enabled: false });
    expect(off.json().error.code).toBe('sso.no_enabled_provider');

    await admin.patch('/api/admin/sso', { required: false });
    expect(await audit('sso.required_off')).toHaveLength(1);
    expect((await new Client(ctx.app).login('carl@example.test')).statusCode).toBe(200);
  });
});

describe('tenants', () => {
  it('another organisation neither sees nor uses the provider', async () => {
    const otherAdmin = await signedIn(ctx.app, 'admin@other.test');
    expect((await otherAdmin.get('/api/admin/sso')).json().providers).toEqual([]);
    expect(
      (await otherAdmin.patch(`/api/admin/sso/providers/${providerId}`, { label: 'x' })).statusCode,
    ).toBe(404);
    expect((await otherAdmin.delete(`/api/admin/sso/providers/${providerId}`)).statusCode).toBe(
      404,
    );
    // Its slug with this provider's slug leads nowhere; its admin cannot test ours.
    expect(errorOf(await new Client(ctx.app).get(start(other.slug)))).toBe('sso.unavailable');
    expect((await otherAdmin.get(`${start()}?test=1`)).statusCode).toBe(404);
    expect(
      (await new Client(ctx.app).get(`/api/auth/sso/options?org=${other.slug}`)).json(),
    ).toEqual({
      ssoRequired: false,
      providers: [],
    });
  });

  it('an account of the provider signs in only into its own organisation', async () => {
    // A person of the other organisation with the same address is not reached through ours.
    await makePerson(ctx.database.db, other.id, { email: 'dora@example.test' });
    idp.accounts.set('dora-sub', { email: 'dora@example.test', email_verified: true });
    const { res } = await ssoSignIn(new Client(ctx.app), 'dora-sub');
    expect(errorOf(res)).toBe('sso.unknown_person');
  });
});

describe('start-up and logs', () => {
  it('logs no code or state, and a server without ENCRYPTION_KEY refuses to start once a provider exists', async () => {
    const { PassThrough } = await import('node:stream');
    const { buildApp } = await import('../../src/server/app');
    const { loadConfig } = await import('../../src/server/config');
    const { freshDatabase } = await import('../support/database');
    const database = await freshDatabase();
    const lines: string[] = [];
    const logStream = new PassThrough();
    logStream.on('data', (c: Buffer) => lines.push(c.toString('utf8')));
    const app = await buildApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' }), database, {
      logStream,
    });
    try {
      await app.ready();
      const o = await makeOrg(database.db);
      await makePerson(database.db, o.id, { email: 'root@example.test', roles: ['admin'] });
      const root = await signedIn(app, 'root@example.test');
      await root.post('/api/admin/sso/providers', {
        slug: 'idp',
        label: 'Test IdP',
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
      });
      const begun = await root.get(`/api/auth/sso/${o.slug}/idp?test=1`);
      const callback = await throughIdp(begun.headers.location as string, 'anna-sub');
      const res = await root.get(callback);
      // The exchange worked; Anna is simply nobody in this organisation.
      expect(res.headers.location).toContain('result=sso.unknown_person');
      const params = new URL(callback, 'http://x').searchParams;
      const log = lines.join('');
      expect(log).toContain('/api/auth/sso/callback?');
      expect(log).not.toContain(params.get('code')!);
      expect(log).not.toContain(params.get('state')!);
      expect(log).not.toContain(idp.clientSecret);
    } finally {
      await app.close();
    }
    // The same database, served without a key outside tests and demos: refused, naming it.
    await expect(
      buildApp(loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }), database),
    ).rejects.toThrow(/ENCRYPTION_KEY: required/);
    await database.close();
  });
});
