import { describe, expect, it } from 'vitest';
import { GoalInputSchema, isLastPeriodGoal, isOpenGoal, isReordering, stepProgress } from './goals';
import { maySeeSalaryOutcome } from './salary';

describe('last period goals', () => {
  const now = 'c2';
  it('shows open goals of earlier conversations and those judged in this one', () => {
    expect(
      isLastPeriodGoal({ conversationId: 'c1', outcome: null, outcomeConversationId: null }, now),
    ).toBe(true);
    expect(
      isLastPeriodGoal(
        { conversationId: 'c1', outcome: 'achieved', outcomeConversationId: now },
        now,
      ),
    ).toBe(true);
    expect(
      isLastPeriodGoal(
        { conversationId: 'c0', outcome: 'dropped', outcomeConversationId: 'c1' },
        now,
      ),
    ).toBe(false);
    expect(
      isLastPeriodGoal({ conversationId: now, outcome: null, outcomeConversationId: null }, now),
    ).toBe(false);
  });
  it('keeps a goal open until judged', () => {
    expect(isOpenGoal({ outcome: null })).toBe(true);
    expect(isOpenGoal({ outcome: 'partly' })).toBe(false);
  });
  it('fills defaults and names a missing title', () => {
    expect(GoalInputSchema.parse({ title: ' Mål ' })).toMatchObject({
      title: 'Mål',
      dueDate: null,
    });
    expect(GoalInputSchema.safeParse({ title: '' }).error?.issues[0]?.path).toEqual(['title']);
  });
});

describe('salary outcome visibility', () => {
  const pair = { managerId: 'm', employeeId: 'e' };
  it('is the pair and the salary role, not plain HR or admin', () => {
    expect(maySeeSalaryOutcome({ personId: 'e', roles: [] }, pair)).toBe(true);
    expect(maySeeSalaryOutcome({ personId: 'm', roles: [] }, pair)).toBe(true);
    expect(maySeeSalaryOutcome({ personId: 'h', roles: ['hr', 'admin'] }, pair)).toBe(false);
    expect(maySeeSalaryOutcome({ personId: 'h', roles: ['hr', 'salary'] }, pair)).toBe(true);
  });
});

describe('goal steps', () => {
  it('counts progress as steps done of all steps', () => {
    expect(stepProgress([])).toEqual({ done: 0, total: 0 });
    expect(stepProgress([{ done: true }, { done: false }, { done: true }])).toEqual({
      done: 2,
      total: 3,
    });
  });

  it('accepts a new order only when it names every step exactly once', () => {
    expect(isReordering(['a', 'b', 'c'], ['c', 'a', 'b'])).toBe(true);
    expect(isReordering(['a', 'b', 'c'], ['a', 'b'])).toBe(false);
    expect(isReordering(['a', 'b'], ['a', 'a'])).toBe(false);
    expect(isReordering(['a', 'b'], ['a', 'x'])).toBe(false);
  });
});
