import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, scimTokens } from '../../src/db/schema/index';
import { hashScimToken } from '../../src/server/services/scim-token.service';
import { signedIn, testApp, type Client, type TestContext } from '../support/app';
import { makeOrg, makePerson } from '../support/factories';
import { HOSTILE_TEXT, INVALID_UTF8_JSON } from '../support/hostile';
import { ENTERPRISE, ScimClient, expectScimError, makeToken } from '../support/scim';

/**
 * Provisioning's edges: RFC 7644 error shapes for bad filters and bad PATCH operations,
 * duplicates, roles never granted, tokens (hashed, revocable, one organisation each,
 * throttled), and the CSRF exemption kept to token requests on SCIM routes.
 */

let ctx: TestContext;
let adminA: Client;
let hrA: Client;
let orgA: string;
let orgB: string;
let a: ScimClient;
let b: ScimClient;
let tokenA: { token: { id: string }; secret: string };
let userA: string;

beforeAll(async () => {
  ctx = await testApp();
  const db = ctx.database.db;
  orgA = (await makeOrg(db)).id;
  orgB = (await makeOrg(db)).id;
  await makePerson(db, orgA, { email: 'admin@a.test', roles: ['admin'] });
  await makePerson(db, orgA, { email: 'hr@a.test', roles: ['hr'] });
  await makePerson(db, orgB, { email: 'admin@b.test', roles: ['admin'] });
  adminA = await signedIn(ctx.app, 'admin@a.test');
  hrA = await signedIn(ctx.app, 'hr@a.test');
  tokenA = await makeToken(adminA, 'Entra A');
  a = new ScimClient(ctx.app, tokenA.secret);
  b = new ScimClient(
    ctx.app,
    (await makeToken(await signedIn(ctx.app, 'admin@b.test'), 'B')).secret,
  );
  const res = await a.post('/Users', {
    userName: 'siri@a.test',
    externalId: 'ext-siri',
    displayName: 'Siri Holm',
    [ENTERPRISE]: { employeeNumber: 'A-1' },
  });
  expect(res.statusCode, res.body).toBe(201);
  userA = res.json().id;
});
afterAll(() => ctx.close());

