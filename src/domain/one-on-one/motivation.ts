/**
 * Motivation in the 1:1 (issue #15, seed 002): the employee scores it 1 (low) to 5 (high) each
 * meeting, and the pair follows it as a small trend across the series. It is the pair's own:
 * not in the check-in, so it never reaches HR statistics.
 */
import { checkInWriteRule } from '../wellbeing/check-in';

export const MOTIVATION_MIN = 1;
export const MOTIVATION_MAX = 5;
/** How many of the series' latest meetings the trend shows. */
export const MOTIVATION_TREND_LENGTH = 8;

/**
 * Whether `role` may set the meeting's motivation now: the employee only, while the meeting is
 * open or for a while after it was held (the same window as correcting a check-in).
 */
export function mayScoreMotivation(
  role: 'manager' | 'employee' | null,
  meeting: { status: string; startedAt: Date | null; heldAt: Date | null },
  now: Date,
): boolean {
  return role === 'employee' && checkInWriteRule('employee', meeting, now) !== null;
}

export type MotivationPoint = { meetingId: string; startsAt: string; score: number };

/**
 * The trend: the latest scores oldest first (at most MOTIVATION_TREND_LENGTH), and whether the
 * latest moved up, down or not from the one before (null with fewer than two).
 */
export function motivationTrend(points: MotivationPoint[]): {
  points: MotivationPoint[];
  direction: 'up' | 'down' | 'flat' | null;
} {
  const sorted = [...points]
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(-MOTIVATION_TREND_LENGTH);
  const [prev, last] = sorted.slice(-2);
  const direction =
    sorted.length < 2
      ? null
      : last!.score > prev!.score
        ? 'up'
        : last!.score < prev!.score
          ? 'down'
          : 'flat';
  return { points: sorted, direction };
}
