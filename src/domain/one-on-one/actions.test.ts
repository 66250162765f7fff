import { describe, expect, it } from 'vitest';
import { canCarryOver, inFollowUp, isOverdue, isPairMember, nextMeetingAfter } from './actions';

describe('actions', () => {
  it('accepts only the two people of the pair as owners', () => {
    const pair = { managerId: 'm', employeeId: 'e' };
    expect(isPairMember('m', pair)).toBe(true);
    expect(isPairMember('e', pair)).toBe(true);
    expect(isPairMember('x', pair)).toBe(false);
  });

  it("is overdue from the day after the due date in the owner's zone", () => {
    // 23:30 UTC on 1 Feb is already 2 Feb in Helsinki but still 1 Feb in Reykjavik.
    const now = new Date('2026-02-01T23:30:00Z');
    const a = { dueDate: '2026-02-01', doneAt: null };
    expect(isOverdue(a, 'Europe/Helsinki', now)).toBe(true);
    expect(isOverdue(a, 'Atlantic/Reykjavik', now)).toBe(false);
    expect(isOverdue({ dueDate: '2026-01-01', doneAt: new Date() }, 'Europe/Oslo', now)).toBe(
      false,
    );
    expect(isOverdue({ dueDate: null, doneAt: null }, 'Europe/Oslo', now)).toBe(false);
  });

  it('follows an action up in every later meeting until it was done', () => {
    const origin = new Date('2026-01-05T08:00:00Z');
    const later = new Date('2026-01-19T08:00:00Z');
    expect(inFollowUp({ originStartsAt: origin, doneAt: null }, origin)).toBe(false);
    expect(inFollowUp({ originStartsAt: origin, doneAt: null }, later)).toBe(true);
    expect(
      inFollowUp({ originStartsAt: origin, doneAt: new Date('2026-01-20T00:00:00Z') }, later),
    ).toBe(true);
    expect(
      inFollowUp({ originStartsAt: origin, doneAt: new Date('2026-01-10T00:00:00Z') }, later),
    ).toBe(false);
  });

  it('carries an undiscussed topic to the next meeting that will take place', () => {
    expect(canCarryOver({ kind: 'topic', discussedAt: null, carriedToMeetingId: null })).toBe(true);
    expect(canCarryOver({ kind: 'topic', discussedAt: new Date(), carriedToMeetingId: null })).toBe(
      false,
    );
    expect(canCarryOver({ kind: 'section', discussedAt: null, carriedToMeetingId: null })).toBe(
      false,
    );
    const at = (d: string) => new Date(`${d}T08:00:00Z`);
    const next = nextMeetingAfter(
      [
        { id: '1', startsAt: at('2026-01-12'), status: 'cancelled' as const },
        { id: '2', startsAt: at('2026-01-26'), status: 'planned' as const },
        { id: '3', startsAt: at('2026-01-19'), status: 'moved' as const },
        { id: '0', startsAt: at('2026-01-01'), status: 'planned' as const },
      ],
      at('2026-01-05'),
    );
    expect(next?.id).toBe('3');
  });
});
