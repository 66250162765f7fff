import { describe, expect, it } from 'vitest';
import { showWorkloadPrompt, workloadHighOverTime } from './workload';

describe('workload high over time', () => {
  it('is high when the latest two check-ins both answered 4 or 5', () => {
    expect(workloadHighOverTime([4, 5])).toBe(true);
    expect(workloadHighOverTime([5, 4, 1])).toBe(true);
    expect(workloadHighOverTime([4, 3])).toBe(false);
    expect(workloadHighOverTime([3, 5, 5])).toBe(false);
  });

  it('says nothing from a single check-in', () => {
    expect(workloadHighOverTime([5])).toBe(false);
    expect(workloadHighOverTime([])).toBe(false);
  });
});

describe('the workload prompt', () => {
  const high = { workloads: [5, 4], actionFromPrompt: false, dismissed: false };

  it('shows on a meeting still to be held while the workload has been high', () => {
    expect(showWorkloadPrompt({ ...high, meetingStatus: 'planned' })).toBe(true);
    expect(showWorkloadPrompt({ ...high, meetingStatus: 'moved' })).toBe(true);
    expect(showWorkloadPrompt({ ...high, meetingStatus: 'held' })).toBe(false);
    expect(showWorkloadPrompt({ ...high, meetingStatus: 'cancelled' })).toBe(false);
  });

  it('goes away once an action was agreed from it or the pair set it aside', () => {
    expect(showWorkloadPrompt({ ...high, meetingStatus: 'planned', actionFromPrompt: true })).toBe(
      false,
    );
    expect(showWorkloadPrompt({ ...high, meetingStatus: 'planned', dismissed: true })).toBe(false);
  });
});
