/**
 * The check-in that opens each 1:1 (seed 000: wellbeing, strain and performance). Three 1–5
 * answers. For wellbeing and progress 5 is best; for workload 1 is very light and 5 far too
 * heavy, so "up" is good news for two of them and a warning for the third.
 */
export const CHECK_IN_MEASURES = ['wellbeing', 'workload', 'progress'] as const;
export type CheckInMeasure = (typeof CHECK_IN_MEASURES)[number];
export type CheckInScores = Record<CheckInMeasure, number>;

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

/** Which way a measure moved between two check-ins. */
export type Direction = 'up' | 'down' | 'flat';

/** The direction from `previous` to `latest`; null when there is nothing to compare with. */
export function directionOf(previous: number | null | undefined, latest: number): Direction | null {
  if (previous === null || previous === undefined) return null;
  if (latest > previous) return 'up';
  if (latest < previous) return 'down';
  return 'flat';
}

/** Whether a move in `direction` is good news for `measure` (for colour and wording only). */
export function isImprovement(measure: CheckInMeasure, direction: Direction): boolean | null {
  if (direction === 'flat') return null;
  return measure === 'workload' ? direction === 'down' : direction === 'up';
}

/** Directions of all three measures from the previous check-in to the latest. */
export function directions(
  previous: CheckInScores | null,
  latest: CheckInScores,
): Record<CheckInMeasure, Direction | null> {
  return {
    wellbeing: directionOf(previous?.wellbeing, latest.wellbeing),
    workload: directionOf(previous?.workload, latest.workload),
    progress: directionOf(previous?.progress, latest.progress),
  };
}

/** Days after a meeting during which the employee may still correct its check-in. */
export const CORRECT_CHECK_IN_DAYS = 14;

/**
 * Who may write a meeting's check-in now (decision 020). It is the employee's: they answer
 * before or in the meeting, and may correct it for CORRECT_CHECK_IN_DAYS after it was held
 * (when the manager recorded it for them, say). The manager only records answers while the two
 * fill it in together in the meeting (started, not finished), and says so (`together`); the
 * check-in then shows as recorded by the manager until the employee corrects it.
 */
export function checkInWriteRule(
  role: 'manager' | 'employee',
  meeting: { status: string; startedAt: Date | null; heldAt: Date | null },
  now: Date,
): 'answer' | 'together' | 'correct' | null {
  const open = isCheckInOpen(meeting.status);
  if (role === 'employee') {
    if (open) return 'answer';
    if (
      meeting.status === 'held' &&
      meeting.heldAt &&
      now.getTime() - meeting.heldAt.getTime() <= CORRECT_CHECK_IN_DAYS * 86_400_000
    )
      return 'correct';
    return null;
  }
  return open && meeting.startedAt ? 'together' : null;
}

/** A check-in may be answered and changed until its meeting is finished (or cancelled). */
export function isCheckInOpen(meetingStatus: string): boolean {
  return meetingStatus === 'planned' || meetingStatus === 'moved';
}
