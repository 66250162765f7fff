import { describe, expect, it } from 'vitest';
import {
  WEEK_BUCKETS,
  addFigures,
  annualGapShown,
  emptyFigures,
  weeksSince,
  withoutRecent,
} from './figures';

describe('weeks since the last held 1:1', () => {
  it('counts a meeting exactly N weeks ago as within the last N weeks', () => {
    expect(weeksSince(0)).toBe(0);
    expect(weeksSince(7)).toBe(0);
    expect(weeksSince(8)).toBe(1);
    expect(weeksSince(42)).toBe(5);
    expect(weeksSince(43)).toBe(6);
    expect(weeksSince(null)).toBe(WEEK_BUCKETS - 1);
    expect(weeksSince(10_000)).toBe(WEEK_BUCKETS - 1);
  });

  it('sums the people without a 1:1 for any number of weeks', () => {
    const f = emptyFigures();
    for (const days of [3, 10, 43, 43, null]) f.weeksSinceHeld[weeksSince(days)]!++;
    expect(withoutRecent(f.weeksSinceHeld, 1)).toBe(4);
    expect(withoutRecent(f.weeksSinceHeld, 6)).toBe(3);
    expect(withoutRecent(f.weeksSinceHeld, 7)).toBe(1);
  });

  it('adds figures together', () => {
    const a = emptyFigures();
    const b = emptyFigures();
    b.planned = 3;
    b.weeksSinceHeld[2] = 4;
    b.conversations.signed = 1;
    addFigures(a, b);
    addFigures(a, b);
    expect(a.planned).toBe(6);
    expect(a.weeksSinceHeld[2]).toBe(8);
    expect(a.conversations.signed).toBe(2);
  });
});

describe('without a development conversation in a year', () => {
  it('adds up over groups and is shown only for groups of at least five employees', () => {
    const a = emptyFigures();
    a.employees = 3;
    a.withoutAnnual = 2;
    const b = emptyFigures();
    b.employees = 2;
    b.withoutAnnual = 1;
    expect(annualGapShown(a.employees, a.withoutAnnual)).toBeNull();
    addFigures(a, b);
    expect(a.withoutAnnual).toBe(3);
    expect(annualGapShown(a.employees, a.withoutAnnual)).toBe(3);
    expect(annualGapShown(4, 0)).toBeNull();
  });
});
