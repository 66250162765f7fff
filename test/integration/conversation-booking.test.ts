/**
 * The manager books a development conversation in one step: the meeting (no series, one agenda
 * point per template section) and a single-event invitation to both; moving and cancelling
 * update the same event; a held conversation proposes a follow-up booked in one step.
 */
import ICAL from 'ical.js';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, oneOnOneMeetings } from '../../src/db/schema/index';
import { testApp, type TestContext } from '../support/app';
import {
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';
import { makeConversation } from './conversation.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;
let conversationId: string;

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'conv-book');
  c = await clientsFor(ctx.app, w);
  conversationId = (
    await makeConversation(ctx.database.db, w.org.id, {
      managerId: w.manager.id,
      employeeId: w.employee.id,
    })
  ).id;
});
afterAll(() => ctx.close());

const mailsTo = (personId: string, kind: string) =>
  ctx.database.db
    .select()
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.orgId, w.org.id),
        eq(mailOutbox.recipientId, personId),
        eq(mailOutbox.kind, kind),
      ),
    )
    .orderBy(asc(mailOutbox.createdAt));

function events(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  for (const tz of comp.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return {
    method: comp.getFirstPropertyValue('method'),
    events: comp.getAllSubcomponents('vevent'),
  };
}

const booking = (over: Record<string, unknown> = {}) => ({
  date: daysFromToday(10),
  time: '13:00',
  place: { kind: 'room', detail: 'Lilla rummet' },
  ...over,
});

describe('booking', () => {
  it('lists the conversation to book for the manager, and for the employee', async () => {
    const mine = (await c.manager.get('/api/conversations?as=manager')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ id: conversationId, status: 'not_booked', booked: null });
    const theirs = (await c.employee.get('/api/conversations?as=employee')).json();
    expect(theirs.items.map((i: { id: string }) => i.id)).toEqual([conversationId]);
    expect((await c.otherManager.get('/api/conversations?as=manager')).json().items).toEqual([]);
    expect((await c.manager.get('/api/conversations/summary')).json()).toEqual({
      toBook: 1,
      upcoming: 0,
    });
  });

  it('refuses the employee and anyone outside the pair', async () => {
    const url = `/api/conversations/${conversationId}/booking`;
    expect((await c.employee.request('PUT', url, booking())).statusCode).toBe(403);
    expect((await c.otherManager.request('PUT', url, booking())).statusCode).toBe(404);
    expect((await c.hr.request('PUT', url, booking())).statusCode).toBe(404);
    expect((await c.stranger.request('PUT', url, booking())).statusCode).toBe(404);
  });

  it('refuses a past date and a time that does not exist, naming the problem', async () => {
    const url = `/api/conversations/${conversationId}/booking`;
    const past = await c.manager.request('PUT', url, booking({ date: daysFromToday(-1) }));
    expect(past.json().error.code).toBe('oneOnOne.start_in_past');
    const bad = await c.manager.request('PUT', url, booking({ time: '25:00' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('time');
  });

  it('creates the meeting with one point per section and invites both with one event', async () => {
    const res = await c.manager.request(
      'PUT',
      `/api/conversations/${conversationId}/booking`,
      booking(),
    );
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.status).toBe('booked');
    expect(page.meeting).toMatchObject({
      localTime: '13:00',
      durationMinutes: 60,
      timeZone: 'Europe/Stockholm',
      place: { kind: 'room', detail: 'Lilla rummet' },
    });
    expect(page.sections.map((s: { sectionKey: string }) => s.sectionKey)).toEqual([
      'now',
      'ahead',
    ]);
    const [row] = await ctx.database.db
      .select()
      .from(oneOnOneMeetings)
      .where(eq(oneOnOneMeetings.id, page.meeting.id));
    expect(row).toMatchObject({ kind: 'development', seriesId: null, seq: null });

    for (const person of [w.employee, w.manager]) {
      const [mail] = await mailsTo(person.id, 'conversation.booked');
      expect(mail!.calendarMethod).toBe('REQUEST');
      const ics = events(mail!.calendar!);
      expect(ics.method).toBe('REQUEST');
      expect(ics.events).toHaveLength(1);
      expect(ics.events[0]!.getFirstPropertyValue('rrule')).toBeNull();
      const vevent = mail!.calendar!.slice(mail!.calendar!.indexOf('BEGIN:VEVENT'));
      expect(vevent).not.toContain('RRULE');
      const ev = new ICAL.Event(ics.events[0]!);
      expect(ev.startDate.toJSDate().toISOString()).toBe(page.meeting.startsAt);
    }
    // The employee's mail is in Danish, with the sections as the agenda.
    const [toEmployee] = await mailsTo(w.employee.id, 'conversation.booked');
    expect(toEmployee!.locale).toBe('da');
    expect(toEmployee!.textBody).toContain('Looking ahead');
    // The employee's calendar subscription lists it, named as a development conversation.
    const feed = (await c.employee.post('/api/me/calendar-feed')).json();
    const ics = (await c.stranger.get(new URL(feed.url).pathname)).body;
    expect(ics).toContain('SUMMARY:MUS: Maja Chef og Erik Medarbetare');
  });

  it('moves the booked time as an update of the same event', async () => {
    const before = (await mailsTo(w.employee.id, 'conversation.booked'))[0]!;
    const res = await c.manager.request(
      'PUT',
      `/api/conversations/${conversationId}/booking`,
      booking({ time: '14:30', durationMinutes: 45 }),
    );
    expect(res.json().meeting).toMatchObject({ localTime: '14:30', durationMinutes: 45 });
    const [moved] = await mailsTo(w.employee.id, 'conversation.moved');
    const a = new ICAL.Event(events(before.calendar!).events[0]!);
    const b = new ICAL.Event(events(moved!.calendar!).events[0]!);
    expect(b.uid).toBe(a.uid);
    expect(b.sequence).toBeGreaterThan(a.sequence);
  });

  it('cancels with a CANCEL of that event; the conversation can be booked again', async () => {
    const res = await c.manager.post(`/api/conversations/${conversationId}/booking/cancel`, {
      reason: 'Sjuk',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'not_booked', meeting: null });
    const [cancelled] = await mailsTo(w.manager.id, 'conversation.cancelled');
    expect(cancelled!.calendarMethod).toBe('CANCEL');
    const again = await c.manager.request(
      'PUT',
      `/api/conversations/${conversationId}/booking`,
      booking({ date: daysFromToday(12) }),
    );
    expect(again.json().status).toBe('booked');
    expect(await mailsTo(w.employee.id, 'conversation.booked')).toHaveLength(2);
  });
});

describe('the follow-up', () => {
  it('is proposed three months after a held development conversation and booked in one step', async () => {
    const before = (await c.manager.get(`/api/conversations/${conversationId}`)).json();
    expect(before.followUp).toBeNull();
    const refused = await c.manager.post(
      `/api/conversations/${conversationId}/follow-up`,
      booking(),
    );
    expect(refused.json().error.code).toBe('conversation.not_held');

    // Booked for a later day: starting now must be confirmed, and is refused without that.
    const early = await c.manager.post(`/api/conversations/${conversationId}/start`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('conversation.start_early');
    expect((await c.manager.get(`/api/conversations/${conversationId}`)).json().status).toBe(
      'booked',
    );
    const started = await c.manager.post(`/api/conversations/${conversationId}/start`, {
      holdNow: true,
    });
    expect(started.json().status).toBe('held');
    const proposal = started.json().followUp;
    expect(proposal.conversationId).toBeNull();
    expect(proposal.proposedDate > daysFromToday(85)).toBe(true);

    const res = await c.manager.post(
      `/api/conversations/${conversationId}/follow-up`,
      booking({ date: proposal.proposedDate, time: '10:00', durationMinutes: 30 }),
    );
    expect(res.statusCode).toBe(201);
    const followUp = res.json();
    expect(followUp).toMatchObject({
      kind: 'follow_up',
      status: 'booked',
      parentConversationId: conversationId,
      meeting: { localDate: proposal.proposedDate, localTime: '10:00', durationMinutes: 30 },
    });
    expect(await mailsTo(w.employee.id, 'conversation.booked')).toHaveLength(3);
    const after = (await c.employee.get(`/api/conversations/${conversationId}`)).json();
    expect(after.followUp.conversationId).toBe(followUp.id);
    const twice = await c.manager.post(
      `/api/conversations/${conversationId}/follow-up`,
      booking({ date: proposal.proposedDate }),
    );
    expect(twice.statusCode).toBe(409);
  });
});
