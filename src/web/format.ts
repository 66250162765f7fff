/**
 * Dates, times, durations and numbers with Intl, in the person's language and time zone: the one
 * module of the web app that formats them (issue #17; lint keeps Intl.DateTimeFormat here). Pure
 * functions; useFormat (session.ts) and useMeetingFormat (meetings/hooks.ts) bind them to the
 * signed-in person.
 */

import { intlLocale } from '../i18n/index';

export { intlLocale };

/** A formatter bound to a language and a time zone. */
export function formatter(lng: string, timeZone: string | undefined) {
  const locale = intlLocale(lng);
  const tz = timeZone ? { timeZone } : {};
  const dateTimeFmt = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...tz,
  });
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...tz });
  const numberFmt = new Intl.NumberFormat(locale);
  // A calendar day (a due date, "2027-03-01") is the same day in every zone.
  const dayFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    dateTime: (iso: string | Date) => dateTimeFmt.format(new Date(iso)),
    date: (iso: string | Date) => dateFmt.format(new Date(iso)),
    /** A calendar day given as YYYY-MM-DD, never shifted by a time zone. */
    day: (ymd: string) => dayFmt.format(new Date(`${ymd.slice(0, 10)}T12:00:00Z`)),
    number: (n: number) => numberFmt.format(n),
  };
}

export type Formatter = ReturnType<typeof formatter>;

/** The UTC offset of a zone right now, like "UTC+01:00", to show beside its name. */
export function zoneOffset(timeZone: string, at = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    const v = part?.value ?? 'GMT';
    return v === 'GMT' ? 'UTC' : v.replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

const DAY = 86_400_000;

/** The calendar date ("2026-03-29") of an instant in a time zone. */
export function dateIn(at: string | Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));
}

/** Whole days from `from` to `to` (ISO dates). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** The ISO date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The ISO weekday (1 = Monday) of an ISO date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The first working day (Monday–Friday) after `date`. */
export function nextWorkingDay(date: string): string {
  let d = addDays(date, 1);
  while (isoWeekday(d) > 5) d = addDays(d, 1);
  return d;
}

/** "in 3 days", "tomorrow", "2 weeks ago": a calendar-day distance in words. */
export function relativeDays(days: number, lng: string): string {
  const rtf = new Intl.RelativeTimeFormat(intlLocale(lng), { numeric: 'auto' });
  const abs = Math.abs(days);
  if (abs <= 13) return rtf.format(days, 'day');
  if (abs <= 62) return rtf.format(Math.round(days / 7), 'week');
  return rtf.format(Math.round(days / 30.4), 'month');
}

/** Minutes and seconds (or hours, minutes, seconds) of a running clock: "07:05", "1:02:09". */
export function clock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${two(m)}:${two(sec)}`;
}

/** The long name of an ISO weekday (1 = Monday) in a language: "tisdag", "Tuesday". */
export function weekdayName(weekday: number, lng: string): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(intlLocale(lng), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

/** A wall-clock time ("09:30") the way the language writes it ("09.30" in Danish). */
export function clockTime(hhmm: string, lng: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  if (!Number.isInteger(h) || !Number.isInteger(m)) return hhmm;
  return new Intl.DateTimeFormat(intlLocale(lng), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2000, 0, 1, h, m)));
}

/** Formatters for 1:1 pages, bound to a language and a time zone. */
export function meetingFormatter(
  lng: string,
  timeZone: string,
  now: () => Date = () => new Date(),
) {
  const locale = intlLocale(lng);
  const inZone = (tz: string) => ({ timeZone: tz });
  const long = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...inZone(timeZone),
  });
  const short = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...inZone(timeZone),
  });
  const medium = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...inZone(timeZone),
  });
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    ...inZone(timeZone),
  });
  const plainLong = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const plainShort = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const plain = (date: string) => new Date(`${date}T12:00:00Z`);
  const today = () => dateIn(now(), timeZone);
  return {
    timeZone,
    today,
    /** "lördag 5 december 2026" for an instant, in the person's zone. */
    longDate: (at: string) => long.format(new Date(at)),
    /** "lör 5 dec." */
    shortDate: (at: string) => short.format(new Date(at)),
    /** A wall-clock time in this language: "09:30", "09.30". */
    clock: (hhmm: string) => clockTime(hhmm, lng),
    /** "5 december 2026" */
    date: (at: string) => medium.format(new Date(at)),
    /** "09:00" */
    time: (at: string) => time.format(new Date(at)),
    /** A plain ISO date (no zone): "måndag 23 november 2026". */
    plainLong: (date: string) => plainLong.format(plain(date)),
    /** A plain ISO date, short: "23 nov. 2026". */
    plainShort: (date: string) => plainShort.format(plain(date)),
    /** Days from today (in the person's zone) to an instant's date there. */
    daysUntil: (at: string) => daysBetween(today(), dateIn(at, timeZone)),
    /** Days from today to a plain ISO date. */
    daysUntilDate: (date: string) => daysBetween(today(), date),
    /** "i morgon", "om 3 dagar", "för 2 veckor sedan" for an instant. */
    relative: (at: string) => relativeDays(daysBetween(today(), dateIn(at, timeZone)), lng),
    /** The same for a plain ISO date. */
    relativeDate: (date: string) => relativeDays(daysBetween(today(), date), lng),
    /** True when an instant falls on today's date in the person's zone. */
    isToday: (at: string) => dateIn(at, timeZone) === today(),
  };
}

/** Calendar days ("2027-03-01") in a language, never shifted by a time zone. */
export function dayFormatter(lng: string) {
  const locale = intlLocale(lng);
  const make = (options: Intl.DateTimeFormatOptions) => {
    const f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    return (ymd: string) => f.format(new Date(`${ymd.slice(0, 10)}T12:00:00Z`));
  };
  return {
    long: make({ dateStyle: 'long' }),
    medium: make({ dateStyle: 'medium' }),
    /** Day and short month ("3 Mar"), for chart labels. */
    dayMonth: make({ day: 'numeric', month: 'short' }),
  };
}

/**
 * A wall time as a calendar file writes it (the Date's UTC fields are the wall clock), with the
 * weekday: "tis 6 jan. 2026 09:00", or the long date alone.
 */
export function wallTime(wall: Date, lng: string, withTime: boolean): string {
  return new Intl.DateTimeFormat(intlLocale(lng), {
    weekday: 'short',
    dateStyle: withTime ? undefined : 'long',
    ...(withTime
      ? { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }
      : {}),
    timeZone: 'UTC',
  }).format(wall);
}
