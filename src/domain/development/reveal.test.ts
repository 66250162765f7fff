import { describe, expect, it } from 'vitest';
import { isRevealed, mayPrepare, meetingStarted, visiblePreparations } from './reveal';

const at = new Date('2027-03-01T09:00:00Z');
const state = (
  status: Parameters<typeof isRevealed>[0]['status'],
  employee: boolean,
  manager: boolean,
) => ({
  status,
  employeeSubmittedAt: employee ? at : null,
  managerSubmittedAt: manager ? at : null,
});

describe('the reveal rule', () => {
  it('keeps answers hidden while only one or neither has submitted', () => {
    expect(isRevealed(state('booked', false, false))).toBe(false);
    expect(isRevealed(state('booked', true, false))).toBe(false);
    expect(isRevealed(state('not_booked', false, true))).toBe(false);
  });

  it('reveals once both have submitted', () => {
    expect(isRevealed(state('booked', true, true))).toBe(true);
    expect(isRevealed(state('not_booked', true, true))).toBe(true);
  });

  it('reveals when the meeting has started, even with nothing submitted', () => {
    for (const s of ['held', 'closed', 'signed'] as const) {
      expect(isRevealed(state(s, false, false))).toBe(true);
      expect(meetingStarted(s)).toBe(true);
    }
    expect(meetingStarted('booked')).toBe(false);
  });
});

describe('what each of the two sees', () => {
  it('always their own, never the other before the reveal', () => {
    expect(visiblePreparations('employee', state('booked', true, false))).toEqual({
      own: true,
      other: false,
    });
    expect(visiblePreparations('manager', state('booked', true, false))).toEqual({
      own: true,
      other: false,
    });
  });

  it("the other's submitted answers after the reveal", () => {
    expect(visiblePreparations('employee', state('booked', true, true)).other).toBe(true);
    expect(visiblePreparations('manager', state('held', true, false)).other).toBe(true);
  });

  it('never a draft, even once the meeting has started', () => {
    expect(visiblePreparations('employee', state('held', true, false)).other).toBe(false);
    expect(visiblePreparations('manager', state('signed', false, true)).other).toBe(false);
  });
});

describe('preparing', () => {
  it('is open until the meeting starts', () => {
    expect(mayPrepare('not_booked')).toBe(true);
    expect(mayPrepare('booked')).toBe(true);
    expect(mayPrepare('held')).toBe(false);
    expect(mayPrepare('closed')).toBe(false);
    expect(mayPrepare('signed')).toBe(false);
  });
});
