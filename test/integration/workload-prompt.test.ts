/**
 * Workload that acts (issue #15, seed 001): when the employee's latest two check-ins of the
 * pair said the workload was high (4 or 5), the meeting page asks the pair to agree an action
 * about it, in the page's one request; it goes away once an action is agreed from it or the
 * pair sets it aside for the meeting. The pair's only, like the check-ins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../support/app';
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
let meetings: { id: string }[];

const workload = (meetingId: string, score: number) =>
  c.employee.request('PUT', `/api/one-on-ones/meetings/${meetingId}/check-in`, {
    wellbeing: 3,
    workload: score,
    progress: 3,
  });
const pageOf = async (who: Client, meetingId: string) => {
  const res = await who.get(`/api/pages/meeting/${meetingId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const promptOf = async (who: Client, meetingId: string) => {
  const page = await pageOf(who, meetingId);
  const own = (await who.get(`/api/one-on-ones/meetings/${meetingId}/workload-prompt`)).json();
  // The page says what the part's own route says.
  expect(page.workloadPrompt).toEqual(own);
  return page.workloadPrompt as { show: boolean; because: string[] };
};
const shown = async (who: Client, meetingId: string) => (await promptOf(who, meetingId)).show;

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'workload');
  c = await clientsFor(ctx.app, w);
  ({ meetings } = await bookSeries(c.manager, w.employee.id, {
    startDate: daysFromToday(1),
    cadence: 'weekly',
  }));
}, 120_000);
afterAll(() => ctx.close());

describe('the workload prompt', () => {
  it('shows to both of the pair once the latest two check-ins said the workload was high', async () => {
    const [m0, m1] = [meetings[0]!.id, meetings[1]!.id];
    expect((await workload(m0, 5)).statusCode).toBe(200);
    // One high check-in says nothing yet.
    expect(await shown(c.manager, m0)).toBe(false);
    expect((await workload(m1, 3)).statusCode).toBe(200);
    expect(await shown(c.employee, m1)).toBe(false);
    expect((await workload(m1, 4)).statusCode).toBe(200);
    expect(await shown(c.manager, m1)).toBe(true);
    expect(await shown(c.employee, m1)).toBe(true);
  });

  it('is the pair’s only: HR, an administrator, another manager and another tenant get nothing', async () => {
    const m1 = meetings[1]!.id;
    for (const who of ['hr', 'admin', 'otherManager', 'stranger'] as const) {
      const page = await c[who].get(`/api/pages/meeting/${m1}`);
      expect(page.statusCode, who).toBe(404);
      expect(page.body).not.toContain('workloadPrompt');
      expect((await c[who].get(`/api/one-on-ones/meetings/${m1}/workload-prompt`)).statusCode).toBe(
        404,
      );
      const dismiss = await c[who].post(`/api/one-on-ones/meetings/${m1}/workload-prompt/dismiss`);
      expect(dismiss.statusCode, who).toBe(404);
    }
    expect(await shown(c.manager, m1)).toBe(true);
  });

  it('goes away once an action is agreed from it, not for any other action', async () => {
    const m1 = meetings[1]!.id;
    const other = await c.manager.post(`/api/one-on-ones/meetings/${m1}/actions`, {
      title: 'Boka kursen',
      ownerId: w.employee.id,
    });
    expect(other.statusCode).toBe(201);
    expect(await shown(c.employee, m1)).toBe(true);
    const agreed = await c.employee.post(`/api/one-on-ones/meetings/${m1}/actions`, {
      title: 'Flytta rapporten till nästa månad',
      ownerId: w.manager.id,
      prompt: 'workload',
    });
    expect(agreed.statusCode, agreed.body).toBe(201);
    expect(await shown(c.manager, m1)).toBe(false);
    expect(await shown(c.employee, m1)).toBe(false);
  });

  it('refuses an unknown prompt, naming the field', async () => {
    const res = await c.manager.post(`/api/one-on-ones/meetings/${meetings[1]!.id}/actions`, {
      title: 'x',
      ownerId: w.employee.id,
      prompt: 'salary',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('prompt');
  });

  it('is set aside for one meeting by either of the pair, and asks again in the next', async () => {
    const [m2, m3] = [meetings[2]!.id, meetings[3]!.id];
    await workload(m2, 5);
    expect(await shown(c.manager, m2)).toBe(true);
    const res = await c.employee.post(`/api/one-on-ones/meetings/${m2}/workload-prompt/dismiss`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ show: false, because: [] });
    expect(await shown(c.manager, m2)).toBe(false);
    // Twice is fine.
    expect(
      (await c.manager.post(`/api/one-on-ones/meetings/${m2}/workload-prompt/dismiss`)).statusCode,
    ).toBe(200);
    // The next meeting: the latest two check-ins up to it are still high.
    expect(await shown(c.manager, m3)).toBe(true);
  });

  it('is not shown once the meeting is held, and cannot be set aside then', async () => {
    const m3 = meetings[3]!.id;
    await c.manager.post(`/api/one-on-ones/meetings/${m3}/start`);
    expect(await shown(c.manager, m3)).toBe(true);
    await c.manager.post(`/api/one-on-ones/meetings/${m3}/finish`);
    expect(await shown(c.manager, m3)).toBe(false);
    const late = await c.employee.post(`/api/one-on-ones/meetings/${m3}/workload-prompt/dismiss`);
    expect(late.statusCode).toBe(409);
  });
});

describe('the workload prompt from task-status reviews', () => {
  let otherMeetings: { id: string }[];
  let seriesId: string;
  let report: Client;
  const task = (title: string, timeSharePercent: number, demand: number) => ({
    title,
    frequency: 'weekly',
    timeSharePercent,
    demand,
  });
  /** The report lists tasks in a new review and the manager marks it gone through. */
  const review = async (items: ReturnType<typeof task>[], meetingId: string) => {
    const started = await report.post(`/api/one-on-ones/series/${seriesId}/task-reviews`);
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id as string;
    const saved = await report.request('PUT', `/api/task-reviews/${id}/items`, { items });
    expect(saved.statusCode, saved.body).toBe(200);
    const done = await c.otherManager.post(`/api/task-reviews/${id}/reviewed`, { meetingId });
    expect(done.statusCode, done.body).toBe(200);
  };

  beforeAll(async () => {
    report = await signedIn(ctx.app, w.otherReport.email);
    const booked = await bookSeries(c.otherManager, w.otherReport.id, {
      startDate: daysFromToday(1),
      cadence: 'weekly',
    });
    seriesId = booked.series.id;
    otherMeetings = booked.meetings;
  });

  it('shows when the latest two reviews each put half the time or more in very demanding tasks', async () => {
    const [m0, m1, m2] = otherMeetings.map((m) => m.id);
    await review([task('Kundärenden', 60, 5), task('Rapporter', 30, 2)], m0!);
    // One review says nothing yet.
    expect(await promptOf(c.otherManager, m1!)).toEqual({ show: false, because: [] });
    await review(
      [task('Kundärenden', 30, 4), task('Upphandling', 20, 5), task('Möten', 40, 1)],
      m1!,
    );
    expect(await promptOf(c.otherManager, m1!)).toEqual({ show: true, because: ['task_reviews'] });
    expect(await promptOf(report, m2!)).toEqual({ show: true, because: ['task_reviews'] });
    // A lighter review: the latest two no longer both say so.
    await review([task('Kundärenden', 30, 4), task('Möten', 60, 2)], m2!);
    expect(await promptOf(c.otherManager, m2!)).toEqual({ show: false, because: [] });
    // Never anyone else's.
    for (const who of ['hr', 'admin', 'manager', 'stranger'] as const) {
      expect((await c[who].get(`/api/one-on-ones/meetings/${m1}/workload-prompt`)).statusCode).toBe(
        404,
      );
    }
  });
});
