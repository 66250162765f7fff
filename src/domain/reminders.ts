import { Temporal } from 'temporal-polyfill';

/** Quiet hours as local "HH:MM"; the window may wrap midnight (20:00–07:00). */
export type QuietHours = { start: string; end: string };

const minutesOf = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** True when `local` (minutes after midnight) falls inside the quiet window. */
function isQuiet(localMinutes: number, q: QuietHours): boolean {
  const s = minutesOf(q.start);
  const e = minutesOf(q.end);
  if (s === e) return false;
  return s < e ? localMinutes >= s && localMinutes < e : localMinutes >= s || localMinutes < e;
}

/**
 * The earliest instant at or after `due` that is outside the recipient's quiet hours, in their
 * time zone. A reminder due at 22:10 in Oslo with quiet hours 20:00–07:00 goes at 07:00.
 */
export function outsideQuietHours(due: Date, timeZone: string, q: QuietHours): Date {
  const zdt = Temporal.Instant.fromEpochMilliseconds(due.getTime()).toZonedDateTimeISO(timeZone);
  const local = zdt.hour * 60 + zdt.minute;
  if (!isQuiet(local, q)) return due;
  const [eh = 0, em = 0] = q.end.split(':').map(Number);
  let end = zdt.with({ hour: eh, minute: em, second: 0, millisecond: 0 });
  if (Temporal.ZonedDateTime.compare(end, zdt) <= 0) end = end.add({ days: 1 });
  return new Date(end.epochMilliseconds);
}

/** The same wall-clock time `days` days before `at`, in `timeZone` (DST-safe). */
export function daysBefore(at: Date, days: number, timeZone: string): Date {
  const zdt = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  return new Date(zdt.subtract({ days }).epochMilliseconds);
}

/** Monday 08:00 local of the week containing `now`: when that week's digest is due. */
export function weeklyDigestTime(now: Date, timeZone: string): Date {
  const zdt = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
  const monday = zdt
    .toPlainDate()
    .subtract({ days: zdt.dayOfWeek - 1 })
    .toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from('08:00') });
  return new Date(monday.epochMilliseconds);
}

/** The ISO week ("2026-W47") of an instant in a zone: the dedupe key of a weekly digest. */
export function isoWeekOf(at: Date, timeZone: string): string {
  const d = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  return `${d.yearOfWeek}-W${String(d.weekOfYear).padStart(2, '0')}`;
}
