import { describe, expect, it } from 'vitest';
import {
  checkInWriteRule,
  CORRECT_CHECK_IN_DAYS,
  directionOf,
  directions,
  isCheckInOpen,
  isImprovement,
} from './check-in';

describe('check-in directions', () => {
  it('compares with the previous answer', () => {
    expect(directionOf(null, 3)).toBeNull();
    expect(directionOf(2, 3)).toBe('up');
    expect(directionOf(4, 3)).toBe('down');
    expect(directionOf(3, 3)).toBe('flat');
    expect(
      directions(
        { wellbeing: 3, workload: 4, progress: 2 },
        { wellbeing: 4, workload: 4, progress: 1 },
      ),
    ).toEqual({ wellbeing: 'up', workload: 'flat', progress: 'down' });
  });
  it('reads a lighter workload as good news and a heavier one as a warning', () => {
    expect(isImprovement('workload', 'down')).toBe(true);
    expect(isImprovement('wellbeing', 'down')).toBe(false);
    expect(isImprovement('progress', 'flat')).toBeNull();
  });
  it('stays open until the meeting is finished or cancelled', () => {
    expect(isCheckInOpen('planned')).toBe(true);
    expect(isCheckInOpen('moved')).toBe(true);
    expect(isCheckInOpen('held')).toBe(false);
    expect(isCheckInOpen('cancelled')).toBe(false);
  });
});

describe('who writes a check-in when', () => {
  const DAY = 86_400_000;
  const heldAt = new Date('2026-03-02T09:00:00Z');
  const held = { status: 'held', startedAt: heldAt, heldAt };
  const after = (ms: number) => new Date(heldAt.getTime() + ms);

  it('lets the employee correct it for 14 days after the meeting was held, and not a moment more', () => {
    expect(CORRECT_CHECK_IN_DAYS).toBe(14);
    expect(checkInWriteRule('employee', held, after(14 * DAY))).toBe('correct');
    expect(checkInWriteRule('employee', held, after(14 * DAY + 1))).toBeNull();
    expect(checkInWriteRule('manager', held, after(DAY))).toBeNull();
  });

  it('lets the manager record it only together, in a started meeting', () => {
    const now = new Date('2026-03-02T08:00:00Z');
    const planned = { status: 'planned', startedAt: null, heldAt: null };
    expect(checkInWriteRule('employee', planned, now)).toBe('answer');
    expect(checkInWriteRule('manager', planned, now)).toBeNull();
    expect(checkInWriteRule('manager', { ...planned, startedAt: now }, now)).toBe('together');
    expect(checkInWriteRule('employee', { ...planned, status: 'cancelled' }, now)).toBeNull();
  });
});
