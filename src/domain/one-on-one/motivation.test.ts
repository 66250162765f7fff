import { describe, expect, it } from 'vitest';
import { mayScoreMotivation, motivationTrend } from './motivation';

const now = new Date('2026-12-06T10:00:00Z');
const open = { status: 'planned', startedAt: null, heldAt: null };
const heldDaysAgo = (d: number) => ({
  status: 'held',
  startedAt: null,
  heldAt: new Date(now.getTime() - d * 86_400_000),
});

describe('motivation', () => {
  it('is scored by the employee only, while open or shortly after the meeting', () => {
    expect(mayScoreMotivation('employee', open, now)).toBe(true);
    expect(mayScoreMotivation('manager', open, now)).toBe(false);
    expect(mayScoreMotivation(null, open, now)).toBe(false);
    expect(mayScoreMotivation('employee', heldDaysAgo(3), now)).toBe(true);
    expect(mayScoreMotivation('employee', heldDaysAgo(30), now)).toBe(false);
    expect(mayScoreMotivation('employee', { ...open, status: 'cancelled' }, now)).toBe(false);
  });

  it('shows the latest scores oldest first, with the last move', () => {
    const p = (i: number, score: number) => ({
      meetingId: `m${i}`,
      startsAt: `2026-${String(i).padStart(2, '0')}-01T08:00:00Z`,
      score,
    });
    expect(motivationTrend([]).direction).toBeNull();
    expect(motivationTrend([p(1, 3)]).direction).toBeNull();
    const t = motivationTrend([p(3, 2), p(1, 4), p(2, 4)]);
    expect(t.points.map((x) => x.meetingId)).toEqual(['m1', 'm2', 'm3']);
    expect(t.direction).toBe('down');
    expect(motivationTrend([p(1, 2), p(2, 4)]).direction).toBe('up');
    expect(motivationTrend([p(1, 2), p(2, 2)]).direction).toBe('flat');
    const many = motivationTrend(Array.from({ length: 11 }, (_, i) => p(i + 1, 3)));
    expect(many.points).toHaveLength(8);
    expect(many.points[0]!.meetingId).toBe('m4');
  });
});
