/**
 * Task-status reviews (seed 001) through the HTTP API: listed by the employee, started from
 * the previous review, compared with it, marked as gone through; and seen by the pair only.
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

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Record<Who, Client>;
let seriesId: string;
let meetingId: string;
let firstId: string;
let secondId: string;

const task = (title: string, timeSharePercent: number, demand = 3, over = {}) => ({
  title,
  frequency: 'weekly',
  timeSharePercent,
  demand,
  support: '',
  ...over,
});

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'tr');
  c = await clientsFor(ctx.app, w);
  const booked = await bookSeries(c.manager, w.employee.id, { startDate: daysFromToday(1) });
  seriesId = booked.series.id;
  meetingId = booked.meetings[0]!.id;
});
afterAll(() => ctx.close());

describe('task-status review', () => {
  it('is listed by the employee and gone through in a 1:1', async () => {
    const started = await c.employee.post(`/api/one-on-ones/series/${seriesId}/task-reviews`);
    expect(started.statusCode).toBe(201);
    firstId = started.json().id;
    expect(started.json().previousReviewId).toBeNull();
    const saved = await c.employee.request('PUT', `/api/task-reviews/${firstId}/items`, {
      items: [
        task('Customer support', 40, 3, { frequency: 'daily' }),
        task('Monthly report', 20, 4, { frequency: 'monthly', support: 'A template' }),
        task('Onboarding', 10, 2),
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().comparison.totalTimeShare).toBe(70);
    // A second review cannot start while this one is still open.
    const early = await c.employee.post(`/api/one-on-ones/series/${seriesId}/task-reviews`);
    expect(early.json().error.code).toBe('taskReview.draft_exists');
    // Only the manager marks it as gone through.
    expect((await c.employee.post(`/api/task-reviews/${firstId}/reviewed`, {})).statusCode).toBe(
      403,
    );
    const done = await c.manager.post(`/api/task-reviews/${firstId}/reviewed`, { meetingId });
    expect(done.json()).toMatchObject({ meetingId });
    expect(done.json().reviewedAt).not.toBeNull();
    const late = await c.employee.request('PUT', `/api/task-reviews/${firstId}/items`, {
      items: [],
    });
    expect(late.json().error.code).toBe('taskReview.reviewed');
  });

  it('starts the next review from the previous one and compares them', async () => {
    const started = await c.employee.post(`/api/one-on-ones/series/${seriesId}/task-reviews`);
    secondId = started.json().id;
    const copied = started.json().items as {
      id: string;
      title: string;
      copiedFromItemId: string;
    }[];
    expect(copied.map((i) => i.title)).toEqual([
      'Customer support',
      'Monthly report',
      'Onboarding',
    ]);
    expect(copied.every((i) => i.copiedFromItemId)).toBe(true);
    const [support, report] = copied;
    const saved = await c.employee.request('PUT', `/api/task-reviews/${secondId}/items`, {
      items: [
        task('Customer support', 55, 4, { frequency: 'daily', copiedFromItemId: support!.id }),
        task('Monthly report', 10, 4, { frequency: 'monthly', copiedFromItemId: report!.id }),
        task('Recruiting', 15, 3),
      ],
    });
    const r = saved.json();
    expect(r.comparison.items.map((i: { change: string }) => i.change)).toEqual([
      'grew',
      'shrank',
      'new',
    ]);
    expect(r.comparison.dropped.map((d: { title: string }) => d.title)).toEqual(['Onboarding']);
    expect(r.previousItems).toHaveLength(3);
  });

  it('keeps the order of priority the pair agreed on, and says how far each task moved', async () => {
    const copied = (await c.employee.get(`/api/task-reviews/${secondId}`)).json().items as {
      title: string;
      timeSharePercent: number;
      demand: number;
      frequency: string;
      support: string;
      copiedFromItemId: string | null;
    }[];
    // The monthly report now comes first; support falls to second.
    const reordered = [copied[1]!, copied[0]!, copied[2]!];
    const saved = await c.employee.request('PUT', `/api/task-reviews/${secondId}/items`, {
      items: reordered,
    });
    expect(saved.statusCode).toBe(200);
    const again = (await c.manager.get(`/api/task-reviews/${secondId}`)).json();
    expect(again.items.map((i: { title: string }) => i.title)).toEqual([
      'Monthly report',
      'Customer support',
      'Recruiting',
    ]);
    // Against the first review (support 1st, report 2nd): report up one, support down one.
    expect(
      again.comparison.items.map((i: { priorityDelta: number; change: string }) => [
        i.change,
        i.priorityDelta,
      ]),
    ).toEqual([
      ['shrank', 1],
      ['grew', -1],
      ['new', 0],
    ]);
  });

  it('refuses shares of time adding up to more than 100 %', async () => {
    const res = await c.employee.request('PUT', `/api/task-reviews/${secondId}/items`, {
      items: [task('A', 60), task('B', 50)],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('taskReview.time_share_total');
    expect(res.json().error.message).toContain('110');
  });

  it('is seen by the pair only', async () => {
    const pairOnly = {
      manager: 200,
      employee: 200,
      otherManager: 404,
      hr: 404,
      admin: 404,
      stranger: 404,
    };
    const mismatches: string[] = [];
    for (const who of WHO) {
      for (const [name, url] of [
        ['review', `/api/task-reviews/${firstId}`],
        ['list', `/api/one-on-ones/series/${seriesId}/task-reviews`],
      ] as const) {
        const res = await c[who].get(url);
        if (res.statusCode !== pairOnly[who])
          mismatches.push(`${name} × ${who}: ${res.statusCode}`);
      }
      const write = await c[who].request('PUT', `/api/task-reviews/${secondId}/items`, {
        items: [task('Customer support', 50)],
      });
      if (write.statusCode !== pairOnly[who])
        mismatches.push(`write × ${who}: ${write.statusCode}`);
    }
    expect(mismatches).toEqual([]);
    const list = (
      await c.manager.get(`/api/one-on-ones/series/${seriesId}/task-reviews?limit=1`)
    ).json();
    expect(list.items[0].id).toBe(secondId);
    const next = (
      await c.manager.get(
        `/api/one-on-ones/series/${seriesId}/task-reviews?limit=1&cursor=${list.nextCursor}`,
      )
    ).json();
    expect(next.items[0].id).toBe(firstId);
    expect(next.nextCursor).toBeNull();
  });
});
