import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  departments,
  oneOnOneActions,
  oneOnOneMeetings,
  oneOnOneNotes,
  oneOnOnePoints,
  oneOnOnePrivateNotes,
  oneOnOneSeries,
  organisations,
  people,
} from '../../src/db/schema/index';
import { Client } from '../support/app';
import { testApp, type TestContext } from '../support/app';
import { expectSamtalError, HOSTILE_TEXT, INVALID_UTF8_JSON } from '../support/hostile';
import {
  bookSeries,
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
} from '../support/one-on-one.factories';

/**
 * The route walk: every registered route, as every kind of caller, gets hostile input. Nothing
 * may answer 5xx, every answer is a 4xx in Samtal's shape, and nothing stored changes.
 */

type Route = { method: string; path: string };
type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema };

/** Every route the app has, read from its own route tree (hidden ones included). */
function allRoutes(app: FastifyInstance): Route[] {
  const routes: Route[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ├└─]*?)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    for (const method of (m[3] ?? '').split(', ').filter(Boolean))
      if (method !== 'HEAD') routes.push({ method, path: stack.join('') });
  }
  return routes;
}

/** The JSON body schema the OpenAPI document declares for a route, if any. */
function bodySchema(doc: OpenApi, route: Route): Schema | undefined {
  const p = route.path.replace(/:(\w+)/g, '{$1}');
  return doc.paths[p]?.[route.method.toLowerCase()]?.requestBody?.content?.['application/json']
    ?.schema;
}
type OpenApi = {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>
  >;
};

/** The body with every field given `value` (strings) or the wrong type (the rest). */
function bodyWith(schema: Schema | undefined, text: (name: string) => unknown) {
  const props = schema?.properties;
  if (!props || Object.keys(props).length === 0) return { anything: text('anything') };
  return Object.fromEntries(Object.keys(props).map((k) => [k, text(k)]));
}

function wrongTypes(schema: Schema | undefined) {
  const props = schema?.properties ?? {};
  return Object.fromEntries(
    Object.entries(props).map(([k, s]) => [k, s.type === 'string' ? 12345 : 'not-this-type']),
  );
}

// (Dot segments are normalised away by inject; the real-HTTP test in request-edge covers them.)
const BAD_IDS = ['not-a-uuid', 'a'.repeat(300), '%E0%A4%A', '%00', '%ED%A0%80', '%61'];
const HOSTILE_QUERY = '?limit=abc&cursor=%00&search=%ED%A0%80x&mode=%07&from=' + 'x'.repeat(300);

let ctx: TestContext;
let clients: Record<string, Client>;
let ids: Record<string, string>;
let routes: Route[];
let doc: OpenApi;

const NOTE = 'Vi pratade om målen.\nOch om semestern i juli.';

beforeAll(async () => {
  ctx = await testApp();
  const w = await makeOneOnOneWorld(ctx.database.db, 'fuzz');
  const c = await clientsFor(ctx.app, w);
  const { series, meetings } = await bookSeries(c.manager, w.employee.id, {
    startDate: daysFromToday(1),
  });
  const meetingId = meetings[0]!.id;
  const detail = (await c.manager.get(`/api/one-on-ones/meetings/${meetingId}`)).json();
  const pointId = detail.agenda[0].id as string;
  const saved = await c.manager.request('PUT', `/api/one-on-ones/points/${pointId}/note`, {
    body: NOTE,
    baseVersion: 0,
  });
  expect(saved.statusCode).toBe(200);
  clients = {
    anonymous: new Client(ctx.app),
    employee: c.employee,
    manager: c.manager,
    hr: c.hr,
    admin: c.admin,
  };
  ids = { meetings: meetingId, points: pointId, series: series.id, people: w.employee.id };
  routes = allRoutes(ctx.app);
  doc = ctx.app.swagger() as unknown as OpenApi;
}, 60_000);
afterAll(() => ctx.close());

/** A route's path with real ids where the walk has one (so checks past the id run too). */
function realPath(path: string): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => {
    if (name === 'token') return 'a'.repeat(30) + '.ics';
    if (name === 'version') return '1';
    if (name !== 'id') return randomUUID();
    const owner = Object.keys(ids).find((k) => path.includes(`/${k}/:id`));
    return owner ? ids[owner]! : randomUUID();
  });
}

async function snapshot() {
  const db = ctx.database.db;
  const tables = [
    oneOnOneNotes,
    oneOnOnePrivateNotes,
    oneOnOnePoints,
    oneOnOneActions,
    oneOnOneMeetings,
    oneOnOneSeries,
    organisations,
    departments,
    people,
  ];
  const rows = await Promise.all(tables.map((t) => db.select().from(t)));
  return JSON.stringify(rows.map((r) => r.map((x) => JSON.stringify(x)).sort()));
}

