/**
 * Whole pages in one request: GET /api/pages/meeting/:id and /api/pages/home answer exactly
 * what the single routes a page used to call answer together, for both of the pair, and
 * nothing to anyone else.
 */
import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneOnOneSeries } from '../../src/db/schema/index';
import { testApp, type Client, type TestContext } from '../support/app';
import {
  bookSeries,
  clientsFor,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';
import { goalBody, makeHeldConversation, planBody } from './goals.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;
let meetingId: string;

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'pages');
  c = await clientsFor(ctx.app, w);
  const { meetings } = await bookSeries(c.manager, w.employee.id);
  meetingId = meetings[0]!.id;
  // Something in every part of the page.
  const point = (
    await c.employee.post(`/api/one-on-ones/meetings/${meetingId}/points`, { title: 'Kurser' })
  ).json();
  await c.employee.request('PUT', `/api/one-on-ones/points/${point.id}/note`, {
    body: 'Delt note',
    decision: '',
    baseVersion: 0,
  });
  await c.employee.request('PUT', `/api/one-on-ones/meetings/${meetingId}/private-note`, {
    body: 'Kun min',
    baseVersion: 0,
  });
  // The check-in is the employee's to answer (decision 020).
  await c.employee.request('PUT', `/api/one-on-ones/meetings/${meetingId}/check-in`, {
    wellbeing: 4,
    workload: 3,
    progress: 4,
    comment: 'Bra vecka',
  });
  const pair = { managerId: w.manager.id, employeeId: w.employee.id };
  const dev = (await makeHeldConversation(ctx.database.db, w.org.id, pair)).id;
  const goal = (await c.manager.post(`/api/conversations/${dev}/goals`, goalBody('Mål'))).json();
  await c.manager.post(`/api/conversations/${dev}/plan`, planBody('Facilitering'));
  await c.manager.post(`/api/conversations/${dev}/sign-off/close`);
  await c.employee.post(`/api/conversations/${dev}/sign-off/sign`, { comment: null });
  await c.employee.post(`/api/goals/${goal.id}/progress`, { body: 'På god väg' });
}, 180_000);
afterAll(() => ctx.close());

const json = async (client: Client, url: string) => {
  const res = await client.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};

/** A meeting as read, without the server's clock (decision 020), which differs per read. */
const timeless = <T extends { serverTime?: string }>(m: T) => ({ ...m, serverTime: 'clock' });

describe('the meeting page in one request', () => {
  it.each(['manager', 'employee'] as const)(
    'answers the %s what the four routes and /api/me answer',
    async (who) => {
      const me = c[who];
      const other = who === 'manager' ? w.employee.id : w.manager.id;
      const page = await json(me, `/api/pages/meeting/${meetingId}`);
      expect(Math.abs(Date.parse(page.meeting.serverTime) - Date.now())).toBeLessThan(60_000);
      expect({ ...page, meeting: timeless(page.meeting) }).toEqual({
        me: await json(me, '/api/me'),
        meeting: timeless(await json(me, `/api/one-on-ones/meetings/${meetingId}`)),
        checkIn: await json(me, `/api/one-on-ones/meetings/${meetingId}/check-in`),
        workloadPrompt: await json(me, `/api/one-on-ones/meetings/${meetingId}/workload-prompt`),
        privateNote: await json(me, `/api/one-on-ones/meetings/${meetingId}/private-note`),
        // The manager's own reminders; the employee has none, not even an empty list.
        reminders:
          who === 'manager'
            ? await json(me, `/api/one-on-ones/meetings/${meetingId}/reminders`)
            : null,
        vault: (await json(me, '/api/vault')).vault,
        goals: await json(me, `/api/goals?with=${other}`),
        unreadNotifications: (await json(me, '/api/me/notifications/unread')).unread,
        motivation: await json(me, `/api/one-on-ones/meetings/${meetingId}/motivation`),
      });
      expect(page.checkIn.checkIn.comment).toBe('Bra vecka');
      expect(page.goals.goals[0].progress[0].body).toBe('På god väg');
      expect(page.goals.plan).toHaveLength(1);
      expect(page.meeting.agenda.some((p: { title: string }) => p.title === 'Kurser')).toBe(true);
      // Each sees their own private note only.
      expect(page.privateNote.body).toBe(who === 'employee' ? 'Kun min' : '');
    },
  );

  it.each(['hr', 'admin', 'otherManager', 'stranger'] as const)(
    'shows %s nothing of it',
    async (who) => {
      const res = await c[who].get(`/api/pages/meeting/${meetingId}`);
      expect([403, 404]).toContain(res.statusCode);
      expect(res.body).not.toContain('Kun min');
      expect(res.body).not.toContain('Delt note');
    },
  );

  it('takes the agenda snapshot on a first read, as the meeting route does', async () => {
    const { meetings } = await bookSeries(c.otherManager, w.otherReport.id);
    const first = await json(c.otherManager, `/api/pages/meeting/${meetings[1]!.id}`);
    expect(first.meeting.agenda.length).toBeGreaterThan(0);
    expect(timeless(first.meeting)).toEqual(
      timeless(await json(c.otherManager, `/api/one-on-ones/meetings/${meetings[1]!.id}`)),
    );
  });
});

