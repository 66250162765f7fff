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
import { datesBetween, monthlyOrdinalOf, type DateRule } from '../../domain/one-on-one/cadence';
import { toInstant } from '../../domain/one-on-one/occurrences';
import { systemClock } from '../clock';

const WEEKDAYS = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
];

type IcsPerson = { name: string; email: string };

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
  /**
   * The exact start, where the caller knows it (a stored meeting). Only used when the local
   * time is ambiguous or does not exist in the zone (a daylight-saving night).
   */
  startsAt?: Date;
};

/** How far ahead a series' daylight-saving nights are written out as explicit instances. */
const DST_HORIZON_YEARS = 10;

/** The RRULE pieces of a date rule: weekly steps, or the nth/last weekday of the month. */
function repeatingOf(rule: DateRule): ICalRepeatingOptions {
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
function vtimezone(tz: string): string | null {
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
 * True when a local date and time is not one instant in `timeZone`: it falls in the hour
 * skipped in spring or the hour repeated in autumn. Calendar apps resolve such a time each
 * their own way (ical.js takes the other hour than Samtal's "compatible" rule, RFC 5545 §3.3.5).
 */
function isDaylightSavingAmbiguous(date: string, time: string, timeZone: string): boolean {
  try {
    Temporal.PlainDate.from(date)
      .toPlainDateTime(Temporal.PlainTime.from(time))
      .toZonedDateTime(timeZone, { disambiguation: 'reject' });
    return false;
  } catch {
    return true;
  }
}

/** ISO date `years` after `date`. */
const yearsAfter = (date: string, years: number) =>
  Temporal.PlainDate.from(date).add({ years }).toString();

/**
 * The events as written: a series starts on its first real meeting (a monthly "last Monday"
 * series created on a Tuesday would otherwise show its start date as one more meeting, since
 * DTSTART always counts as an instance), and every occurrence on a daylight-saving night gets
 * an explicit instance (RECURRENCE-ID in local time, as each calendar computes it; DTSTART in
 * UTC, Samtal's instant), up to the series' end or ten years ahead.
 */
function expandEvents(events: IcsEvent[], now: Date): (IcsEvent & { utc: boolean })[] {
  const out: (IcsEvent & { utc: boolean })[] = [];
  const overridden = new Set(
    events.filter((e) => e.recurrenceId).map((e) => `${e.uid} ${e.recurrenceId!.localDate}`),
  );
  for (const e of events) {
    if (!e.recurrence) {
      out.push({
        ...e,
        utc: isDaylightSavingAmbiguous(e.localDate, e.localTime, e.timeZone),
      });
      continue;
    }
    const { rule, until, exdates = [] } = e.recurrence;
    const first = datesBetween(rule, e.localDate, yearsAfter(e.localDate, 1))[0] ?? e.localDate;
    out.push({ ...e, localDate: first, utc: false });
    const today = now.toISOString().slice(0, 10);
    const horizon = until ?? yearsAfter(today > first ? today : first, DST_HORIZON_YEARS);
    const skipped = new Set(exdates);
    for (const date of datesBetween(rule, first, horizon)) {
      if (skipped.has(date) || overridden.has(`${e.uid} ${date}`)) continue;
      if (!isDaylightSavingAmbiguous(date, e.localTime, e.timeZone)) continue;
      out.push({
        ...e,
        recurrence: undefined,
        recurrenceId: { localDate: date, localTime: e.localTime },
        localDate: date,
        startsAt: toInstant(date, e.localTime, e.timeZone),
        utc: true,
      });
    }
  }
  return out;
}

/** Formats an instant as an RFC 5545 UTC date-time (20261025T003000Z). */
const utcStamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

/**
 * An iCalendar (RFC 5545) document: METHOD, a VTIMEZONE per zone used, and the events.
 * Times are written as local times with TZID, so every calendar keeps 09:00 at 09:00 across
 * daylight saving; a time that is ambiguous on a daylight-saving night is written in UTC.
 */
export function buildCalendar(
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH',
  events: IcsEvent[],
  opts: { name?: string; prodId?: string; now?: Date } = {},
): string {
  const cal = new ICalCalendar({
    prodId: { company: 'Samtal', product: opts.prodId ?? 'samtal', language: 'EN' },
    method: ICalCalendarMethod[method],
    ...(opts.name ? { name: opts.name } : {}),
  });
  cal.timezone({ name: null, generator: vtimezone });
  const now = opts.now ?? systemClock.now();
  const written = expandEvents(events, now);
  for (const e of written) {
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
      stamp: now,
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
  return writeExactTimes(cal.toString(), written);
}

/** `2026-03-29`, `02:30` → `20260329T023000`: a local date-time exactly as given. */
const localStamp = (date: string, time: string) =>
  `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;

/** Folds a content line at 75 octets (RFC 5545 §3.1). */
function fold(line: string): string {
  const out: string[] = [];
  for (let rest = line; rest.length > 0; rest = rest.slice(out.length === 1 ? 75 : 74)) {
    out.push(rest.slice(0, out.length === 0 ? 75 : 74));
  }
  return out.join('\r\n ');
}

/**
 * ical-generator writes every date of an event in the event's zone, turning a local time that
 * does not exist into one that does. Calendars find the occurrence an override or an EXDATE
 * replaces by the rule's local time as written, so those are rewritten exactly as given; an
 * ambiguous start becomes the instant itself, in UTC.
 */
function writeExactTimes(ics: string, events: (IcsEvent & { utc: boolean })[]): string {
  const parts = ics.split('BEGIN:VEVENT\r\n');
  events.forEach((e, i) => {
    let part = parts[i + 1]!;
    if (e.utc) {
      const startMs = (e.startsAt ?? toInstant(e.localDate, e.localTime, e.timeZone)).getTime();
      const endMs = startMs + e.durationMinutes * 60_000;
      part = part
        .replace(/^DTSTART;TZID=[^:\r\n]+:\d{8}T\d{6}$/m, `DTSTART:${utcStamp(startMs)}`)
        .replace(/^DTEND;TZID=[^:\r\n]+:\d{8}T\d{6}$/m, `DTEND:${utcStamp(endMs)}`);
    }
    if (e.recurrenceId) {
      part = part.replace(
        /^RECURRENCE-ID;TZID=[^:\r\n]+:\d{8}T\d{6}$/m,
        `RECURRENCE-ID;TZID=${e.timeZone}:${localStamp(e.recurrenceId.localDate, e.recurrenceId.localTime)}`,
      );
    }
    const exdates = e.recurrence?.exdates ?? [];
    if (exdates.length) {
      const line = fold(
        `EXDATE;TZID=${e.timeZone}:${exdates.map((d) => localStamp(d, e.localTime)).join(',')}`,
      );
      // ical-generator writes one EXDATE line (folded); it is replaced whole.
      part = part.replace(/^EXDATE;[^\r\n]*(?:\r\n [^\r\n]*)*$/m, () => line);
    }
    parts[i + 1] = part;
  });
  return parts.join('BEGIN:VEVENT\r\n');
}
