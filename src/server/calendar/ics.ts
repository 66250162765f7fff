import {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendar,
  ICalCalendarMethod,
  ICalEventRepeatingFreq,
  ICalEventStatus,
  ICalWeekday,
  type ICalRepeatingOptions,
} from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { monthlyOrdinalOf, type DateRule } from '../../domain/one-on-one/cadence';

const WEEKDAYS = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
];

export type IcsPerson = { name: string; email: string };

/** One VEVENT: a recurring series, a single meeting, or one changed occurrence of a series. */
export type IcsEvent = {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  location?: string | null;
  url?: string;
  organizer: IcsPerson;
  attendees: IcsPerson[];
  timeZone: string;
  durationMinutes: number;
  /** Local start ("YYYY-MM-DD", "HH:MM") in `timeZone`: the first meeting of a series. */
  localDate: string;
  localTime: string;
  /** Makes this a series: the rule, an optional last local date, and dates that are cancelled. */
  recurrence?: { rule: DateRule; until?: string | null; exdates?: string[] };
  /** Makes this an override of one occurrence: its original local date (and the series' time). */
  recurrenceId?: { localDate: string; localTime: string };
  cancelled?: boolean;
};

/** The RRULE pieces of a date rule: weekly steps, or the nth/last weekday of the month. */
export function repeatingOf(rule: DateRule): ICalRepeatingOptions {
  const start = Temporal.PlainDate.from(rule.startDate);
  const weekday = WEEKDAYS[start.dayOfWeek - 1]!;
  if (rule.cadence === 'monthly') {
    return {
      freq: ICalEventRepeatingFreq.MONTHLY,
      byDay: [weekday],
      bySetPos: [monthlyOrdinalOf(rule)],
    };
  }
  const interval = { weekly: 1, every_2_weeks: 2, every_3_weeks: 3 }[rule.cadence];
  return { freq: ICalEventRepeatingFreq.WEEKLY, interval, byDay: [weekday] };
}

/**
 * The VTIMEZONE block for a zone. The library answers linked zones with their target
 * (Europe/Stockholm → Europe/Berlin since tzdata 2022); the block must carry the TZID the
 * events use, so the name is put back.
 */
export function vtimezone(tz: string): string | null {
  const block = tzlib_get_ical_block(tz)[0];
  if (!block) return null;
  return block
    .replace(/^TZID:.*$/m, `TZID:${tz}`)
    .replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${tz}`);
}

function zoned(date: string, time: string, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.PlainDate.from(date)
    .toPlainDateTime(Temporal.PlainTime.from(time))
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' });
}

/**
 * An iCalendar (RFC 5545) document: METHOD, a VTIMEZONE per zone used, and the events.
 * Times are written as local times with TZID, so every calendar keeps 09:00 at 09:00 across
 * daylight saving.
 */
export function buildCalendar(
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH',
  events: IcsEvent[],
  opts: { name?: string; prodId?: string } = {},
): string {
  const cal = new ICalCalendar({
    prodId: { company: 'Samtal', product: opts.prodId ?? 'samtal', language: 'EN' },
    method: ICalCalendarMethod[method],
    ...(opts.name ? { name: opts.name } : {}),
  });
  cal.timezone({ name: null, generator: vtimezone });
  for (const e of events) {
    const start = zoned(e.localDate, e.localTime, e.timeZone);
    const event = cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      start,
      end: start.add({ minutes: e.durationMinutes }),
      timezone: e.timeZone,
      summary: e.summary,
      description: e.description,
      ...(e.location ? { location: e.location } : {}),
      ...(e.url ? { url: e.url } : {}),
      organizer: { name: e.organizer.name, email: e.organizer.email },
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: new Date(),
    });
    for (const a of e.attendees) {
      event.createAttendee({
        name: a.name,
        email: a.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: true,
      });
    }
    if (e.recurrence) {
      const rep = repeatingOf(e.recurrence.rule);
      if (e.recurrence.until) {
        // UNTIL is the end of that local day, in UTC as RFC 5545 requires with a TZID start.
        rep.until = zoned(e.recurrence.until, '23:59', e.timeZone).withTimeZone('UTC');
      }
      if (e.recurrence.exdates?.length) {
        rep.exclude = e.recurrence.exdates.map((d) => zoned(d, e.localTime, e.timeZone));
      }
      event.repeating(rep);
    }
    if (e.recurrenceId) {
      event.recurrenceId(zoned(e.recurrenceId.localDate, e.recurrenceId.localTime, e.timeZone));
    }
  }
  return cal.toString();
}
