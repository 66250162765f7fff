import { describe, expect, it } from 'vitest';
import { salaryBlocksStart, salaryHeld, salaryOrder } from './salary-first';

const salary = (status: 'not_booked' | 'booked' | 'held' | 'closed' | 'signed') => status;

describe('the salary conversation first (seed 004)', () => {
  it('counts a salary conversation as held once it took place', () => {
    expect(salaryHeld('not_booked')).toBe(false);
    expect(salaryHeld('booked')).toBe(false);
    expect(salaryHeld('held')).toBe(true);
    expect(salaryHeld('closed')).toBe(true);
    expect(salaryHeld('signed')).toBe(true);
  });

  it('blocks starting only where the round requires it and the salary one is not held', () => {
    expect(salaryBlocksStart(salaryOrder('development', 'require', salary('booked')))).toBe(true);
    expect(salaryBlocksStart(salaryOrder('development', 'require', salary('held')))).toBe(false);
    expect(salaryBlocksStart(salaryOrder('development', 'warn', salary('booked')))).toBe(false);
  });

  it('sets no order without a rule, without a salary conversation, or for other kinds', () => {
    expect(salaryOrder('development', null, salary('booked'))).toBeNull();
    expect(salaryOrder('development', 'require', null)).toBeNull();
    expect(salaryOrder('wellbeing', 'require', salary('booked'))).toBeNull();
    expect(salaryOrder('development', 'warn', salary('booked'))).toEqual({
      rule: 'warn',
      held: false,
    });
  });
});
