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

/** A check-in may be answered and changed until its meeting is finished (or cancelled). */
export function isCheckInOpen(meetingStatus: string): boolean {
  return meetingStatus === 'planned' || meetingStatus === 'moved';
}
