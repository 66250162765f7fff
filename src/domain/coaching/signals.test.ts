import { describe, expect, it } from 'vitest';
import {
  cadenceGap,
  cancelledOrMoved,
  computeSignals,
  employeeTopicsUndiscussed,
  isDismissed,
  longestGapDays,
  managerLedTopics,
  noReflection,
  overdueActions,
  periodEnding,
  statusOverWellbeing,
  type ReportStats,
} from './signals';

const now = new Date('2026-11-20T12:00:00Z');
const period = periodEnding(now, 90);
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

function stats(over: Partial<ReportStats> = {}): ReportStats {
  return {
    employeeId: 'e1',
    employeeName: 'Ola',
    cadenceDays: 14,
    seriesStart: daysAgo(200),
    held: 6,
    heldStarts: [84, 70, 56, 42, 28, 14].map(daysAgo),
    topicsByManager: 0,
    topicsByEmployee: 0,
    employeeTopicsUndiscussed: 0,
    statusOnly: 0,
    cancelled: 0,
    moved: 0,
    overdueActions: 0,
    reflections: 6,
    ...over,
  };
}

describe('manager-led topics', () => {
  it('fires at 70 % of at least four topics', () => {
    const s = managerLedTopics(stats({ topicsByManager: 7, topicsByEmployee: 3 }));
    expect(s?.numbers).toEqual({ byManager: 7, byEmployee: 3, percent: 70 });
  });
  it('does not fire just below the share or with too few topics', () => {
    expect(managerLedTopics(stats({ topicsByManager: 6, topicsByEmployee: 3 }))).toBeNull();
    expect(managerLedTopics(stats({ topicsByManager: 3, topicsByEmployee: 0 }))).toBeNull();
  });
});

describe('status over wellbeing', () => {
  it('fires when half of at least three held meetings skipped how the person is doing', () => {
    expect(statusOverWellbeing(stats({ held: 4, statusOnly: 2 }))?.value).toBe(0.5);
  });
  it('does not fire below half or with fewer than three held', () => {
    expect(statusOverWellbeing(stats({ held: 5, statusOnly: 2 }))).toBeNull();
    expect(statusOverWellbeing(stats({ held: 2, statusOnly: 2, heldStarts: [] }))).toBeNull();
  });
});

describe("employee's topics undiscussed", () => {
  it('fires at two undiscussed making 30 % or more', () => {
    expect(
      employeeTopicsUndiscussed(stats({ topicsByEmployee: 6, employeeTopicsUndiscussed: 2 })),
    ).not.toBeNull();
  });
  it('does not fire for one, nor for two of many', () => {
    expect(
      employeeTopicsUndiscussed(stats({ topicsByEmployee: 2, employeeTopicsUndiscussed: 1 })),
    ).toBeNull();
    expect(
      employeeTopicsUndiscussed(stats({ topicsByEmployee: 7, employeeTopicsUndiscussed: 2 })),
    ).toBeNull();
  });
});

describe('cancelled or moved', () => {
  it('fires at two of eight (25 %)', () => {
    const s = cancelledOrMoved(stats({ held: 6, cancelled: 1, moved: 1 }));
    expect(s?.numbers).toEqual({ cancelled: 1, moved: 1, held: 6, percent: 25 });
  });
  it('does not fire for one, or for two of nine', () => {
    expect(cancelledOrMoved(stats({ held: 1, cancelled: 1 }))).toBeNull();
    expect(cancelledOrMoved(stats({ held: 7, cancelled: 2 }))).toBeNull();
  });
});

describe('cadence gap', () => {
  it('measures the longest stretch, including the one up to now', () => {
    expect(longestGapDays(stats({ heldStarts: [daysAgo(80), daysAgo(50)] }), period)).toBe(50);
  });
  it('fires at twice the agreed interval and not a day before', () => {
    expect(cadenceGap(stats(), period)).toBeNull();
    const s = cadenceGap(stats({ heldStarts: [daysAgo(62), daysAgo(28)] }), period);
    expect(s?.numbers).toEqual({ gapDays: 34, cadenceDays: 14 });
    const exact = cadenceGap(stats({ heldStarts: [daysAgo(64), daysAgo(37), daysAgo(9)] }), period);
    expect(exact?.numbers.gapDays).toBe(28);
    const below = cadenceGap(
      stats({ heldStarts: [daysAgo(64), daysAgo(37), daysAgo(10)] }),
      period,
    );
    expect(below).toBeNull();
  });
  it('counts from the first meeting of a new series, and not at all without one', () => {
    expect(cadenceGap(stats({ seriesStart: daysAgo(10), heldStarts: [] }), period)).toBeNull();
    expect(cadenceGap(stats({ cadenceDays: null, heldStarts: [] }), period)).toBeNull();
  });
});

describe('overdue actions', () => {
  it('fires at two and not at one', () => {
    expect(overdueActions(stats({ overdueActions: 2 }))?.value).toBe(2);
    expect(overdueActions(stats({ overdueActions: 1 }))).toBeNull();
  });
});

describe('no reflection', () => {
  it('fires over all reports when fewer than a quarter of held 1:1s have one', () => {
    const s = noReflection([
      stats({ held: 4, reflections: 0 }),
      stats({ held: 4, reflections: 1 }),
    ]);
    expect(s?.numbers).toEqual({ written: 1, held: 8 });
    expect(s?.subject).toBe('all');
  });
  it('does not fire at a quarter, or with fewer than three held', () => {
    expect(noReflection([stats({ held: 4, reflections: 1 })])).toBeNull();
    expect(noReflection([stats({ held: 2, reflections: 0 })])).toBeNull();
  });
});

describe('computeSignals and dismissal', () => {
  it('lists nothing for a healthy pair', () => {
    expect(computeSignals([stats()], period)).toEqual([]);
  });

  it('keeps a dismissed signal away until its time or until it gets worse', () => {
    const [s] = computeSignals([stats({ held: 6, cancelled: 2 })], period);
    expect(s?.key).toBe('cancelled_or_moved');
    const d = {
      signalKey: 'cancelled_or_moved',
      subjectKey: 'e1',
      valueAtDismissal: s!.value,
      until: daysAgo(-30),
    };
    expect(isDismissed(s!, [d], now)).toBe(true);
    expect(isDismissed({ ...s!, value: s!.value + 0.1 }, [d], now)).toBe(false);
    expect(isDismissed(s!, [{ ...d, until: daysAgo(1) }], now)).toBe(false);
    expect(isDismissed(s!, [{ ...d, subjectKey: 'e2' }], now)).toBe(false);
  });
});
