import { describe, expect, it } from 'vitest';
import { chainUp, rollUp, wellbeingGroups, type PersonAverages } from './groups';

const tree = (pairs: [string, string | null][]) => new Map(pairs);

describe('chainUp and rollUp', () => {
  it('walks to the root and stops at a loop', () => {
    expect(
      chainUp(
        'c',
        tree([
          ['a', null],
          ['b', 'a'],
          ['c', 'b'],
        ]),
      ),
    ).toEqual(['c', 'b', 'a']);
    expect(
      chainUp(
        'x',
        tree([
          ['x', 'y'],
          ['y', 'x'],
        ]),
      ),
    ).toEqual(['x', 'y']);
    expect(chainUp(null, tree([]))).toEqual([]);
  });

  it('adds sub-units into their parents', () => {
    const parent = tree([
      ['root', null],
      ['a', 'root'],
      ['a1', 'a'],
      ['b', 'root'],
    ]);
    const own = new Map([
      ['a1', { n: 2 }],
      ['a', { n: 1 }],
      ['b', { n: 4 }],
    ]);
    const total = rollUp(
      parent,
      own,
      () => ({ n: 0 }),
      (t, f) => (t.n += f.n),
    );
    expect(Object.fromEntries([...total].map(([k, v]) => [k, v.n]))).toEqual({
      root: 7,
      a: 3,
      a1: 2,
      b: 4,
    });
  });
});

describe('wellbeingGroups', () => {
  // A unit led by m with its staff s1..s5, and a sub-unit led by n (who reports to m) with
  // staff t1..t5: the department of m is m + everyone below m, so the department and m's
  // organisation differ by m alone.
  const departmentParent = tree([
    ['U', null],
    ['V', 'U'],
  ]);
  const managerOf = tree([
    ['m', null],
    ['n', 'm'],
    ...['s1', 's2', 's3', 's4', 's5'].map((s) => [s, 'm'] as [string, string]),
    ...['t1', 't2', 't3', 't4', 't5'].map((t) => [t, 'n'] as [string, string]),
  ]);
  const person = (id: string, dept: string, score: number): PersonAverages & { id: string } => ({
    id,
    departmentId: dept,
    managerId: managerOf.get(id) ?? null,
    wellbeing: score,
    workload: 3,
    progress: 3,
  });
  const persons = [
    person('m', 'U', 1),
    ...['s1', 's2', 's3', 's4', 's5'].map((s) => person(s, 'U', 4)),
    person('n', 'V', 4),
    ...['t1', 't2', 't3', 't4', 't5'].map((t) => person(t, 'V', 4)),
  ];

  it('never publishes two groups whose difference is one person', () => {
    const rows = wellbeingGroups(persons, departmentParent, managerOf);
    const byKey = new Map(rows.map((r) => [`${r.kind}:${r.id}`, r]));
    // Department U (12 people) and m's organisation (11 people) differ by m.
    expect(byKey.get('department:U')!.status).toBe('published');
    expect(byKey.get('organisation:m')!.status).toBe('overlap');
    expect(byKey.get('organisation:m')!.wellbeing).toBeNull();
  });

  it('publishes rounded averages of per-person averages, and nothing for hidden groups', () => {
    const rows = wellbeingGroups(persons, departmentParent, managerOf);
    const all = rows.find((r) => r.kind === 'all')!;
    expect(all.people).toBe(12);
    expect(all.wellbeing).toBe(Math.round(((1 + 11 * 4) / 12) * 10) / 10);
    for (const r of rows.filter((x) => x.status !== 'published'))
      expect([r.wellbeing, r.workload, r.progress]).toEqual([null, null, null]);
  });

  it('hides a team of four with the reason too_few', () => {
    const few = persons.filter((p) => !['t4', 't5'].includes(p.id));
    const rows = wellbeingGroups(few, departmentParent, managerOf);
    expect(rows.find((r) => r.kind === 'team' && r.id === 'n')!.status).toBe('too_few');
  });
});
