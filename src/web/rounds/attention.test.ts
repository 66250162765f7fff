import { describe, expect, it } from 'vitest';
import type { Round } from './api';
import { daysBetween, openRounds, roundAttention } from './attention';

function round(
  over: Omit<Partial<Round>, 'counts'> & { counts?: Partial<Round['counts']> },
): Round {
  const counts = { not_booked: 0, booked: 0, held: 0, closed: 0, signed: 0, total: 0 };
  return {
    id: '00000000-0000-4000-8000-000000000001',
    kind: 'development',
    name: 'Medarbetarsamtal 2027',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    deadline: '2027-03-31',
    scope: { kind: 'organisation' },
    templateVersionId: '00000000-0000-4000-8000-000000000002',
    closed: false,
    createdAt: '2027-01-01T00:00:00Z',
    ...over,
    counts: { ...counts, ...over.counts },
  } as Round;
}

describe('what needs HR on the open rounds', () => {
  it('counts days between calendar days', () => {
    expect(daysBetween('2027-03-01', '2027-03-31')).toBe(30);
    expect(daysBetween('2027-03-31', '2027-03-30')).toBe(-1);
  });

  it('lists only open rounds, the nearest deadline first', () => {
    const a = round({ name: 'A', deadline: '2027-06-01' });
    const b = round({ name: 'B', deadline: '2027-04-01' });
    const c = round({ name: 'C', deadline: '2027-01-01', closed: true });
    expect(openRounds([a, b, c]).map((r) => r.name)).toEqual(['B', 'A']);
  });

  it('flags a passed deadline with unsigned conversations', () => {
    const r = round({ deadline: '2027-03-31', counts: { total: 10, signed: 7, booked: 3 } });
    expect(roundAttention([r], '2027-04-02')).toEqual([{ kind: 'overdue', round: r, unsigned: 3 }]);
    const done = round({ deadline: '2027-03-31', counts: { total: 10, signed: 10 } });
    expect(roundAttention([done], '2027-04-02')).toEqual([]);
  });

  it('flags unbooked conversations only when the deadline is near', () => {
    const r = round({ deadline: '2027-03-31', counts: { total: 10, not_booked: 4 } });
    expect(roundAttention([r], '2027-03-21')).toEqual([
      { kind: 'unbooked_soon', round: r, unbooked: 4, days: 10 },
    ]);
    expect(roundAttention([r], '2027-01-10')).toEqual([]);
    expect(roundAttention([{ ...r, closed: true }], '2027-03-21')).toEqual([]);
  });
});
