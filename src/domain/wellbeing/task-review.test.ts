import { describe, expect, it } from 'vitest';
import { compareReviews, type TaskItem } from './task-review';

const item = (id: string, over: Partial<TaskItem> = {}): TaskItem => ({
  id,
  title: id,
  frequency: 'weekly',
  timeSharePercent: 20,
  demand: 3,
  copiedFromItemId: null,
  ...over,
});

describe('compareReviews', () => {
  const previous = [
    item('p1', { title: 'Support' }),
    item('p2', { title: 'Reports' }),
    item('p3', { title: 'Planning' }),
    item('p4', { title: 'Onboarding' }),
  ];

  it('names what is new, dropped, grew, shrank and stayed the same', () => {
    const current = [
      item('c1', { title: 'Support', copiedFromItemId: 'p1', timeSharePercent: 40 }),
      item('c2', { title: 'Reports', copiedFromItemId: 'p2', demand: 2 }),
      item('c3', { title: 'Planning', copiedFromItemId: 'p3' }),
      item('c4', { title: 'Recruiting' }),
    ];
    const r = compareReviews(previous, current);
    expect(r.items.map((i) => [i.id, i.change])).toEqual([
      ['c1', 'grew'],
      ['c2', 'shrank'],
      ['c3', 'same'],
      ['c4', 'new'],
    ]);
    expect(r.items[0]!.timeShareDelta).toBe(20);
    expect(r.items[1]!.demandDelta).toBe(-1);
    expect(r.dropped.map((d) => d.title)).toEqual(['Onboarding']);
    expect(r.totalTimeShare).toBe(100);
  });

  it('treats a retyped title as the same task, and a renamed copy still by its link', () => {
    const r = compareReviews(previous, [
      item('c1', { title: '  support ' }),
      item('c2', { title: 'Monthly reports', copiedFromItemId: 'p2', demand: 5 }),
    ]);
    expect(r.items.map((i) => i.change)).toEqual(['same', 'grew']);
    expect(r.dropped.map((d) => d.id)).toEqual(['p3', 'p4']);
  });

  it('makes everything new when there is no previous review', () => {
    const r = compareReviews([], [item('c1')]);
    expect(r.items[0]!.change).toBe('new');
    expect(r.dropped).toEqual([]);
  });

  it('says how many places each kept task moved in the agreed order of priority', () => {
    // Planning goes first now, Support falls two places, Reports keeps its place.
    const r = compareReviews(previous, [
      item('c3', { title: 'Planning', copiedFromItemId: 'p3' }),
      item('c2', { title: 'Reports', copiedFromItemId: 'p2' }),
      item('c1', { title: 'Support', copiedFromItemId: 'p1' }),
      item('c5', { title: 'Recruiting' }),
    ]);
    expect(r.items.map((i) => [i.id, i.priorityDelta])).toEqual([
      ['c3', 2],
      ['c2', 0],
      ['c1', -2],
      ['c5', 0],
    ]);
    // A move in priority alone is not a change in time or demand.
    expect(r.items.slice(0, 3).every((i) => i.change === 'same')).toBe(true);
  });
});
