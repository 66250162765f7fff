import { Temporal } from 'temporal-polyfill';
import { datesBetween, type DateRule } from './cadence';

/** Meetings are planned at least this far ahead; the horizon rolls forward by itself. */
const HORIZON_MONTHS = 6;
/** When extending, go this much further, so reads do not write every day. */
export const HORIZON_SLACK_DAYS = 28;

/** A series' full recurrence: dates, clock time and zone, length. */
export type Recurrence = DateRule & {
  /** "HH:MM", local to `timeZone`. */
  localTime: string;
  timeZone: string;
  durationMinutes: number;
};

/** One planned meeting: the local date it belongs to and its instants (UTC). */
export type Slot = { localDate: string; startsAt: Date; endsAt: Date };

/** Today's date in a zone. */
export function todayIn(timeZone: string, now: Date): string {
  return localIso(now.getTime(), timeZone).slice(0, 10);
}

/**
 * A zone's UTC offset is constant between two of its transitions: each zone keeps the spans
 * it has met (from Temporal, exact to the transition instant), so turning an instant into
 * local time is a lookup and arithmetic instead of building Temporal objects (these ran for
 * every meeting and action on every page; decision 021). At most SPANS_PER_ZONE a zone.
 */
type OffsetSpan = { from: number; to: number; offsetMs: number };
const spansByZone = new Map<string, OffsetSpan[]>();
const SPANS_PER_ZONE = 64;

function offsetMsAt(ms: number, timeZone: string): number {
  let spans = spansByZone.get(timeZone);
  if (spans) for (const s of spans) if (ms >= s.from && ms < s.to) return s.offsetMs;
  const zdt = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
  const offsetNs = zdt.offsetNanoseconds;
  const prev = zdt.getTimeZoneTransition('previous');
  const next = zdt.getTimeZoneTransition('next');
  // The previous transition starts this span unless `ms` is itself a transition instant.
  const from = !prev
    ? -Infinity
    : prev.offsetNanoseconds === offsetNs
      ? prev.epochMilliseconds
      : ms;
  const span = { from, to: next ? next.epochMilliseconds : Infinity, offsetMs: offsetNs / 1e6 };
  if (!spans) spansByZone.set(timeZone, (spans = []));
  if (spans.length >= SPANS_PER_ZONE) spans.shift();
  spans.push(span);
  return span.offsetMs;
}

/** "YYYY-MM-DDTHH:MM:SS.sssZ" of the local wall-clock time (the Z is meaningless here). */
function localIso(ms: number, timeZone: string): string {
  return new Date(ms + offsetMsAt(ms, timeZone)).toISOString();
}

/** True when the wall-clock time exists on that date in that zone (not inside a DST gap). */
export function localTimeExists(date: string, time: string, timeZone: string): boolean {
  const pdt = Temporal.PlainDate.from(date).toPlainDateTime(Temporal.PlainTime.from(time));
  const zdt = pdt.toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return zdt.toPlainDateTime().equals(pdt);
}

/**
 * The instant of a local date and time. Inside a DST gap the time moves forward by the gap's
 * length (RFC 5545: 02:30 on the spring-forward night becomes 03:30); in the repeated hour
 * of autumn the first one is used.
 */
export function toInstant(date: string, time: string, timeZone: string): Date {
  const zdt = Temporal.PlainDate.from(date)
    .toPlainDateTime(Temporal.PlainTime.from(time))
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return new Date(zdt.epochMilliseconds);
}

/** The slot of one date under a recurrence. */
function slotOn(rec: Recurrence, localDate: string): Slot {
  const startsAt = toInstant(localDate, rec.localTime, rec.timeZone);
  return {
    localDate,
    startsAt,
    endsAt: new Date(startsAt.getTime() + rec.durationMinutes * 60_000),
  };
}

/** Every slot of a recurrence within [from, until] (ISO dates, inclusive). */
export function slotsBetween(rec: Recurrence, from: string, until: string): Slot[] {
  return datesBetween(rec, from, until).map((d) => slotOn(rec, d));
}

/** The date up to which occurrences should exist, seen from `today`. */
export function horizonFor(today: string): string {
  return Temporal.PlainDate.from(today).add({ months: HORIZON_MONTHS }).toString();
}

/**
 * Whether a series planned up to `horizonUntil` must be extended, and to which date.
 * Extends with some slack so that a daily read does not write every day.
 */
export function horizonExtension(horizonUntil: string, today: string): string | null {
  const wanted = Temporal.PlainDate.from(horizonFor(today));
  if (Temporal.PlainDate.compare(Temporal.PlainDate.from(horizonUntil), wanted) >= 0) return null;
  return wanted.add({ days: HORIZON_SLACK_DAYS }).toString();
}

/** The day after an ISO date. */
export function nextDay(date: string): string {
  return Temporal.PlainDate.from(date).add({ days: 1 }).toString();
}

/** Local date and "HH:MM" of an instant in a zone. */
export function localParts(at: Date, timeZone: string): { date: string; time: string } {
  const iso = localIso(at.getTime(), timeZone);
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/**
 * How to apply an edited recurrence to the future: the still-planned future meetings take the
 * new slots in order (so topics already added ahead stay with "the next meeting"), extra
 * slots become new meetings and extra old meetings go away. Past, moved, cancelled and held
 * meetings are never in `future`, so history is untouched.
 */
export function planRecurrenceChange<T extends { id: string }>(
  future: readonly T[],
  slots: readonly Slot[],
): { reuse: { meeting: T; slot: Slot }[]; add: Slot[]; drop: T[] } {
  const n = Math.min(future.length, slots.length);
  return {
    reuse: future.slice(0, n).map((meeting, i) => ({ meeting, slot: slots[i]! })),
    add: slots.slice(n),
    drop: future.slice(n),
  };
}
