import { Temporal } from 'temporal-polyfill';
import type { MeetingStatus } from './actions';

/**
 * A meeting's life on the server (decision 020): planned → in progress → held, or cancelled.
 * The stored status keeps its four values (planned, moved, cancelled, held) so every query
 * about upcoming meetings stays as it is; "in progress" is a planned or moved meeting with a
 * start time. These functions are the only place that decides a transition.
 */
export type MeetingPhase = 'planned' | 'in_progress' | 'held' | 'cancelled';

export type MeetingState = {
  status: MeetingStatus;
  startsAt: Date;
  timeZone: string;
  startedAt: Date | null;
  /** When it was finished (the column keeps its old name, held_at). */
  heldAt: Date | null;
};

/** How long after finishing the manager may take it back, if the employee has not read it. */
export const UNDO_FINISH_MS = 15 * 60_000;

export function phaseOf(m: Pick<MeetingState, 'status' | 'startedAt'>): MeetingPhase {
  if (m.status === 'cancelled') return 'cancelled';
  if (m.status === 'held') return 'held';
  return m.startedAt ? 'in_progress' : 'planned';
}

type Refusal =
  | 'oneOnOne.meeting_cancelled'
  | 'oneOnOne.meeting_held'
  | 'oneOnOne.not_held'
  | 'oneOnOne.finish_not_undoable';

type Result<T> = { ok: true; value: T } | { ok: false; reason: Refusal };

/**
 * Starting: either of the pair, from planned. Starting again returns the first start, so the
 * clock on every device counts from one instant.
 */
export function startMeeting(
  m: MeetingState,
  now: Date,
): Result<{ startedAt: Date; changed: boolean }> {
  const phase = phaseOf(m);
  if (phase === 'cancelled') return { ok: false, reason: 'oneOnOne.meeting_cancelled' };
  if (phase === 'held') return { ok: false, reason: 'oneOnOne.meeting_held' };
  if (m.startedAt) return { ok: true, value: { startedAt: m.startedAt, changed: false } };
  return { ok: true, value: { startedAt: now, changed: true } };
}

/** Finishing: from planned or in progress; the meeting is held, ended now, on its real day. */
export function finishMeeting(
  m: MeetingState,
  now: Date,
): Result<{ heldAt: Date; heldOn: string; changed: boolean }> {
  const phase = phaseOf(m);
  if (phase === 'cancelled') return { ok: false, reason: 'oneOnOne.meeting_cancelled' };
  if (phase === 'held') {
    const heldAt = m.heldAt ?? now;
    return { ok: true, value: { heldAt, heldOn: heldDate({ ...m, heldAt }), changed: false } };
  }
  return {
    ok: true,
    value: { heldAt: now, heldOn: heldDate({ ...m, heldAt: now }), changed: true },
  };
}

/**
 * Taking a finish back is safe only while nothing has been relied on: within UNDO_FINISH_MS of
 * finishing and before the employee acknowledged the minutes. The meeting goes back to in
 * progress (its start time stays), the minutes are withdrawn.
 */
export function undoFinish(
  m: MeetingState,
  opts: { acknowledged: boolean },
  now: Date,
): Result<{ status: 'planned' }> {
  if (phaseOf(m) !== 'held') return { ok: false, reason: 'oneOnOne.not_held' };
  if (opts.acknowledged || !m.heldAt || now.getTime() - m.heldAt.getTime() > UNDO_FINISH_MS)
    return { ok: false, reason: 'oneOnOne.finish_not_undoable' };
  return { ok: true, value: { status: 'planned' } };
}

/**
 * The local date (in the meeting's zone) on which a held meeting actually took place:
 * - started with "start": the day it was started;
 * - finished without a start, before its planned time: the day it was finished (held early);
 * - finished without a start, at or after its planned time: the planned day (the minutes were
 *   written up afterwards; the meeting took place as booked).
 */
export function heldDate(m: Pick<MeetingState, 'startsAt' | 'timeZone' | 'startedAt' | 'heldAt'>) {
  const at = m.startedAt ?? (m.heldAt && m.heldAt < m.startsAt ? m.heldAt : m.startsAt);
  return localDateOf(at, m.timeZone);
}

/**
 * Starting before the booked day (in the meeting's zone) is holding the meeting early: for a
 * development or salary conversation it reveals both preparations and closes them, so the
 * manager must confirm it (the server refuses without that confirmation).
 */
export function startsEarly(m: Pick<MeetingState, 'startsAt' | 'timeZone'>, now: Date): boolean {
  return localDateOf(now, m.timeZone) < localDateOf(m.startsAt, m.timeZone);
}

export function localDateOf(at: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/**
 * The meeting that comes after a held one in its series: the first still-open meeting after
 * its *planned* time. Using the day it was actually held would skip a meeting when one is held
 * late (after the next slot), and pick itself or an earlier one when held early.
 */
export function nextAfterHeld<T extends { id: string; startsAt: Date; status: MeetingStatus }>(
  held: { id: string; startsAt: Date },
  series: readonly T[],
): T | undefined {
  return [...series]
    .filter(
      (m) =>
        m.id !== held.id &&
        (m.status === 'planned' || m.status === 'moved') &&
        m.startsAt.getTime() > held.startsAt.getTime(),
    )
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
}

/** Seconds the meeting has run at `now`, from the server's start time (0 before it starts). */
export function elapsedSeconds(startedAt: Date | null, now: Date, heldAt: Date | null = null) {
  if (!startedAt) return 0;
  const end = heldAt ?? now;
  return Math.max(0, Math.floor((end.getTime() - startedAt.getTime()) / 1000));
}