describe('RFC 7644 errors', () => {
  it('refuses bad and unsupported filters as invalidFilter', async () => {
    for (const f of [
      'userName eq',
      'userName eq "x" and (',
      'title co "Sjuk"',
      'userName sw "a"',
      'emails[type eq "home"].value eq "a@b.c"',
      '"just a string"',
    ])
      expectScimError(await a.find(f), 400, 'invalidFilter');
  });

  it('refuses bad PATCH operations with the type that says why, and changes nothing', async () => {
    const before = (await a.get(`/Users/${userA}`)).json();
    const cases: [unknown[], string][] = [
      [[{ op: 'frobnicate', path: 'title', value: 'x' }], 'invalidSyntax'],
      [[{ path: 'title', value: 'x' }], 'invalidSyntax'],
      [[{ op: 'replace', path: 'title[', value: 'x' }], 'invalidPath'],
      [[{ op: 'replace', path: 'favouriteColour', value: 'blue' }], 'invalidPath'],
      [[{ op: 'replace', path: `${ENTERPRISE}:shoeSize`, value: 44 }], 'invalidPath'],
      [[{ op: 'remove' }], 'noTarget'],
      [[{ op: 'replace', path: 'active', value: 'maybe' }], 'invalidValue'],
      [
        [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'not-an-address' }],
        'invalidValue',
      ],
      [[{ op: 'replace', path: 'displayName', value: { nested: true } }], 'invalidValue'],
      [[{ op: 'replace', path: 'id', value: 'mine' }], 'mutability'],
      [[{ op: 'add', path: 'groups', value: [{ value: 'g' }] }], 'mutability'],
      [[{ op: 'add', path: 'roles', value: [{ value: 'admin' }] }], 'mutability'],
      // A valid first operation is undone with the bad second one.
      [
        [
          { op: 'replace', path: 'title', value: 'Changed' },
          { op: 'replace', path: 'active', value: 42 },
        ],
        'invalidValue',
      ],
    ];
    for (const [ops, type] of cases)
      expectScimError(await a.patch(`/Users/${userA}`, ops), 400, type);
    expectScimError(
      await a.request('PATCH', `/Users/${userA}`, { Operations: [] }),
      400,
      'invalidSyntax',
    );
    expectScimError(
      await a.request('PATCH', `/Users/${userA}`, '{"Operations": ['),
      400,
      'invalidSyntax',
    );
    expectScimError(await a.request('PATCH', `/Users/${userA}`, [1, 2]), 400, 'invalidSyntax');
    expect((await a.get(`/Users/${userA}`)).json()).toEqual(before);
  });

  it('refuses duplicates as uniqueness (userName, externalId, e-mail, employee number)', async () => {
    const dup = (body: Record<string, unknown>) =>
      a.post('/Users', { displayName: 'Dup', ...body });
    expectScimError(await dup({ userName: 'SIRI@a.test' }), 409, 'uniqueness');
    expectScimError(
      await dup({ userName: 'other@a.test', externalId: 'ext-siri' }),
      409,
      'uniqueness',
    );
    expectScimError(
      await dup({ userName: 'x1@a.test', [ENTERPRISE]: { employeeNumber: 'A-1' } }),
      409,
      'uniqueness',
    );
    // Someone HR made with this address is matched by a filter, not created twice.
    expectScimError(await dup({ userName: 'hr@a.test' }), 409, 'uniqueness');
    expect((await a.find('userName eq "hr@a.test"')).json().totalResults).toBe(1);
  });

  it('never grants roles: a user with roles is refused, and no role is ever written', async () => {
    const res = await a.post('/Users', {
      userName: 'ola@a.test',
      displayName: 'Ola',
      roles: [{ value: 'admin', primary: true }],
    });
    expectScimError(res, 400, 'mutability');
    const rows = await ctx.database.db
      .select()
      .from(people)
      .where(and(eq(people.orgId, orgA), eq(people.email, 'ola@a.test')));
    expect(rows).toHaveLength(0);
    expect(
      (await a.post('/Users', { userName: 'ola@a.test', displayName: 'Ola', roles: [] }))
        .statusCode,
    ).toBe(201);
  });

  it('answers a missing user, a malformed id and a wrong media type in the SCIM shape', async () => {
    expectScimError(await a.get('/Users/00000000-0000-4000-8000-000000000000'), 404);
    expectScimError(await a.get('/Users/not-a-uuid'), 404);
    expectScimError(await a.get('/Nothing'), 404);
    expectScimError(
      await a.request('POST', '/Users', '<user/>', { 'content-type': 'application/xml' }),
      415,
    );
    expectScimError(await a.get('/Users?count=lots'), 400, 'invalidValue');
  });

  it('pages with startIndex and count', async () => {
    const all = (await a.get('/Users?count=200')).json();
    expect(all.totalResults).toBeGreaterThanOrEqual(4);
    const second = (await a.get('/Users?startIndex=2&count=2')).json();
    expect(second).toMatchObject({
      startIndex: 2,
      itemsPerPage: 2,
      totalResults: all.totalResults,
    });
    expect(second.Resources.map((r: { id: string }) => r.id)).toEqual(
      all.Resources.slice(1, 3).map((r: { id: string }) => r.id),
    );
    const past = (await a.get('/Users?startIndex=1000&count=5')).json();
    expect(past).toMatchObject({ itemsPerPage: 0, Resources: [] });
    expect((await a.get('/Users?count=0')).json()).toMatchObject({ itemsPerPage: 0 });
  });
});