describe('every route, every caller, hostile input', () => {
  it('finds the routes (the walk covers what the app serves)', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes).toContainEqual({ method: 'PUT', path: '/api/one-on-ones/points/:id/note' });
    expect(routes).toContainEqual({ method: 'GET', path: '/calendar/:token' });
    // The body schemas are found, so hostile bodies name real fields.
    expect(routes.filter((r) => bodySchema(doc, r)?.properties).length).toBeGreaterThan(50);
  });

  it('answers 4xx in Samtal’s shape, never 5xx, and changes nothing', async () => {
    const before = await snapshot();
    let sent = 0;
    for (const route of routes) {
      const unsafe = route.method !== 'GET';
      const schema = bodySchema(doc, route);
      const path = realPath(route.path);
      for (const [role, client] of Object.entries(clients)) {
        const send = async (
          url: string,
          payload?: unknown,
          headers?: Record<string, string>,
          label = '',
        ) => {
          sent++;
          const method = route.method as 'GET';
          const res = await client.request(method, url, payload, headers);
          expectSamtalError(res, `${role} ${route.method} ${url.slice(0, 80)} ${label}`);
        };
        // Malformed, over-long and percent-encoded-junk ids (callers without a session too).
        if (route.path.includes(':') && (role === 'anonymous' || role === 'manager'))
          for (const bad of BAD_IDS)
            await send(route.path.replace(/:(\w+)/, bad), unsafe ? {} : undefined);
        await send(path + HOSTILE_QUERY, unsafe ? {} : undefined, undefined, 'query');
        if (!unsafe) continue;
        const json = { 'content-type': 'application/json' };
        await send(path, INVALID_UTF8_JSON, json, 'invalid utf-8');
        await send(path, '{"body": "unterminated', json, 'bad json');
        await send(path, '', json, 'empty json');
        await send(path, '<x/>', { 'content-type': 'application/xml' }, 'xml');
        for (const [name, text] of Object.entries(HOSTILE_TEXT))
          await send(
            path,
            bodyWith(schema, () => text),
            undefined,
            name,
          );
        await send(path, { deep: [[{ key: HOSTILE_TEXT.nul }]] }, undefined, 'nested');
        if (schema?.properties && Object.keys(schema.properties).length > 0) {
          await send(
            path,
            bodyWith(schema, () => 'x'.repeat(300_000)),
            undefined,
            'huge',
          );
          await send(path, wrongTypes(schema), undefined, 'wrong types');
          for (const top of [[], null, 'text', 42])
            await send(path, JSON.stringify(top), json, `top ${JSON.stringify(top)}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(await snapshot()).toBe(before);
    const note = await clients.manager!.get(`/api/one-on-ones/meetings/${ids.meetings}`);
    expect(JSON.stringify(note.json())).toContain(JSON.stringify(NOTE).slice(1, -1));
  }, 120_000);

  it('answers an empty or type-confused body past the guards without a 5xx', async () => {
    // These reach the handlers (an empty PATCH is a valid no-op): nothing may break there.
    for (const route of routes) {
      const schema = bodySchema(doc, route);
      if (route.method === 'GET' || !schema?.properties) continue;
      for (const [role, client] of Object.entries(clients)) {
        for (const body of [{}, wrongTypes(schema)]) {
          const res = await client.request(route.method as 'POST', realPath(route.path), body);
          const where = `${role} ${route.method} ${route.path} ${JSON.stringify(body)}`;
          expect(res.statusCode, `${where} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
          if (res.statusCode >= 400) expectSamtalError(res, where);
        }
      }
    }
  }, 120_000);

  it('answers values at the edge of each field’s meaning without a 5xx', async () => {
    // Dates that do not exist, far-off years, odd numbers, junk cursors: each field gets each.
    const strings = [
      '2026-02-30',
      '0000-01-01',
      '9999-12-31T23:59:59.999Z',
      '24:00',
      'Mars/Olympus',
      '../../etc/passwd',
      '-1',
      ' ',
      'e30',
      'eyJhIjoxfQ',
      'xx',
    ];
    const numbers = [-1, 0, 1.5, 2 ** 53 + 1, 1e308];
    for (const route of routes) {
      const p = route.path.replace(/:(\w+)/g, '{$1}');
      const op = (
        doc.paths[p] as Record<string, { parameters?: { in: string; name: string }[] }>
      )?.[route.method.toLowerCase()];
      const queryNames = (op?.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name);
      const schema = bodySchema(doc, route);
      const props = Object.entries(schema?.properties ?? {});
      if (queryNames.length === 0 && props.length === 0) continue;
      for (const client of [clients.manager!, clients.admin!, clients.employee!]) {
        const check = async (url: string, body?: unknown) => {
          const res = await client.request(route.method as 'POST', url, body);
          const where = `${route.method} ${url.slice(0, 100)} ${JSON.stringify(body)?.slice(0, 200)}`;
          expect(res.statusCode, `${where} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode >= 400) expectSamtalError(res, where);
        };
        for (const v of [...strings, ...numbers.map(String)]) {
          if (queryNames.length)
            await check(
              `${realPath(route.path)}?${queryNames.map((n) => `${n}=${encodeURIComponent(v)}`).join('&')}`,
              route.method === 'GET' ? undefined : {},
            );
        }
        if (route.method === 'GET') continue;
        for (const v of [...strings, ...numbers]) {
          const body = Object.fromEntries(props.map(([k]) => [k, v]));
          await check(realPath(route.path), body);
        }
      }
    }
  }, 120_000);
});
