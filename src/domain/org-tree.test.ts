import { describe, expect, it } from 'vitest';
import { findCycle, wouldCreateCycle } from './org-tree';

describe('findCycle', () => {
  it('finds no cycle in a tree', () => {
    const m = new Map([
      ['a', null],
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'a'],
    ]);
    expect(findCycle(m)).toBeNull();
  });
  it('finds a self-loop', () => {
    expect(findCycle(new Map([['a', 'a']]))).toEqual(['a']);
  });
  it('finds a longer loop and names its members only', () => {
    const m = new Map([
      ['root', null],
      ['x', 'root'],
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['tail', 'a'],
    ]);
    expect(new Set(findCycle(m))).toEqual(new Set(['a', 'b', 'c']));
  });
  it('treats pointers to unknown ids as roots', () => {
    expect(findCycle(new Map([['a', 'outside']]))).toBeNull();
  });
});

describe('wouldCreateCycle', () => {
  const parents: Record<string, string | null> = { ceo: null, cto: 'ceo', dev: 'cto' };
  const parentOf = (id: string) => parents[id];
  it('refuses making a manager report to their own report', () => {
    expect(wouldCreateCycle('ceo', 'dev', parentOf)).toBe(true);
  });
  it('refuses self', () => {
    expect(wouldCreateCycle('dev', 'dev', parentOf)).toBe(true);
  });
  it('allows a sideways move', () => {
    expect(wouldCreateCycle('dev', 'ceo', parentOf)).toBe(false);
    expect(wouldCreateCycle('dev', null, parentOf)).toBe(false);
  });
});
