import { describe, expect, it } from 'vitest';
import { taskReviewsHighOverTime, workloadHighOverTime, workloadPrompt } from './workload';

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

describe('task reviews saying the workload is high', () => {
  it('is high when the latest two reviews each put half the time or more in tasks of demand 4–5', () => {
    expect(taskReviewsHighOverTime([50, 60])).toBe(true);
    expect(taskReviewsHighOverTime([80, 55, 0])).toBe(true);
    expect(taskReviewsHighOverTime([49, 90])).toBe(false);
    expect(taskReviewsHighOverTime([90, 40])).toBe(false);
  });

  it('says nothing from a single review', () => {
    expect(taskReviewsHighOverTime([100])).toBe(false);
    expect(taskReviewsHighOverTime([])).toBe(false);
  });
});

describe('the workload prompt', () => {
  const high = {
    workloads: [5, 4],
    demandingShares: [],
    actionFromPrompt: false,
    dismissed: false,
  };
  const show = (over: Partial<Parameters<typeof workloadPrompt>[0]>) =>
    workloadPrompt({ ...high, meetingStatus: 'planned', ...over });

  it('shows on a meeting still to be held while the workload has been high', () => {
    expect(show({})).toEqual({ show: true, because: ['check_ins'] });
    expect(show({ meetingStatus: 'moved' }).show).toBe(true);
    expect(show({ meetingStatus: 'held' })).toEqual({ show: false, because: [] });
    expect(show({ meetingStatus: 'cancelled' }).show).toBe(false);
  });

  it('says whether the check-ins, the task reviews or both made it high', () => {
    expect(show({ workloads: [3, 5], demandingShares: [70, 60] })).toEqual({
      show: true,
      because: ['task_reviews'],
    });
    expect(show({ demandingShares: [70, 60] }).because).toEqual(['check_ins', 'task_reviews']);
    expect(show({ workloads: [3, 5], demandingShares: [70, 20] }).show).toBe(false);
  });

  it('goes away once an action was agreed from it or the pair set it aside', () => {
    expect(show({ actionFromPrompt: true }).show).toBe(false);
    expect(show({ dismissed: true }).show).toBe(false);
  });
});