describe('the homes in one request', () => {
  it("answers a manager what the home's routes answer", async () => {
    const page = await json(c.manager, '/api/pages/home');
    const overview = await json(c.manager, '/api/one-on-ones/overview');
    const mine = await json(c.manager, '/api/one-on-ones/mine');
    expect(page).toMatchObject({
      me: await json(c.manager, '/api/me'),
      team: await json(c.manager, '/api/team'),
      overview,
      mine,
      conversations: await json(c.manager, '/api/conversations/summary'),
      person: null,
      departmentPath: null,
    });
    const seriesIds = overview.items.flatMap((x: { seriesId: string | null }) =>
      x.seriesId ? [x.seriesId] : [],
    );
    expect(page.latestMeetings.map((x: { seriesId: string }) => x.seriesId)).toEqual(seriesIds);
    for (const { seriesId, items } of page.latestMeetings)
      expect(items).toEqual(
        (await json(c.manager, `/api/one-on-ones/series/${seriesId}/meetings?when=past&limit=1`))
          .items,
      );
  });

  it("answers an employee what the home's routes answer", async () => {
    const page = await json(c.employee, '/api/pages/home');
    const mine = await json(c.employee, '/api/one-on-ones/mine');
    expect(page).toEqual({
      me: await json(c.employee, '/api/me'),
      team: null,
      overview: null,
      mine,
      conversations: await json(c.employee, '/api/conversations/summary'),
      person: await json(c.employee, `/api/people/${w.employee.id}`),
      departmentPath: null,
      latestMeetings: [
        {
          seriesId: mine.series.id,
          items: (
            await json(
              c.employee,
              `/api/one-on-ones/series/${mine.series.id}/meetings?when=past&limit=1`,
            )
          ).items,
        },
      ],
      unreadNotifications: (await json(c.employee, '/api/me/notifications/unread')).unread,
    });
  });

  it("gives an employee their own unit's path, not the whole unit tree", async () => {
    const top = (await c.hr.post('/api/departments', { name: 'Omsorg' })).json();
    const unit = (
      await c.hr.post('/api/departments', { name: 'Hemtjänst', parentId: top.id })
    ).json();
    const set = await c.hr.patch(`/api/people/${w.employee.id}`, { departmentId: unit.id });
    expect(set.statusCode).toBe(200);
    const page = await json(c.employee, '/api/pages/home');
    expect(page.departmentPath).toEqual(['Omsorg', 'Hemtjänst']);
    expect(page).not.toHaveProperty('departments');
  });

  it.each(['manager', 'employee'] as const)(
    "extends the %s's series whose meetings run out soon before answering, as the home's routes do",
    async (who) => {
      const horizon = async () =>
        (
          await ctx.database.db
            .select({ until: oneOnOneSeries.horizonUntil })
            .from(oneOnOneSeries)
            .where(eq(oneOnOneSeries.employeeId, w.employee.id))
        )[0]!.until;
      const before = await horizon();
      const soon = Temporal.Now.plainDateISO('UTC').add({ days: 20 }).toString();
      await ctx.database.db
        .update(oneOnOneSeries)
        .set({ horizonUntil: soon })
        .where(eq(oneOnOneSeries.employeeId, w.employee.id));
      const page = await json(c[who], '/api/pages/home');
      expect(await horizon()).toBe(before);
      expect(page.mine).toEqual(await json(c[who], '/api/one-on-ones/mine'));
      if (who === 'manager')
        expect(page.overview).toEqual(await json(c.manager, '/api/one-on-ones/overview'));
    },
  );

  it('gives HR only who is signed in (their home reads its own lists)', async () => {
    const page = await json(c.hr, '/api/pages/home');
    expect(page.me).toEqual(await json(c.hr, '/api/me'));
    expect(page.overview).toBeNull();
    expect(page.latestMeetings).toEqual([]);
  });

  it('needs a session', async () => {
    expect((await ctx.app.inject({ url: '/api/pages/home' })).statusCode).toBe(401);
  });
});
