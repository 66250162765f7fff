/**
 * Booking, changing, moving, cancelling and ending a series send both of the pair an
 * iCalendar message; an independent parser (ical.js) must see the same meetings as Samtal.
 */
import ICAL from 'ical.js';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../src/db/schema/index';
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

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'cal');
  c = await clientsFor(ctx.app, w);
});
afterAll(() => ctx.close());

const mailsTo = (personId: string, kind?: string) =>
  ctx.database.db
    .select()
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.orgId, w.org.id),
        eq(mailOutbox.recipientId, personId),
        ...(kind ? [eq(mailOutbox.kind, kind)] : []),
      ),
    )
    .orderBy(asc(mailOutbox.createdAt));

function parse(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  for (const tz of comp.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { method: comp.getFirstPropertyValue('method'), events };
}

function occurrences(ics: string, until: Date): number[] {
  const { events } = parse(ics);
  const master = events.find((e) => !e.isRecurrenceException())!;
  const it = master.iterator();
  const out: number[] = [];
  for (let n = it.next(); n && n.toJSDate() <= until; n = it.next())
    out.push(n.toJSDate().getTime());
  return out;
}

describe('calendar invitations', () => {
  let seriesId: string;
  let meetings: { id: string; startsAt: string; localDate: string }[];

  it('sends both of the pair a REQUEST whose occurrences match Samtal’s meetings', async () => {
    const booked = await bookSeries(c.manager, w.employee.id, { reflectionBlockMinutes: 15 });
    seriesId = booked.series.id;
    meetings = booked.meetings;
    const [toEmployee] = await mailsTo(w.employee.id, 'one_on_one.invitation');
    const [toManager] = await mailsTo(w.manager.id, 'one_on_one.invitation');
    expect(toEmployee?.calendarMethod).toBe('REQUEST');
    expect(toManager?.calendarMethod).toBe('REQUEST');
    // The employee is Danish: the mail speaks Danish.
    expect(toEmployee!.subject).toBe('1:1-samtale med Maja Chef: hver anden uge');
    expect(toEmployee!.textBody).toContain('tilføj dine egne emner');
    const ics = toEmployee!.calendar!;
    expect(parse(ics).method).toBe('REQUEST');
    const last = new Date(meetings[meetings.length - 1]!.startsAt);
    expect(occurrences(ics, last)).toEqual(meetings.map((m) => new Date(m.startsAt).getTime()));
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics.replace(/\r\n /g, '')).toContain(`MAILTO:${w.employee.email}`);
    // The manager asked for a reflection block after each meeting.
    const [block] = await mailsTo(w.manager.id, 'one_on_one.reflection_block');
    const blockEvent = parse(block!.calendar!).events[0]!;
    expect(blockEvent.startDate.toJSDate().getTime()).toBe(
      new Date(meetings[0]!.startsAt).getTime() + 20 * 60_000,
    );
    expect(blockEvent.duration.toSeconds()).toBe(15 * 60);
  });

  it('moves one meeting with RECURRENCE-ID and a higher SEQUENCE', async () => {
    const target = meetings[1]!;
    const res = await c.manager.post(`/api/one-on-ones/meetings/${target.id}/move`, {
      date: daysFromToday(30),
      time: '13:30',
      reason: 'Konferens',
    });
    expect(res.statusCode).toBe(200);
    const [mail] = await mailsTo(w.employee.id, 'one_on_one.moved');
    const { method, events } = parse(mail!.calendar!);
    expect(method).toBe('REQUEST');
    expect(events[0]!.isRecurrenceException()).toBe(true);
    expect(events[0]!.recurrenceId.toJSDate().getTime()).toBe(new Date(target.startsAt).getTime());
    expect(events[0]!.startDate.toString()).toBe(`${daysFromToday(30)}T13:30:00`);
    expect(events[0]!.sequence).toBe(1);
    expect(mail!.textBody).toContain('Konferens');
  });

  it('cancels one meeting with METHOD:CANCEL, and later invitations leave it out', async () => {
    const target = meetings[2]!;
    await c.manager.post(`/api/one-on-ones/meetings/${target.id}/cancel`, { reason: 'Sjuk' });
    const [mail] = await mailsTo(w.employee.id, 'one_on_one.cancelled');
    const { method, events } = parse(mail!.calendar!);
    expect(method).toBe('CANCEL');
    expect(events[0]!.recurrenceId.toJSDate().getTime()).toBe(new Date(target.startsAt).getTime());
    expect(events[0]!.sequence).toBe(2);
    // A change of place sends an update: SEQUENCE 3, the cancelled date gone, the moved one overridden.
    await c.manager.patch(`/api/one-on-ones/series/${seriesId}`, {
      place: { kind: 'room', detail: 'Ekorren' },
    });
    const [update] = await mailsTo(w.employee.id, 'one_on_one.updated');
    const parsed = parse(update!.calendar!);
    expect(parsed.events.every((e) => e.sequence === 3)).toBe(true);
    const occ = occurrences(update!.calendar!, new Date(meetings[4]!.startsAt));
    expect(occ).not.toContain(new Date(target.startsAt).getTime());
    expect(parsed.events.find((e) => e.isRecurrenceException())).toBeTruthy();
    expect(update!.calendar!).toContain('LOCATION:Lokale: Ekorren');
  });

  it('puts nothing private in any mail, the minutes included', async () => {
    const m = meetings[0]!.id;
    const put = await c.manager.request('PUT', `/api/one-on-ones/meetings/${m}/private-note`, {
      body: 'PRIVAT: hemlig stödanteckning',
      baseVersion: 0,
    });
    expect(put.statusCode).toBe(200);
    expect((await c.manager.post(`/api/one-on-ones/meetings/${m}/finish`)).statusCode).toBe(200);
    const [minutes] = await mailsTo(w.employee.id, 'one_on_one.minutes');
    expect(minutes!.htmlBody).toContain('Maja Chef');
    const all = await ctx.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.orgId, w.org.id));
    expect(all.length).toBeGreaterThan(5);
    for (const m of all)
      expect(`${m.textBody}${m.htmlBody}${m.calendar ?? ''}`).not.toContain('PRIVAT');
  });

  it('ends the series with UNTIL, so history stays in the calendars', async () => {
    await c.manager.post(`/api/one-on-ones/series/${seriesId}/end`, { reason: 'Ny tjänst' });
    const [mail] = await mailsTo(w.employee.id, 'one_on_one.seriesEnded');
    const ics = mail!.calendar!;
    expect(ics).toMatch(/RRULE:[^\r\n]*UNTIL=/);
    // No occurrence after the day the series ended.
    const endOfToday = Date.now() + 86_400_000;
    expect(occurrences(ics, new Date('2100-01-01')).every((ms) => ms <= endOfToday)).toBe(true);
  });
});
