import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { datesBetween, type DateRule } from '../../domain/one-on-one/cadence';
import { toInstant } from '../../domain/one-on-one/occurrences';
import { buildCalendar, type IcsEvent } from './ics';

/** Occurrence instants (ms) as an independent parser (Mozilla's ical.js) expands them. */
function expandWithIcalJs(ics: string, until: Date): number[] {
  const comp = new ICAL.Component(ICAL.parse(ics));
  for (const tz of comp.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  }
  const master = comp
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v))
    .find((e) => !e.isRecurrenceException());
  if (!master) throw new Error('no master event');
  const it = master.iterator();
  const out: number[] = [];
  for (let next = it.next(); next; next = it.next()) {
    const ms = next.toJSDate().getTime();
    if (ms > until.getTime()) break;
    out.push(ms);
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

const ZONES = ['Europe/Stockholm', 'Europe/Copenhagen', 'Europe/Oslo', 'Europe/Helsinki'];
const RULES: DateRule[] = [
  { cadence: 'weekly', startDate: '2026-01-06' },
  { cadence: 'every_2_weeks', startDate: '2026-01-07' },
  { cadence: 'every_3_weeks', startDate: '2026-01-09' },
  { cadence: 'monthly', startDate: '2026-01-06', monthlyOrdinal: 1 },
  { cadence: 'monthly', startDate: '2026-01-30', monthlyOrdinal: -1 },
];

describe('iCalendar series', () => {
  for (const timeZone of ZONES) {
    for (const rule of RULES) {
      it(`${rule.cadence} (${rule.monthlyOrdinal ?? ''}) in ${timeZone}: a parser sees Samtal's occurrences over three years`, () => {
        const until = '2028-12-31';
        const ics = buildCalendar('REQUEST', [
          base({ timeZone, localDate: rule.startDate, recurrence: { rule, until } }),
        ]);
        const ours = datesBetween(rule, rule.startDate, until).map((d) =>
          toInstant(d, '09:00', timeZone).getTime(),
        );
        const theirs = expandWithIcalJs(ics, new Date('2029-01-01T00:00:00Z'));
        expect(theirs).toEqual(ours);
        // Every occurrence is 09:00 local, summer and winter.
        const local = new Intl.DateTimeFormat('en-GB', {
          timeZone,
          hour: '2-digit',
          minute: '2-digit',
        });
        expect(new Set(theirs.map((ms) => local.format(ms)))).toEqual(new Set(['09:00']));
      });
    }
  }

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
