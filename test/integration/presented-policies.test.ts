/**
 * Presented policies (CONVENTIONS 15): the `can` flags the server sends with `/api/me`, a series,
 * a meeting and a conversation say exactly what the routes then let the viewer do. For each
 * role, a flag is true ⇔ the route behind it lets the viewer through its policy: it answers
 * 2xx, or at most a state conflict (409) — never 403 or 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testApp, type Client, type TestContext } from '../support/app';
import { makePerson } from '../support/factories';
import {
  bookSeries,
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';
import { makeConversation } from './conversation.factories';
import { signedIn } from '../support/app';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>> & { salary: Client };

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'policies');
  await makePerson(ctx.database.db, w.org.id, {
    email: 'salary-policies@a.test',
    roles: ['salary'],
  });
  c = {
    ...(await clientsFor(ctx.app, w)),
    salary: await signedIn(ctx.app, 'salary-policies@a.test'),
  };
});
afterAll(() => ctx.close());

/** The route let the viewer through its policy (a state conflict still means it did). */
const permitted = (res: LightMyRequestResponse) => res.statusCode < 400 || res.statusCode === 409;

const ME_ROLES = ['employee', 'manager', 'hr', 'admin', 'salary'] as const;

describe('/api/me can', () => {
  const routes: Record<string, (who: Client) => Promise<LightMyRequestResponse>> = {
    managePeople: (who) => who.get('/api/people'),
    manageDepartments: (who) =>
      who.post('/api/departments', { name: `Unit ${crypto.randomUUID()}` }),
    manageRounds: (who) => who.get('/api/rounds'),
    manageTemplates: (who) => who.get('/api/conversation-templates'),
    viewStatistics: (who) => who.get('/api/statistics'),
    readSalaryOutcomes: (who) => who.get('/api/salary-outcomes'),
    readMailbox: (who) => who.get('/api/admin/mailbox'),
    manageSso: (who) => who.get('/api/admin/sso'),
    readAudit: (who) => who.get('/api/admin/audit'),
  };
  for (const role of ME_ROLES) {
    it(`${role}: each navigation right is true exactly when its route answers`, async () => {
      const me = (await c[role].get('/api/me')).json();
      for (const [right, call] of Object.entries(routes)) {
        const res = await call(c[role]);
        expect({ right, allowed: permitted(res) }).toEqual({ right, allowed: me.can[right] });
      }
    });
  }
});

describe('a 1:1 series and meeting', () => {
  let seriesId: string;
  let meetings: { id: string }[];
  beforeAll(async () => {
    ({
      series: { id: seriesId },
      meetings,
    } = await bookSeries(c.manager, w.employee.id, { startDate: daysFromToday(1) }));
  });
  const m = () => `/api/one-on-ones/meetings/${meetings[0]!.id}`;

  it('the flags on the series and the meeting agree with the routes, for both of the pair', async () => {
    // The employee goes first: refused actions change nothing the manager's then depend on.
    for (const role of ['employee', 'manager'] as const) {
      const who = c[role];
      const series = (await who.get(`/api/one-on-ones/series/${seriesId}`)).json();
      const d = (await who.get(m())).json();
      const checks: [string, boolean, LightMyRequestResponse][] = [
        ['meeting.contribute', d.can.contribute, await who.post(`${m()}/points`, { title: role })],
        [
          'meeting.schedule',
          d.can.schedule,
          await who.post(`/api/one-on-ones/meetings/${meetings[1]!.id}/move`, {
            date: daysFromToday(20),
            time: '10:00',
          }),
        ],
        [
          'series.schedule',
          series.can.schedule,
          await who.post(`/api/one-on-ones/meetings/${meetings[2]!.id}/move`, {
            date: daysFromToday(21),
            time: '10:00',
          }),
        ],
        ['meeting.remind', d.can.remind, await who.get(`${m()}/reminders`)],
        ['meeting.start', d.can.start, await who.post(`${m()}/start`, {})],
        ['meeting.finish', d.can.finish, await who.post(`${m()}/finish`, {})],
      ];
      for (const [flag, shown, res] of checks)
        expect({ role, flag, allowed: permitted(res) }).toEqual({ role, flag, allowed: shown });
    }
    // After finishing: the reflection (the manager's) and the acknowledgement (the employee's).
    for (const role of ['employee', 'manager'] as const) {
      const who = c[role];
      const series = (await who.get(`/api/one-on-ones/series/${seriesId}`)).json();
      const d = (await who.get(m())).json();
      const checks: [string, boolean, LightMyRequestResponse][] = [
        ['meeting.reflect', d.can.reflect, await who.get(`${m()}/reflection`)],
        ['series.reflect', series.can.reflect, await who.get(`${m()}/reflection`)],
        [
          'meeting.acknowledge',
          d.can.acknowledge,
          await who.post(`${m()}/minutes/acknowledge`, {}),
        ],
        [
          'series.manage',
          series.can.manage,
          await who.post(`/api/one-on-ones/series/${seriesId}/end`, { reason: 'x' }),
        ],
      ];
      for (const [flag, shown, res] of checks)
        expect({ role, flag, allowed: permitted(res) }).toEqual({ role, flag, allowed: shown });
    }
  });

  it('only the manager of the pair gets the coaching help (traps guide, question bank)', async () => {
    expect((await c.manager.get(m())).json().can.coach).toBe(true);
    expect((await c.employee.get(m())).json().can.coach).toBe(false);
  });
});

describe('a development conversation', () => {
  it('the flags agree with the booking, start and sign-off routes, for both of the pair', async () => {
    const conv = await makeConversation(ctx.database.db, w.org.id, {
      managerId: w.manager.id,
      employeeId: w.employee.id,
    });
    const url = `/api/conversations/${conv.id}`;
    const booking = { date: daysFromToday(10), time: '13:00', place: { kind: 'room' } };
    for (const role of ['employee', 'manager'] as const) {
      const who = c[role];
      const page = (await who.get(url)).json();
      const checks: [string, boolean, LightMyRequestResponse][] = [
        ['book', page.can.book, await who.request('PUT', `${url}/booking`, booking)],
        ['start', page.can.start, await who.post(`${url}/start`, { holdNow: true })],
        ['close', page.can.close, await who.post(`${url}/sign-off/close`, {})],
      ];
      for (const [flag, shown, res] of checks)
        expect({ role, flag, allowed: permitted(res) }).toEqual({ role, flag, allowed: shown });
    }
    for (const role of ['manager', 'employee'] as const) {
      const who = c[role];
      const page = (await who.get(url)).json();
      const res = await who.post(`${url}/sign-off/sign`, { comment: null });
      expect({ role, allowed: permitted(res) }).toEqual({ role, allowed: page.can.sign });
    }
  });
});
