import { describe, expect, it } from 'vitest';
import { summariseIcs } from './ics';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'METHOD:REQUEST',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Copenhagen',
  'BEGIN:STANDARD',
  'DTSTART:19701025T030000',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:abc',
  'SEQUENCE:0',
  'DTSTART;TZID=Europe/Copenhagen:20260106T090000',
  'DTEND;TZID=Europe/Copenhagen:20260106T092000',
  'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20260630T215900Z',
  'EXDATE;TZID=Europe/Copenhagen:20260120T090000,20260203T090000',
  'SUMMARY:1:1-samtale med Mads Jensen\\, Sofie Hansen',
  'LOCATION:Walk and talk',
  'ORGANIZER;CN="Jensen, Mads":mailto:leder@samtal.demo',
  'ATTENDEE;ROLE=REQ-PARTICIPANT;CN=Sofie Hansen;RSVP=TRUE:mailto:sofie@samta',
  ' l.demo',
  'STATUS:CONFIRMED',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('summariseIcs', () => {
  it('reads the method, time, repetition and people of an invitation', () => {
    const s = summariseIcs(ICS);
    expect(s.method).toBe('REQUEST');
    expect(s.events).toHaveLength(1);
    const e = s.events[0]!;
    expect(e.summary).toBe('1:1-samtale med Mads Jensen, Sofie Hansen');
    expect(e.start).toEqual({
      wall: new Date(Date.UTC(2026, 0, 6, 9, 0, 0)),
      timeZone: 'Europe/Copenhagen',
      utc: false,
    });
    expect(e.repeat).toEqual({ freq: 'WEEKLY', interval: 2 });
    expect(e.until?.utc).toBe(true);
    expect(e.exdates).toBe(2);
    expect(e.organizer).toBe('Jensen, Mads <leder@samtal.demo>');
    expect(e.attendees).toEqual(['Sofie Hansen <sofie@samtal.demo>']);
    expect(e.location).toBe('Walk and talk');
    expect(e.status).toBe('CONFIRMED');
    expect(e.recurrenceId).toBeNull();
  });

  it('gives no events for text that is not a calendar', () => {
    expect(summariseIcs('hello')).toEqual({ method: null, events: [] });
  });
});
