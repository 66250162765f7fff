/**
 * In-app notifications (issue #15): written where the mail is queued, to the same person, with
 * no SMTP server at all; never to the one who acted; mail switches respected; no content in
 * them; each person reads and marks only their own.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, notifications } from '../../src/db/schema/index';
import { clearReadNotifications } from '../../src/server/services/privacy.service';
import { testApp, type TestContext } from '../support/app';
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
let seriesId: string;
let meetings: { id: string; startsAt: string }[];

type Item = {
  id: string;
  kind: string;
  actor: { id: string; name: string } | null;
  link: string;
  readAt: string | null;
  params: Record<string, unknown>;
};
const list = async (who: keyof typeof c) =>
  (await c[who].get('/api/me/notifications?limit=100')).json() as {
    items: Item[];
    unread: number;
  };
const ofKind = async (who: keyof typeof c, kind: string) =>
  (await list(who)).items.filter((n) => n.kind === kind);

beforeAll(async () => {
  // No SMTP_URL: mails are only kept; notifications must not depend on delivery.
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'notif');
  c = await clientsFor(ctx.app, w);
  const booked = await bookSeries(c.manager, w.employee.id);
  seriesId = booked.series.id;
  meetings = booked.meetings;
});
afterAll(() => ctx.close());

describe('notifications', () => {
  it('without an SMTP server the invitation still appears, for the employee only', async () => {
    expect(ctx.app.config.smtpUrl ?? null).toBeNull();
    const [invite] = await ofKind('employee', 'one_on_one.invitation');
    expect(invite).toMatchObject({
      actor: { id: w.manager.id, name: 'Maja Chef' },
      link: `/one-on-ones/series/${seriesId}`,
      readAt: null,
    });
    // Written with the mail, in its transaction: there is a mail for it too.
    const mails = await ctx.database.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.recipientId, w.employee.id),
          eq(mailOutbox.kind, 'one_on_one.invitation'),
        ),
      );
    expect(mails).toHaveLength(1);
    // The manager booked it: their calendar gets the mail, their bell nothing.
    expect(await ofKind('manager', 'one_on_one.invitation')).toEqual([]);
  });

  it('a topic the employee adds shows under the manager’s bell, without its text', async () => {
    const m = meetings[0]!.id;
    for (const title of ['HEMLIGT ämne om lönen', 'Ett till'])
      expect(
        (await c.employee.post(`/api/one-on-ones/meetings/${m}/points`, { title })).statusCode,
      ).toBe(201);
    const added = await ofKind('manager', 'one_on_one.topic_added');
    // Two topics, one unread notification.
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor: { id: w.employee.id },
      link: `/one-on-ones/meetings/${m}`,
    });
    const body = (await c.manager.get('/api/me/notifications')).body;
    expect(body).not.toContain('HEMLIGT');
    expect(await ofKind('employee', 'one_on_one.topic_added')).toEqual([]);
    // HR gets nothing about the pair's meetings.
    expect((await list('hr')).items).toEqual([]);
    const home = (await c.manager.get('/api/pages/home')).json();
    expect(home.unreadNotifications).toBe((await list('manager')).unread);
    expect(home.unreadNotifications).toBeGreaterThan(0);
  });

  it('a moved meeting links to it; a switched-off mail kind is not shown either', async () => {
    const moved = meetings[1]!;
    await c.manager.post(`/api/one-on-ones/meetings/${moved.id}/move`, {
      date: daysFromToday(40),
      time: '13:30',
    });
    const [n] = await ofKind('employee', 'one_on_one.moved');
    expect(n).toMatchObject({
      link: `/one-on-ones/meetings/${moved.id}`,
      actor: { id: w.manager.id },
    });
    expect(n!.params.from).toBe(new Date(moved.startsAt).toISOString());
    expect(await ofKind('manager', 'one_on_one.moved')).toEqual([]);
    // The employee turns invitations and updates off: no mail, so no notification.
    await c.employee.patch('/api/me/notification-settings', { invitations: false });
    await c.manager.post(`/api/one-on-ones/meetings/${meetings[2]!.id}/cancel`, {});
    expect(await ofKind('employee', 'one_on_one.cancelled')).toEqual([]);
    await c.employee.patch('/api/me/notification-settings', { invitations: true });
  });

  it('an action given to the other of the pair notifies them; one’s own does not', async () => {
    const m = meetings[0]!.id;
    await c.manager.post(`/api/one-on-ones/meetings/${m}/actions`, {
      title: 'HEMLIG åtgärd',
      ownerId: w.employee.id,
    });
    await c.manager.post(`/api/one-on-ones/meetings/${m}/actions`, {
      title: 'Egen',
      ownerId: w.manager.id,
    });
    const mine = await ofKind('employee', 'one_on_one.action_assigned');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.link).toBe(`/one-on-ones/meetings/${m}`);
    expect(await ofKind('manager', 'one_on_one.action_assigned')).toEqual([]);
    expect((await c.employee.get('/api/me/notifications')).body).not.toContain('HEMLIG');
  });

  it('the minutes notify the employee, linking to them', async () => {
    const m = meetings[0]!.id;
    expect((await c.manager.post(`/api/one-on-ones/meetings/${m}/finish`)).statusCode).toBe(200);
    const [n] = await ofKind('employee', 'one_on_one.minutes');
    expect(n!.link).toBe(`/one-on-ones/meetings/${m}/minutes`);
  });

  it('a person reads and marks only their own: anyone else’s is not found', async () => {
    const [theirs] = (await list('employee')).items;
    for (const who of ['manager', 'hr', 'admin', 'stranger'] as const) {
      const res = await c[who].post(`/api/me/notifications/${theirs!.id}/read`);
      expect(res.statusCode, who).toBe(404);
    }
    expect((await list('employee')).items.find((n) => n.id === theirs!.id)!.readAt).toBeNull();
    expect((await c.stranger.get('/api/me/notifications')).json().items).toEqual([]);
    expect((await c.employee.post('/api/me/notifications/not-an-id/read')).statusCode).toBe(400);
  });

  it('marks one read, then all; the count drops', async () => {
    const before = await list('employee');
    expect(before.unread).toBeGreaterThan(1);
    const one = await c.employee.post(`/api/me/notifications/${before.items[0]!.id}/read`);
    expect(one.json().unread).toBe(before.unread - 1);
    // Marking it again changes nothing.
    const again = await c.employee.post(`/api/me/notifications/${before.items[0]!.id}/read`);
    expect(again.json().unread).toBe(before.unread - 1);
    expect((await c.employee.post('/api/me/notifications/read-all')).json().unread).toBe(0);
    expect((await c.employee.get('/api/me/notifications/unread')).json().unread).toBe(0);
    // The manager's are untouched.
    expect((await list('manager')).unread).toBeGreaterThan(0);
  });

  it('keeps a page cursor stable and rejects a bad one', async () => {
    const first = (await c.employee.get('/api/me/notifications?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const next = (
      await c.employee.get(`/api/me/notifications?limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(next.items[0].id).not.toBe(first.items[0].id);
    expect((await c.employee.get('/api/me/notifications?cursor=nonsense')).statusCode).toBe(400);
  });

  it('retention clears read notifications after 90 days and keeps unread ones', async () => {
    const db = ctx.database.db;
    const later = new Date(Date.now() + 91 * 86_400_000);
    const managerUnread = (await list('manager')).unread;
    expect(await clearReadNotifications(db, later)).toBeGreaterThan(0);
    const left = await db
      .select()
      .from(notifications)
      .where(eq(notifications.personId, w.employee.id));
    expect(left).toEqual([]);
    expect((await list('manager')).unread).toBe(managerUnread);
  });
});
