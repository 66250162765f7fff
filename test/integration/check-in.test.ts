/**
 * Check-ins through the HTTP API: one per meeting, editable until the meeting is finished,
 * the pair's trend and the manager's team view; and who may see them (a role x resource matrix).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const SECRET = 'check-in-comment-4e1b';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Record<Who, Client>;
let seriesId: string;
let meetings: { id: string }[];

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'ci');
  c = await clientsFor(ctx.app, w);
  ({
    series: { id: seriesId },
    meetings,
  } = await bookSeries(c.manager, w.employee.id, {
    startDate: daysFromToday(1),
    cadence: 'weekly',
  }));
});
afterAll(() => ctx.close());

const answer = (wellbeing: number, workload: number, progress: number, comment = '') => ({
  wellbeing,
  workload,
  progress,
  comment,
});

describe('check-in of a meeting', () => {
  it('is answered by the employee beforehand and recorded together in the meeting', async () => {
    const url = `/api/one-on-ones/meetings/${meetings[0]!.id}/check-in`;
    expect((await c.employee.get(url)).json()).toEqual({
      checkIn: null,
      open: true,
      mayWrite: 'answer',
    });
    const first = await c.employee.request('PUT', url, answer(3, 4, 2, SECRET));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ answeredBy: w.employee.id, recordedByManager: false });
    // The check-in is the employee's: the manager sees it but cannot answer for them…
    expect((await c.manager.get(url)).json().mayWrite).toBeNull();
    const refused = await c.manager.request('PUT', url, { ...answer(4, 4, 3), together: true });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('checkIn.employee_answers');
    // …until the meeting has started and they fill it in together, saying so.
    await c.manager.post(`/api/one-on-ones/meetings/${meetings[0]!.id}/start`);
    expect((await c.manager.get(url)).json().mayWrite).toBe('together');
    expect((await c.manager.request('PUT', url, answer(4, 4, 3))).statusCode).toBe(403);
    const second = await c.manager.request('PUT', url, {
      ...answer(4, 4, 3, SECRET),
      together: true,
    });
    expect(second.json()).toMatchObject({
      wellbeing: 4,
      workload: 4,
      progress: 3,
      recordedByManager: true,
    });
    expect((await c.employee.get(url)).json().checkIn.wellbeing).toBe(4);
  });

  it('refuses scores outside 1–5 and names the field', async () => {
    const res = await c.employee.request(
      'PUT',
      `/api/one-on-ones/meetings/${meetings[0]!.id}/check-in`,
      answer(6, 3, 3),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('wellbeing');
  });

  it('after the meeting, only the employee may correct it', async () => {
    await c.manager.post(`/api/one-on-ones/meetings/${meetings[0]!.id}/finish`);
    const url = `/api/one-on-ones/meetings/${meetings[0]!.id}/check-in`;
    expect((await c.employee.get(url)).json()).toMatchObject({ open: false, mayWrite: 'correct' });
    const late = await c.manager.request('PUT', url, { ...answer(1, 1, 1), together: true });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('checkIn.closed');
    const corrected = await c.employee.request('PUT', url, answer(4, 3, 3, SECRET));
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ workload: 3, recordedByManager: false });
  });
});

describe('trend and team view', () => {
  it('lists the pair’s check-ins in order, and the team view shows the direction', async () => {
    await c.employee.request(
      'PUT',
      `/api/one-on-ones/meetings/${meetings[1]!.id}/check-in`,
      answer(2, 5, 3),
    );
    const trend = (await c.employee.get(`/api/one-on-ones/series/${seriesId}/check-ins`)).json();
    expect(trend.points.map((p: { wellbeing: number }) => p.wellbeing)).toEqual([4, 2]);
    const team = (await c.manager.get('/api/wellbeing/team')).json();
    const ola = team.items.find((x: { personId: string }) => x.personId === w.employee.id);
    expect(ola.latest).toMatchObject({
      wellbeing: 2,
      workload: 5,
      direction: { wellbeing: 'down', workload: 'up', progress: 'flat' },
    });
    // Another manager's team view lists only their own report, without anyone's answers.
    const other = (await c.otherManager.get('/api/wellbeing/team')).json();
    expect(other.items.map((x: { personId: string }) => x.personId)).toEqual([w.otherReport.id]);
    expect(other.items[0].latest).toBeNull();
  });
});

describe('who sees check-ins', () => {
  const pairOnly = {
    manager: 200,
    employee: 200,
    otherManager: 404,
    hr: 404,
    admin: 404,
    stranger: 404,
  };
  const rows = () => [
    {
      name: 'read a check-in',
      call: (x: Client) => x.get(`/api/one-on-ones/meetings/${meetings[0]!.id}/check-in`),
      expect: pairOnly,
    },
    {
      name: 'answer a check-in',
      call: (x: Client) =>
        x.request('PUT', `/api/one-on-ones/meetings/${meetings[2]!.id}/check-in`, answer(3, 3, 3)),
      // The employee's own; the manager records it only together in the meeting.
      expect: { ...pairOnly, manager: 403 },
    },
    {
      name: 'trend',
      call: (x: Client) => x.get(`/api/one-on-ones/series/${seriesId}/check-ins`),
      expect: pairOnly,
    },
  ];

  it('gives each person exactly the access in the table', async () => {
    const mismatches: string[] = [];
    for (const row of rows())
      for (const who of WHO) {
        const res = await row.call(c[who]);
        if (res.statusCode !== row.expect[who])
          mismatches.push(`${row.name} × ${who}: ${res.statusCode} (expected ${row.expect[who]})`);
      }
    expect(mismatches).toEqual([]);
  });

  it('never lets a comment or a score out through anyone else’s team view', async () => {
    for (const who of ['otherManager', 'hr', 'admin', 'stranger'] as const) {
      const body = (await c[who].get('/api/wellbeing/team')).body;
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain(w.employee.id);
    }
  });
});
