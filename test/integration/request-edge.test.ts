import net from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, oneOnOneNotes, organisations, people } from '../../src/db/schema/index';
import en from '../../src/i18n/locales/en/errors.json';
import sv from '../../src/i18n/locales/sv/errors.json';
import da from '../../src/i18n/locales/da/errors.json';
import nb from '../../src/i18n/locales/nb/errors.json';
import { Client, testApp, type TestContext } from '../support/app';
import { expectSamtalError, HOSTILE_TEXT, INVALID_UTF8_JSON } from '../support/hostile';
import {
  bookSeries,
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;
let pointId: string;
let port: number;

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'edge');
  c = await clientsFor(ctx.app, w);
  const { meetings } = await bookSeries(c.manager, w.employee.id, { startDate: daysFromToday(1) });
  const detail = (await c.manager.get(`/api/one-on-ones/meetings/${meetings[0]!.id}`)).json();
  pointId = detail.agenda[0].id;
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  port = (ctx.app.server.address() as net.AddressInfo).port;
}, 60_000);
afterAll(() => ctx.close());

/** Sends bytes exactly as written (no client library normalises the path), returns the answer. */
function rawHttp(request: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (d) => (data += d.toString('utf8')));
    socket.on('end', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      resolve({ status: Number(head!.split(' ')[1]), body: rest.join('\r\n\r\n') });
    });
    socket.on('error', reject);
  });
}

const rawPatch = (path: string, cookie: string, body = '{"locale":"en"}', extra = '') =>
  rawHttp(
    `PATCH ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: ${cookie}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`,
  );

const localeOf = async (id: string) =>
  (await ctx.database.db.select().from(people).where(eq(people.id, id)))[0]!.locale;

describe('CSRF whatever the path spelling (#11 item 3)', () => {
  it('refuses every other spelling of an API path, so no write slips past the check', async () => {
    const before = await localeOf(w.manager.id);
    for (const path of [
      '/%61pi/me',
      '/%61%70%69/me',
      '/api/m%65',
      '/API/me',
      '/Api/me',
      '//api/me',
      '/api//me',
      '/api%2Fme',
    ]) {
      const res = await c.manager.raw('PATCH', path, { locale: 'en' });
      expectSamtalError(res, path);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.code).toBe('request.bad_url');
    }
    expect(await localeOf(w.manager.id)).toBe(before);
  });

  it('refuses dot segments and backslashes as sent on the wire', async () => {
    const before = await localeOf(w.manager.id);
    for (const path of ['/api/./me', '/api/../api/me', '/x/../api/me', '/api\\me', '/api/me/.']) {
      const res = await rawPatch(path, c.manager.cookie);
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body).error.code, path).toBe('request.bad_url');
    }
    expect(await localeOf(w.manager.id)).toBe(before);
    // The canonical spelling still reaches the route, and without a token is refused there.
    const plain = await rawPatch('/api/me', c.manager.cookie);
    expect(plain.status).toBe(403);
    expect(JSON.parse(plain.body).error.code).toBe('auth.csrf');
  });

  it('checks every unsafe method, on any path, matched or not', async () => {
    const anonymous = new Client(ctx.app);
    for (const [method, path] of [
      ['PATCH', '/api/me'],
      ['POST', '/api/auth/login'],
      ['DELETE', '/api/me/sessions/00000000-0000-4000-8000-000000000000'],
      ['PUT', `/api/one-on-ones/points/${pointId}/note`],
      ['POST', '/not-an-api-path'],
      ['POST', '/calendar/anything.ics'],
    ] as const) {
      for (const who of [c.manager, anonymous]) {
        const res = await who.raw(method, path, {});
        expect(res.statusCode, `${method} ${path}`).toBe(403);
        expect(res.json().error.code).toBe('auth.csrf');
      }
    }
  });
});

