import { describe, expect, it } from 'vitest';
import { directionOf, directions, isCheckInOpen, isImprovement } from './check-in';

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
