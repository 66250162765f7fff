import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { datesBetween, type DateRule } from '../../domain/one-on-one/cadence';
import { toInstant } from '../../domain/one-on-one/occurrences';
import { buildCalendar, type IcsEvent } from './ics';

/**
 * Occurrence instants (ms) as an independent parser (Mozilla's ical.js, which Thunderbird and
 * many web calendars build on) shows them: the rule's instances with every override applied.
 */
function expandWithIcalJs(ics: string, until: Date): number[] {
  const comp = new ICAL.Component(ICAL.parse(ics));
  for (const tz of comp.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  }
  const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const master = events.find((e) => !e.isRecurrenceException());
  if (!master) throw new Error('no master event');
  for (const e of events) if (e.isRecurrenceException()) master.relateException(e);
  const it = master.iterator();
  const out: number[] = [];
  for (let next = it.next(); next; next = it.next()) {
    if (next.toJSDate().getTime() > until.getTime()) break;
    out.push(master.getOccurrenceDetails(next).startDate.toJSDate().getTime());
  }
  return out;
}

const base = (over: Partial<IcsEvent>): IcsEvent => ({
  uid: 'series-1@samtal.test',
  sequence: 0,
  summary: '1:1',
  description: 'Agenda',
  organizer: { name: 'Maria', email: 'maria@example.test' },
  attendees: [{ name: 'Erik', email: 'erik@example.test' }],
  timeZone: 'Europe/Stockholm',
  durationMinutes: 20,
  localDate: '2026-01-06',
  localTime: '09:00',
  ...over,
});

const ZONES = [
  'Europe/Stockholm',
  'Europe/Copenhagen',
  'Europe/Oslo',
  'Europe/Helsinki',
  'Atlantic/Reykjavik',
  'Atlantic/Faroe',
];
const RULES: DateRule[] = [
  { cadence: 'weekly', startDate: '2026-01-06' },
  { cadence: 'every_2_weeks', startDate: '2026-01-07' },
  { cadence: 'every_3_weeks', startDate: '2026-01-09' },
  { cadence: 'monthly', startDate: '2026-01-06', monthlyOrdinal: 1 },
  { cadence: 'monthly', startDate: '2026-01-30', monthlyOrdinal: -1 },
  // "The last Tuesday" created on the first, "the second Tuesday" on the third: the first real
  // meeting is later, and the invitation must not show the start date as a meeting.
  { cadence: 'monthly', startDate: '2026-01-06', monthlyOrdinal: -1 },
  { cadence: 'monthly', startDate: '2026-01-20', monthlyOrdinal: 2 },
  // Sundays: the nights the clocks change (the last Sunday of March and of October).
  { cadence: 'weekly', startDate: '2026-01-04' },
  { cadence: 'monthly', startDate: '2026-01-25', monthlyOrdinal: -1 },
];
/**
 * 09:00, and every half hour of the night in which one of the zones changes its clocks (only
 * Sundays meet on those nights; other weekdays check one night-time hour).
 */
const NIGHT = ['00:30', '01:00', '01:30', '02:00', '02:30', '03:00', '03:30', '04:00'];
const timesFor = (rule: DateRule) =>
  Temporal.PlainDate.from(rule.startDate).dayOfWeek === 7
    ? ['09:00', ...NIGHT]
    : ['09:00', '02:30'];
const UNTIL = '2035-12-31';

/** Samtal's own occurrences of a rule (what the meetings table holds). */
const ours = (rule: DateRule, time: string, timeZone: string, until = UNTIL) =>
  datesBetween(rule, rule.startDate, until).map((d) => toInstant(d, time, timeZone).getTime());