describe('bad input gets a translated 4xx naming the field, and nothing changes (#11 item 6)', () => {
  const noteRow = async () =>
    (
      await ctx.database.db.select().from(oneOnOneNotes).where(eq(oneOnOneNotes.pointId, pointId))
    )[0];

  it('refuses NUL, control characters, lone surrogates and invalid UTF-8 in a note', async () => {
    const saved = await c.manager.request('PUT', `/api/one-on-ones/points/${pointId}/note`, {
      body: 'Det vi kom fram till.',
      baseVersion: 0,
    });
    expect(saved.statusCode).toBe(200);
    const before = await noteRow();
    for (const [name, text] of Object.entries(HOSTILE_TEXT)) {
      const res = await c.manager.request('PUT', `/api/one-on-ones/points/${pointId}/note`, {
        body: text,
        baseVersion: 1,
      });
      expectSamtalError(res, name);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].path).toBe('body');
    }
    const bad = await c.manager.request(
      'PUT',
      `/api/one-on-ones/points/${pointId}/note`,
      INVALID_UTF8_JSON,
      { 'content-type': 'application/json' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('request.encoding');
    expect(await noteRow()).toEqual(before);
  });

  it('keeps line breaks and tabs in notes, but not in names', async () => {
    const note = await c.manager.request('PUT', `/api/one-on-ones/points/${pointId}/note`, {
      body: 'Rad ett\n\tRad två 👋',
      baseVersion: 1,
    });
    expect(note.statusCode).toBe(200);
    const name = await c.admin.patch(`/api/people/${w.employee.id}`, { name: 'Erik\nMedarbetare' });
    expect(name.statusCode).toBe(400);
    expect(name.json().error.fields[0]).toMatchObject({ path: 'name', code: 'control_character' });
  });

  it('names the field in each language (sign-in e-mail with a NUL)', async () => {
    const catalogs = { sv, da, nb, en };
    for (const [lang, catalog] of Object.entries(catalogs)) {
      const anonymous = new Client(ctx.app, { acceptLanguage: lang });
      const res = await anonymous.post('/api/auth/login', {
        email: `${w.manager.email}\u0000`,
        password: 'x',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({
        code: 'validation',
        message: catalog.field.control_character,
        fields: [
          { path: 'email', code: 'control_character', message: catalog.field.control_character },
        ],
      });
    }
  });

  it('treats PATCH /api/organisation {} as the no-op it is', async () => {
    const [before] = await ctx.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, w.org.id));
    const audits = (await ctx.database.db.select().from(auditEvents)).length;
    const res = await c.admin.patch('/api/organisation', {});
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe(before!.name);
    const [after] = await ctx.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, w.org.id));
    expect(after).toEqual(before);
    expect((await ctx.database.db.select().from(auditEvents)).length).toBe(audits);
  });

  it('answers malformed paths, over-long ids and URLs, and too-large bodies in our shape', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['GET', '/api/people/%E0%A4%A', undefined, 400, 'request.bad_url'],
      ['GET', `/api/people/${'a'.repeat(200)}`, undefined, 414, 'request.url_too_long'],
      ['GET', `/api/people?search=${'a'.repeat(5000)}`, undefined, 414, 'request.url_too_long'],
      ['GET', '/api/people/not-a-uuid', undefined, 400, 'validation'],
      [
        'PUT',
        `/api/one-on-ones/points/${pointId}/note`,
        { body: 'x'.repeat(1_100_000), baseVersion: 2 },
        413,
        'request.too_large',
      ],
    ];
    for (const [method, url, body, status, code] of cases) {
      const res = await c.admin.request(method as 'GET', url, body);
      expectSamtalError(res, url.slice(0, 60));
      expect(res.statusCode, url.slice(0, 60)).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
  });

  it('answers headers too large for Node itself in our shape too', async () => {
    const res = await rawHttp(
      `GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Junk: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(res.status).toBe(431);
    expect(JSON.parse(res.body).error.code).toBe('request.headers_too_large');
  });
});
