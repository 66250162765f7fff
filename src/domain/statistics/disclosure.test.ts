import { describe, expect, it } from 'vitest';
import { derivable, rng } from './test-support';
import { cellSizes, decidePublication, isSafe, roundAverage } from './disclosure';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

const unit = (people: number, p: number): number[] =>
  range(0, people).map((i) => (i === p ? 1 : 0));

function publishedOf(groups: { key: string; members: number[] }[], people: number) {
  const d = decidePublication(groups, people);
  return groups.filter((g) => d.get(g.key) === 'published').map((g) => g.members);
}

describe('the anonymity threshold', () => {
  it('hides a group of 4 and shows a group of 5', () => {
    const d = decidePublication(
      [
        { key: 'four', members: range(0, 4) },
        { key: 'five', members: range(4, 9) },
      ],
      9,
    );
    expect(d.get('four')).toBe('too_few');
    expect(d.get('five')).toBe('published');
  });

  it('hides an empty group', () => {
    expect(decidePublication([{ key: 'none', members: [] }], 0).get('none')).toBe('too_few');
  });
});

describe('differencing protection', () => {
  it('never publishes a group and a sub-group that differ by one person', () => {
    // A department of 6 (its manager + a team of 5) and the team alone.
    const groups = [
      { key: 'department', members: range(0, 6) },
      { key: 'team', members: range(1, 6) },
    ];
    const d = decidePublication(groups, 6);
    expect(d.get('department')).toBe('published');
    expect(d.get('team')).toBe('overlap');
    expect(derivable(publishedOf(groups, 6), 6, unit(6, 0))).toBe(false);
  });

  it('hides one of two groups that differ by two to four people, publishes both at five', () => {
    for (const extra of [1, 2, 3, 4, 5]) {
      const d = decidePublication(
        [
          { key: 'big', members: range(0, 5 + extra) },
          { key: 'small', members: range(0, 5) },
        ],
        5 + extra,
      );
      expect(d.get('small')).toBe(extra < 5 ? 'overlap' : 'published');
    }
  });

  it('stops a chain of overlaps from isolating a person (A∪B published, then A, then B)', () => {
    // all = 0..9, left = 0..4, right = 5..9, and "left + person 5" (6 people).
    const groups = [
      { key: 'all', members: range(0, 10) },
      { key: 'left', members: range(0, 5) },
      { key: 'right', members: range(5, 10) },
      { key: 'leftPlusOne', members: range(0, 6) },
    ];
    const published = publishedOf(groups, 10);
    for (let p = 0; p < 10; p++) expect(derivable(published, 10, unit(10, p))).toBe(false);
    expect(isSafe(published)).toBe(true);
  });

  it('protects crossing groups: a department (manager + organisation) and the organisation', () => {
    // Person 0 manages the unit; 1..8 are everyone below them (their organisation);
    // team = the manager's direct reports 1..5; a sub-unit holds 5..8 and its own manager 5.
    const groups = [
      { key: 'department', members: range(0, 9) },
      { key: 'organisation', members: range(1, 9) },
      { key: 'team', members: range(1, 6) },
      { key: 'subunit', members: range(5, 9) },
    ];
    const published = publishedOf(groups, 9);
    for (let p = 0; p < 9; p++) expect(derivable(published, 9, unit(9, p))).toBe(false);
  });

  it('leaves no one derivable in random organisations with crossing trees', () => {
    const r = rng(7);
    let publishedInAll = 0;
    for (let round = 0; round < 60; round++) {
      const people = 8 + r.int(0, 32);
      const groups: { key: string; members: number[] }[] = [];
      // Two random laminar families (nested intervals under two random orders) + random sets.
      for (const family of ['d', 'm']) {
        const order = range(0, people).sort(() => r.random() - 0.5);
        for (let k = 0; k < 8; k++) {
          const a = r.int(0, people - 1);
          const b = Math.min(people, a + 1 + r.int(0, people));
          groups.push({ key: `${family}${k}`, members: order.slice(a, b) });
        }
      }
      for (let k = 0; k < 3; k++)
        groups.push({ key: `x${k}`, members: range(0, people).filter(() => r.random() < 0.5) });
      const published = publishedOf(groups, people);
      publishedInAll += published.length;
      expect(isSafe(published)).toBe(true);
      for (let p = 0; p < people; p++)
        expect(derivable(published, people, unit(people, p))).toBe(false);
      // Nor any pair's difference or sum (two people's answers against each other).
      for (let p = 0; p + 1 < people; p += 3) {
        const v = unit(people, p);
        v[p + 1] = -1;
        expect(derivable(published, people, v)).toBe(false);
      }
    }
    // Not vacuous: plenty of groups were published along the way.
    expect(publishedInAll).toBeGreaterThan(100);
  });

  it('gives the same answer for the same input (deterministic)', () => {
    const groups = [
      { key: 'a', members: range(0, 12) },
      { key: 'b', members: range(0, 6) },
      { key: 'c', members: range(6, 12) },
      { key: 'd', members: range(0, 7) },
    ];
    expect([...decidePublication(groups, 12)]).toEqual([...decidePublication(groups, 12)]);
  });
});

describe('cells and rounding', () => {
  it('counts the people of each distinct membership', () => {
    expect(
      cellSizes([
        [0, 1, 2],
        [2, 3],
      ]).sort(),
    ).toEqual([1, 1, 2]);
  });
  it('rounds averages to one decimal', () => {
    expect(roundAverage(17, 5)).toBe(3.4);
    expect(roundAverage(10, 3)).toBe(3.3);
  });
});