describe('hostile input with a valid token', () => {
  it('never answers 5xx, always in the SCIM error shape, and changes nothing', async () => {
    const before = (await a.get(`/Users/${userA}`)).json();
    const values: unknown[] = [
      null,
      42,
      true,
      [],
      {},
      [[{ a: 1 }]],
      'x'.repeat(100_000),
      ...Object.values(HOSTILE_TEXT),
      { value: { value: { value: 'deep' } } },
    ];
    const paths = [
      'userName',
      'externalId',
      'displayName',
      'name',
      'name.givenName',
      'emails',
      'emails[type eq "work"].value',
      'emails[value eq "x"]',
      'active',
      'title',
      'preferredLanguage',
      'timezone',
      ENTERPRISE,
      `${ENTERPRISE}:manager`,
      `${ENTERPRISE}:department`,
      `${ENTERPRISE}:employeeNumber`,
      '',
      '[',
      'a]',
      'emails[type eq "work"',
      'x'.repeat(2000),
    ];
    const check = (res: Awaited<ReturnType<ScimClient['get']>>, what: string) => {
      expect(res.statusCode, `${what} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
      if (res.statusCode >= 400)
        expectScimError(res, res.statusCode, JSON.parse(res.body).scimType);
    };
    for (const path of paths)
      for (const value of values) {
        for (const op of ['replace', 'add', 'remove'])
          check(
            await a.patch(`/Users/${userA}`, [
              { op, path, value },
              { op: 'replace', path: 'active', value: 'nope' },
            ]),
            `${op} ${path}`,
          );
        check(
          await a.put(`/Users/${userA}`, {
            userName: 'siri@a.test',
            [path]: value,
            active: 'nope',
          }),
          `PUT ${path}`,
        );
        check(await a.post('/Users', { userName: value, [path]: value }), `POST ${path}`);
      }
    for (const body of ['', 'null', '[]', '"text"', '{"Operations": 5}', '{"Operations": [null]}'])
      check(await a.request('PATCH', `/Users/${userA}`, body), `PATCH ${body}`);
    check(await a.request('POST', '/Users', INVALID_UTF8_JSON.toString('latin1')), 'utf-8');
    for (const f of [
      '',
      ' ',
      '(',
      '"',
      'userName eq "\u0000"',
      'a'.repeat(999),
      'not (userName eq "a")',
    ])
      check(await a.find(f), `filter ${f}`);
    check(await a.get('/Users?startIndex=-5&count=-1'), 'negative paging');
    check(await a.get('/Users?startIndex=99999999999999999999'), 'huge index');
    expect((await a.get(`/Users/${userA}`)).json()).toEqual(before);
    // And each operation alone, so the ones that are accepted reach the database too.
    const scratch = (
      await a.post('/Users', { userName: 'scratch@a.test', displayName: 'S' })
    ).json();
    for (const path of paths)
      for (const value of values)
        for (const op of ['replace', 'add', 'remove'])
          check(
            await a.patch(`/Users/${scratch.id}`, [{ op, path, value }]),
            `alone ${op} ${path}`,
          );
  }, 180_000);
});

describe('tokens', () => {
  it('stores only the SHA-256 and shows the secret once', async () => {
    const [row] = await ctx.database.db
      .select()
      .from(scimTokens)
      .where(eq(scimTokens.id, tokenA.token.id));
    expect(row!.tokenHash).toBe(hashScimToken(tokenA.secret));
    expect(JSON.stringify(row)).not.toContain(tokenA.secret);
    const list = await adminA.get('/api/admin/scim/tokens');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(tokenA.secret);
    expect(list.json().items[0]).toMatchObject({ name: 'Entra A', revokedAt: null });
    expect(list.json().items[0].lastUsedAt).not.toBeNull();
  });

  it('are made and revoked by administrators only', async () => {
    expect((await hrA.post('/api/admin/scim/tokens', { name: 'Mine' })).statusCode).toBe(403);
    expect((await hrA.get('/api/admin/scim/tokens')).statusCode).toBe(403);
    // HR decides about units, though.
    expect((await hrA.get('/api/admin/scim/settings')).statusCode).toBe(200);
  });

  it('refuses a missing, wrong or revoked token with 401', async () => {
    const none = new ScimClient(ctx.app, null, { ip: '10.9.0.1' });
    const res = await none.get('/Users');
    expectScimError(res, 401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expectScimError(
      await new ScimClient(ctx.app, 'samtal_scim_wrong', { ip: '10.9.0.1' }).get('/Users'),
      401,
    );
    const temp = await makeToken(adminA, 'Temporary');
    const client = new ScimClient(ctx.app, temp.secret, { ip: '10.9.0.1' });
    expect((await client.get('/Users')).statusCode).toBe(200);
    const revoked = await adminA.post(`/api/admin/scim/tokens/${temp.token.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expectScimError(await client.get('/Users'), 401);
    expectScimError(
      await client.patch(`/Users/${userA}`, [{ op: 'replace', path: 'title', value: 'x' }]),
      401,
    );
  });

  it('seals tenants: organisation B’s token cannot see or change organisation A’s people', async () => {
    expectScimError(await b.get(`/Users/${userA}`), 404);
    expectScimError(
      await b.patch(`/Users/${userA}`, [{ op: 'replace', path: 'active', value: false }]),
      404,
    );
    expectScimError(await b.put(`/Users/${userA}`, { userName: 'siri@a.test' }), 404);
    expectScimError(await b.delete(`/Users/${userA}`), 404);
    expect((await b.find('userName eq "siri@a.test"')).json().totalResults).toBe(0);
    expect((await b.find('externalId eq "ext-siri"')).json().totalResults).toBe(0);
    expect((await b.get('/Users')).json().totalResults).toBe(1); // B's own admin only
    // The same address and externalId are free in another organisation.
    const other = await b.post('/Users', {
      userName: 'siri@a.test',
      externalId: 'ext-siri',
      displayName: 'Siri B',
    });
    expect(other.statusCode, other.body).toBe(201);
    expect(other.json().id).not.toBe(userA);
    const row = (await ctx.database.db.select().from(people).where(eq(people.id, userA)))[0]!;
    expect(row).toMatchObject({ orgId: orgA, active: true, name: 'Siri Holm' });
    expect(orgB).not.toBe(orgA);
  });

  it('slows down an address that keeps sending wrong tokens, before looking at any token', async () => {
    const wrong = new ScimClient(ctx.app, 'samtal_scim_guess', { ip: '10.7.7.7' });
    for (let i = 0; i < 20; i++) expectScimError(await wrong.get('/Users'), 401);
    const throttled = await wrong.get('/Users');
    expectScimError(throttled, 429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // Even a good token from that address waits; another address is unaffected.
    expectScimError(
      await new ScimClient(ctx.app, tokenA.secret, { ip: '10.7.7.7' }).get('/Users'),
      429,
    );
    expect(
      (await new ScimClient(ctx.app, tokenA.secret, { ip: '10.7.7.8' }).get('/Users')).statusCode,
    ).toBe(200);
  });
});

describe('the CSRF exemption', () => {
  it('covers SCIM routes with a bearer token only', async () => {
    // A bearer token on an /api/ route does not skip the CSRF check.
    const api = await ctx.app.inject({
      method: 'POST',
      url: '/api/admin/scim/tokens',
      headers: { authorization: `Bearer ${tokenA.secret}`, cookie: adminCookie() },
      payload: { name: 'Sneaky' },
    });
    expect(api.statusCode).toBe(403);
    expect(api.json().error.code).toBe('auth.csrf');
    // A SCIM write without a bearer token (a browser with a session cookie) is checked too.
    const cookieOnly = await ctx.app.inject({
      method: 'POST',
      url: '/scim/v2/Users',
      headers: { cookie: adminCookie(), 'content-type': 'application/scim+json' },
      payload: JSON.stringify({ userName: 'csrf@a.test', displayName: 'C' }),
    });
    expectScimError(cookieOnly, 403);
    // Another spelling of the SCIM path is refused before any check.
    const spelled = await ctx.app.inject({
      method: 'POST',
      url: '/SCIM/v2/Users',
      headers: { authorization: `Bearer ${tokenA.secret}` },
      payload: { userName: 'x@a.test' },
    });
    expect(spelled.statusCode).toBe(400);
    const escaped = await ctx.app.inject({
      method: 'POST',
      url: '/scim/v2/%55sers',
      headers: { authorization: `Bearer ${tokenA.secret}` },
      payload: { userName: 'x@a.test' },
    });
    expect(escaped.statusCode).toBe(400);
    const rows = await ctx.database.db.select().from(people).where(eq(people.email, 'csrf@a.test'));
    expect(rows).toHaveLength(0);
  });
});

function adminCookie(): string {
  return adminA.cookie;
}