describe('iCalendar series: every calendar shows Samtal’s instants for ten years', () => {
  for (const timeZone of ZONES) {
    it(`${timeZone}: every cadence, by day and on daylight-saving nights`, () => {
      for (const rule of RULES) {
        for (const localTime of timesFor(rule)) {
          const ics = buildCalendar(
            'REQUEST',
            [base({ timeZone, localDate: rule.startDate, localTime, recurrence: { rule } })],
            { now: new Date('2026-01-01T12:00:00Z') },
          );
          const theirs = expandWithIcalJs(ics, toInstant(UNTIL, '23:59', timeZone));
          expect(
            theirs,
            `${rule.cadence} ${rule.monthlyOrdinal ?? ''} ${rule.startDate} ${localTime}`,
          ).toEqual(ours(rule, localTime, timeZone));
        }
      }
    });
  }

  it('keeps 09:00 at 09:00 local, summer and winter', () => {
    const rule = RULES[0]!;
    const ics = buildCalendar('REQUEST', [base({ recurrence: { rule, until: '2028-12-31' } })]);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Stockholm',
      hour: '2-digit',
      minute: '2-digit',
    });
    const theirs = expandWithIcalJs(ics, new Date('2029-01-01T00:00:00Z'));
    expect(new Set(theirs.map((ms) => local.format(ms)))).toEqual(new Set(['09:00']));
  });

  it('starts a monthly series on its first real meeting, not on its start date', () => {
    const rule: DateRule = { cadence: 'monthly', startDate: '2026-01-06', monthlyOrdinal: -1 };
    const ics = buildCalendar('REQUEST', [
      base({ localDate: rule.startDate, recurrence: { rule } }),
    ]);
    expect(ics).toContain('DTSTART;TZID=Europe/Stockholm:20260127T090000');
    expect(ics).not.toContain('20260106T090000');
  });

  it('writes a daylight-saving night as an explicit instance in UTC', () => {
    const rule: DateRule = { cadence: 'weekly', startDate: '2026-03-22' };
    const ics = buildCalendar(
      'REQUEST',
      [
        base({
          localDate: rule.startDate,
          localTime: '02:30',
          recurrence: { rule, until: '2026-11-30' },
        }),
      ],
      { now: new Date('2026-03-01T00:00:00Z') },
    );
    // Spring: 02:30 does not exist; Samtal holds the meeting at 03:30 summer time.
    expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Stockholm:20260329T023000');
    expect(ics).toContain('DTSTART:20260329T013000Z');
    // Autumn: 02:30 comes twice; Samtal takes the first (summer time).
    expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Stockholm:20261025T023000');
    expect(ics).toContain('DTSTART:20261025T003000Z');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });

  it('writes a single meeting on a daylight-saving night at its stored instant', () => {
    // 02:30 the second time round (winter time), as a stored meeting knows it.
    const startsAt = new Date('2026-10-25T01:30:00Z');
    const ics = buildCalendar('PUBLISH', [
      base({ localDate: '2026-10-25', localTime: '02:30', startsAt }),
    ]);
    expect(ics).toContain('DTSTART:20261025T013000Z');
    expect(expandWithIcalJs(ics, new Date('2027-01-01'))).toEqual([startsAt.getTime()]);
  });

  it('writes METHOD, VTIMEZONE with the TZID the events use, SEQUENCE and attendees', () => {
    const ics = buildCalendar('REQUEST', [base({ sequence: 3, recurrence: { rule: RULES[0]! } })]);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Stockholm/);
    expect(ics).toContain('DTSTART;TZID=Europe/Stockholm:20260106T090000');
    expect(ics).toContain('SEQUENCE:3');
    expect(ics).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU');
    expect(ics.replace(/\r\n /g, '')).toContain('RSVP=TRUE;CN="Erik":MAILTO:erik@example.test');
  });

  it('leaves cancelled dates out (EXDATE) and moves one occurrence (RECURRENCE-ID)', () => {
    const rule = RULES[1]!;
    const ics = buildCalendar('REQUEST', [
      base({
        localDate: rule.startDate,
        recurrence: { rule, until: '2026-03-31', exdates: ['2026-01-21'] },
      }),
      base({
        localDate: '2026-02-05',
        localTime: '13:30',
        recurrenceId: { localDate: '2026-02-04', localTime: '09:00' },
      }),
    ]);
    const theirs = expandWithIcalJs(ics, new Date('2026-04-01T00:00:00Z'));
    expect(theirs).not.toContain(toInstant('2026-01-21', '09:00', 'Europe/Stockholm').getTime());
    expect(theirs).toContain(toInstant('2026-02-18', '09:00', 'Europe/Stockholm').getTime());
    const comp = new ICAL.Component(ICAL.parse(ics));
    const moved = comp
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .find((e) => e.isRecurrenceException())!;
    expect(moved.recurrenceId.toString()).toBe('2026-02-04T09:00:00');
    expect(moved.startDate.toString()).toBe('2026-02-05T13:30:00');
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED', () => {
    const ics = buildCalendar('CANCEL', [
      base({
        sequence: 4,
        cancelled: true,
        recurrenceId: { localDate: '2026-01-13', localTime: '09:00' },
        localDate: '2026-01-13',
      }),
    ]);
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Stockholm:20260113T090000');
  });
});
