/**
 * Who sees what of a 1:1, through the HTTP API: the pair's manager and employee, another
 * manager, HR, an admin, and someone in another organisation, for every kind of content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../src/db/schema/index';
import type { Client } from '../support/app';
import { testApp, type TestContext } from '../support/app';
import {
  bookSeries,
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';

type Who = 'manager' | 'employee' | 'otherManager' | 'hr' | 'admin' | 'stranger';
const WHO: Who[] = ['manager', 'employee', 'otherManager', 'hr', 'admin', 'stranger'];

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Record<Who, Client>;
const ids = {} as Record<'series' | 'held' | 'open' | 'point' | 'openPoint' | 'action', string>;

const MANAGER_SECRET = 'manager-private-7f3a';
const EMPLOYEE_SECRET = 'employee-private-91bc';
const REFLECTION_SECRET = 'reflection-private-55de';

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'vis');
  c = await clientsFor(ctx.app, w);
  const { series, meetings } = await bookSeries(c.manager, w.employee.id, {
    startDate: daysFromToday(1),
  });
  ids.series = series.id;
  ids.held = meetings[0]!.id;
  ids.open = meetings[1]!.id;
  const agenda = (await c.manager.get(`/api/one-on-ones/meetings/${ids.held}`)).json().agenda;
  ids.point = agenda[0].id;
  ids.openPoint = (
    await c.manager.get(`/api/one-on-ones/meetings/${ids.open}`)
  ).json().agenda[0].id;
  await c.employee.request('PUT', `/api/one-on-ones/points/${ids.point}/note`, {
    body: 'Shared text',
    baseVersion: 0,
  });
  await c.manager.request('PUT', `/api/one-on-ones/meetings/${ids.held}/private-note`, {
    body: MANAGER_SECRET,
    baseVersion: 0,
  });
  await c.employee.request('PUT', `/api/one-on-ones/meetings/${ids.held}/private-note`, {
    body: EMPLOYEE_SECRET,
    baseVersion: 0,
  });
  ids.action = (
    await c.manager.post(`/api/one-on-ones/meetings/${ids.held}/actions`, {
      title: 'Do it',
      ownerId: w.employee.id,
    })
  ).json().id;
  await c.manager.post(`/api/one-on-ones/meetings/${ids.held}/finish`);
  await c.manager.request('PUT', `/api/one-on-ones/meetings/${ids.held}/reflection`, {
    topics: [{ title: 'How are you', howItWent: REFLECTION_SECRET, why: '', doDifferently: '' }],
    notes: '',
  });
});
afterAll(() => ctx.close());

type Row = {
  name: string;
  call: (c: Client) => ReturnType<Client['get']>;
  expect: Record<Who, number>;
};
const pairOnly = {
  manager: 200,
  employee: 200,
  otherManager: 404,
  hr: 404,
  admin: 404,
  stranger: 404,
};

const rows: () => Row[] = () => [
  { name: 'series', call: (x) => x.get(`/api/one-on-ones/series/${ids.series}`), expect: pairOnly },
  {
    name: 'meeting history',
    call: (x) => x.get(`/api/one-on-ones/series/${ids.series}/meetings?when=past`),
    expect: pairOnly,
  },
  {
    name: 'meeting with shared notes',
    call: (x) => x.get(`/api/one-on-ones/meetings/${ids.held}`),
    expect: pairOnly,
  },
  {
    name: 'write a shared note',
    call: (x) =>
      x.request('PUT', `/api/one-on-ones/points/${ids.openPoint}/note`, {
        body: 'x',
        baseVersion: 0,
      }),
    expect: pairOnly, // the employee's stale save of the same text merges
  },
  {
    name: 'own private note',
    call: (x) => x.get(`/api/one-on-ones/meetings/${ids.held}/private-note`),
    expect: pairOnly,
  },
  {
    name: 'reflection',
    call: (x) => x.get(`/api/one-on-ones/meetings/${ids.held}/reflection`),
    expect: { ...pairOnly, employee: 403 },
  },
  {
    name: 'write a reflection',
    call: (x) =>
      x.request('PUT', `/api/one-on-ones/meetings/${ids.open}/reflection`, {
        topics: [],
        notes: 'n',
      }),
    expect: { ...pairOnly, employee: 403 },
  },
  {
    name: 'motivation and its trend',
    call: (x) => x.get(`/api/one-on-ones/meetings/${ids.held}/motivation`),
    expect: pairOnly,
  },
  {
    name: 'score motivation (the employee)',
    call: (x) => x.request('PUT', `/api/one-on-ones/meetings/${ids.open}/motivation`, { score: 3 }),
    expect: { ...pairOnly, manager: 403 },
  },
  {
    name: 'workload prompt',
    call: (x) => x.get(`/api/one-on-ones/meetings/${ids.open}/workload-prompt`),
    expect: pairOnly,
  },
  {
    name: 'set the workload prompt aside',
    call: (x) => x.post(`/api/one-on-ones/meetings/${ids.open}/workload-prompt/dismiss`),
    expect: pairOnly,
  },
  {
    name: 'plan minutes for a point',
    call: (x) => x.patch(`/api/one-on-ones/points/${ids.openPoint}`, { plannedMinutes: 10 }),
    expect: pairOnly,
  },
  {
    name: 'update an action',
    call: (x) => x.patch(`/api/actions/${ids.action}`, { title: 'Do it now' }),
    expect: pairOnly,
  },
  {
    name: 'add an action',
    call: (x) =>
      x.post(`/api/one-on-ones/meetings/${ids.open}/actions`, {
        title: 'a',
        ownerId: w.employee.id,
      }),
    expect: { ...pairOnly, manager: 201, employee: 201 },
  },
  {
    name: 'minutes',
    call: (x) => x.get(`/api/one-on-ones/meetings/${ids.held}/minutes`),
    expect: pairOnly,
  },
  {
    name: 'acknowledge minutes',
    call: (x) => x.post(`/api/one-on-ones/meetings/${ids.held}/minutes/acknowledge`),
    expect: { ...pairOnly, manager: 403 },
  },
  {
    name: 'move a meeting',
    call: (x) =>
      x.post(`/api/one-on-ones/meetings/${ids.open}/move`, {
        date: daysFromToday(30),
        time: '10:00',
      }),
    expect: { ...pairOnly, employee: 403 },
  },
];

describe('1:1 visibility matrix', () => {
  it('gives each person exactly the access in the table', async () => {
    const mismatches: string[] = [];
    for (const row of rows()) {
      for (const who of WHO) {
        const res = await row.call(c[who]);
        if (res.statusCode !== row.expect[who])
          mismatches.push(`${row.name} × ${who}: ${res.statusCode} (expected ${row.expect[who]})`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('shows each author only their own private note', async () => {
    const mine = (who: Who) => c[who].get(`/api/one-on-ones/meetings/${ids.held}/private-note`);
    expect((await mine('manager')).json().body).toBe(MANAGER_SECRET);
    expect((await mine('employee')).json().body).toBe(EMPLOYEE_SECRET);
  });

  it('never lets private notes or reflections out through any other response or the mail', async () => {
    const secrets = [MANAGER_SECRET, EMPLOYEE_SECRET, REFLECTION_SECRET];
    const urls = [
      `/api/one-on-ones/meetings/${ids.held}`,
      `/api/one-on-ones/meetings/${ids.held}/minutes`,
      `/api/one-on-ones/series/${ids.series}/meetings?when=past`,
      '/api/one-on-ones/mine',
      '/api/one-on-ones/overview',
      '/api/one-on-ones/minutes',
      '/api/actions?status=open',
    ];
    for (const who of WHO)
      for (const url of urls) {
        const body = (await c[who].get(url)).body;
        for (const s of secrets) expect(body, `${who} ${url}`).not.toContain(s);
      }
    const mail = JSON.stringify(await ctx.database.db.select().from(mailOutbox));
    for (const s of secrets) expect(mail).not.toContain(s);
  });

  it('lists reflections and series only to their own people', async () => {
    const reflections = (who: Who) => c[who].get('/api/one-on-ones/reflections');
    expect((await reflections('manager')).json().items).toHaveLength(2);
    for (const who of ['employee', 'hr', 'admin', 'otherManager'] as const)
      expect((await reflections(who)).json().items).toEqual([]);
    for (const who of ['hr', 'admin', 'otherManager', 'stranger'] as const) {
      expect((await c[who].get('/api/one-on-ones/series?includeEnded=true')).json().items).toEqual(
        [],
      );
      expect(
        (await c[who].get('/api/one-on-ones/overview'))
          .json()
          .items.map((i: { person: { id: string } }) => i.person.id),
      ).not.toContain(w.employee.id);
    }
  });
});
