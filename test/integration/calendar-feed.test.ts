/** Subscription feeds, the admin's mailbox and mail settings, through the HTTP API. */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, testApp, type TestContext } from '../support/app';
import {
  bookSeries,
  clientsFor,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;
let meetings: { id: string; startsAt: string }[];

beforeAll(async () => {
  ctx = await testApp({ PUBLIC_URL: 'https://samtal.example' });
  w = await makeOneOnOneWorld(ctx.database.db, 'feed');
  c = await clientsFor(ctx.app, w);
  meetings = (await bookSeries(c.manager, w.employee.id)).meetings;
});
afterAll(() => ctx.close());

const fetchFeed = (url: string) => new Client(ctx.app).get(new URL(url).pathname);

describe('calendar subscription', () => {
  let firstUrl: string;

  it('gives each person a secret URL whose feed an independent parser reads as Samtal’s meetings', async () => {
    expect((await c.employee.get('/api/me/calendar-feed')).json().active).toBe(false);
    const made = (await c.employee.post('/api/me/calendar-feed')).json();
    firstUrl = made.url;
    expect(made.url).toMatch(/^https:\/\/samtal\.example\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    expect(made.webcal.startsWith('webcal://samtal.example/calendar/')).toBe(true);
    const res = await fetchFeed(made.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const comp = new ICAL.Component(ICAL.parse(res.body));
    expect(comp.getFirstPropertyValue('method')).toBe('PUBLISH');
    for (const tz of comp.getAllSubcomponents('vtimezone'))
      ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    const starts = comp
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v).startDate.toJSDate().getTime());
    const upcoming = (
      await c.employee.get(
        `/api/one-on-ones/series/${(await c.employee.get('/api/one-on-ones/series')).json().items[0].id}/meetings?limit=100`,
      )
    ).json().items as { startsAt: string }[];
    expect(starts.slice(0, upcoming.length)).toEqual(
      upcoming.map((m) => new Date(m.startsAt).getTime()),
    );
  });

  it('follows a moved meeting and drops a cancelled one', async () => {
    await c.manager.post(`/api/one-on-ones/meetings/${meetings[0]!.id}/cancel`, { reason: 'Sjuk' });
    const body = (await fetchFeed(firstUrl)).body;
    expect(body).not.toContain(`meeting-${meetings[0]!.id}@`);
    expect(body).toContain(`meeting-${meetings[1]!.id}@`);
  });

  it('stops the old URL at once when rotated', async () => {
    const second = (await c.employee.post('/api/me/calendar-feed')).json();
    expect((await fetchFeed(firstUrl)).statusCode).toBe(404);
    expect((await fetchFeed(second.url)).statusCode).toBe(200);
    expect(
      (await new Client(ctx.app).get('/calendar/not-a-real-token-at-all-1234.ics')).statusCode,
    ).toBe(404);
  });
});

describe('admin mailbox', () => {
  it('shows the admin the envelopes of what was mailed; nobody else', async () => {
    const list = await c.admin.get('/api/admin/mailbox?limit=5');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; kind: string; hasCalendar: boolean }[];
    expect(items.some((m) => m.kind === 'one_on_one.invitation' && m.hasCalendar)).toBe(true);
    // Envelopes only (decision 025): no subject, no body, no detail route.
    expect(items[0]).not.toHaveProperty('subject');
    expect((await c.admin.get(`/api/admin/mailbox/${items[0]!.id}`)).statusCode).toBe(404);
    for (const who of ['hr', 'manager', 'employee'] as const)
      expect((await c[who].get('/api/admin/mailbox')).statusCode).toBe(403);
    // The other tenant's admin sees none of these.
    const theirs = (await c.stranger.get('/api/admin/mailbox')).json().items as { id: string }[];
    expect(theirs.some((m) => items.some((x) => x.id === m.id))).toBe(false);
    expect((await c.stranger.get(`/api/admin/mailbox/${items[0]!.id}`)).statusCode).toBe(404);
  });
});

describe('mail settings', () => {
  it('are the person’s own, validated, and respected', async () => {
    const defaults = (await c.employee.get('/api/me/notification-settings')).json();
    expect(defaults).toMatchObject({ invitations: true, addTopicsDays: 2, quietStart: '20:00' });
    const bad = await c.employee.patch('/api/me/notification-settings', { quietStart: '25:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('quietStart');
    const saved = await c.employee.patch('/api/me/notification-settings', {
      invitations: false,
      addTopicsDays: 3,
    });
    expect(saved.json()).toMatchObject({ invitations: false, addTopicsDays: 3, minutes: true });
    expect((await c.manager.get('/api/me/notification-settings')).json().invitations).toBe(true);
    // With invitations off, a change reaches the manager's calendar but not the employee's.
    await c.manager.post(`/api/one-on-ones/meetings/${meetings[2]!.id}/cancel`, { reason: 'Resa' });
    const mails = (await c.admin.get('/api/admin/mailbox?limit=100')).json().items as {
      kind: string;
      recipient: { email: string };
    }[];
    const cancelled = mails.filter((m) => m.kind === 'one_on_one.cancelled');
    expect(cancelled.some((m) => m.recipient.email === w.manager.email)).toBe(true);
    expect(cancelled.filter((m) => m.recipient.email === w.employee.email)).toHaveLength(1); // the first one only
  });
});
