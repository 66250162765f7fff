/**
 * Coaching signals: patterns in a manager's own 1:1s that seed 000 names as traps (the 1:1
 * becomes the manager's meeting, a status report, or gets cancelled). Pure functions over
 * numbers the repository counts set-based; thresholds are in one place (decision record 013).
 */
export const SIGNAL_KEYS = [
  'manager_led_topics',
  'status_over_wellbeing',
  'employee_topics_undiscussed',
  'cancelled_or_moved',
  'cadence_gap',
  'overdue_actions',
  'no_reflection',
] as const;
export type SignalKey = (typeof SIGNAL_KEYS)[number];

/** When each signal fires. A signal needs enough meetings to say anything at all. */
const THRESHOLDS = {
  /** Topics added in held 1:1s: at least this many, and the manager wrote this share or more. */
  managerLedTopics: { minTopics: 4, managerShare: 0.7 },
  /** Held 1:1s without a check-in and without notes under "how are you": share of held. */
  statusOverWellbeing: { minHeld: 3, share: 0.5 },
  /** The employee's topics in held 1:1s never ticked as discussed nor carried over. */
  employeeTopicsUndiscussed: { minUndiscussed: 2, share: 0.3 },
  /** Cancelled or moved by a person (not by the system), against those plus the held ones. */
  cancelledOrMoved: { minAffected: 2, share: 0.25 },
  /** The longest stretch without a held 1:1, in multiples of the agreed interval. */
  cadenceGap: { factor: 2 },
  /** Open actions of the pair past their due date. */
  overdueActions: { min: 2 },
  /** Held 1:1s with a reflection written, below this share. */
  noReflection: { minHeld: 3, share: 0.25 },
} as const;

/** The default period the signals look back over. */
export const DEFAULT_PERIOD_DAYS = 90;
/** How long a dismissed signal stays away unless its numbers get worse. */
export const DISMISS_DAYS = 30;

/** What the repository counts per report over the period. */
export type ReportStats = {
  employeeId: string;
  employeeName: string;
  /** Days between meetings as agreed in the running series; null when none runs. */
  cadenceDays: number | null;
  /** When the running series' first meeting was (gaps are not counted before it). */
  seriesStart: Date | null;
  held: number;
  /** Start times of the held 1:1s in the period, any order. */
  heldStarts: Date[];
  topicsByManager: number;
  topicsByEmployee: number;
  employeeTopicsUndiscussed: number;
  /** Held 1:1s with no check-in and nothing written under the wellbeing section. */
  statusOnly: number;
  cancelled: number;
  moved: number;
  overdueActions: number;
  reflections: number;
};

export type Period = { from: Date; to: Date; days: number };

export type Signal = {
  key: SignalKey;
  /** The report's id, or 'all' for a signal about all of the manager's 1:1s. */
  subject: string;
  employeeName: string | null;
  /** One number, higher is worse: a dismissed signal comes back when it rises. */
  value: number;
  /** The numbers behind the signal, for the sentence that explains it. */
  numbers: Record<string, number>;
};

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const round2 = (x: number) => Math.round(x * 100) / 100;
const DAY_MS = 86_400_000;

/** Talking points mostly raised by the manager rather than the employee. */
export function managerLedTopics(s: ReportStats): Signal | null {
  const total = s.topicsByManager + s.topicsByEmployee;
  const t = THRESHOLDS.managerLedTopics;
  const managerShare = share(s.topicsByManager, total);
  if (total < t.minTopics || managerShare < t.managerShare) return null;
  return signal('manager_led_topics', s, managerShare, {
    byManager: s.topicsByManager,
    byEmployee: s.topicsByEmployee,
    percent: Math.round(managerShare * 100),
  });
}

/** 1:1s spent on status rather than how the person is doing. */
export function statusOverWellbeing(s: ReportStats): Signal | null {
  const t = THRESHOLDS.statusOverWellbeing;
  const ratio = share(s.statusOnly, s.held);
  if (s.held < t.minHeld || ratio < t.share) return null;
  return signal('status_over_wellbeing', s, ratio, { statusOnly: s.statusOnly, held: s.held });
}

/** The employee's own topics left undiscussed. */
export function employeeTopicsUndiscussed(s: ReportStats): Signal | null {
  const t = THRESHOLDS.employeeTopicsUndiscussed;
  const ratio = share(s.employeeTopicsUndiscussed, s.topicsByEmployee);
  if (s.employeeTopicsUndiscussed < t.minUndiscussed || ratio < t.share) return null;
  return signal('employee_topics_undiscussed', s, s.employeeTopicsUndiscussed, {
    undiscussed: s.employeeTopicsUndiscussed,
    topics: s.topicsByEmployee,
  });
}

/** 1:1s cancelled or moved often. */
export function cancelledOrMoved(s: ReportStats): Signal | null {
  const t = THRESHOLDS.cancelledOrMoved;
  const affected = s.cancelled + s.moved;
  const ratio = share(affected, affected + s.held);
  if (affected < t.minAffected || ratio < t.share) return null;
  return signal('cancelled_or_moved', s, ratio, {
    cancelled: s.cancelled,
    moved: s.moved,
    held: s.held,
    percent: Math.round(ratio * 100),
  });
}

/**
 * The longest stretch in the period without a held 1:1 (from the period's start, or the
 * series' first meeting if later, up to now), against the agreed interval.
 */
export function longestGapDays(s: ReportStats, period: Period): number {
  if (s.seriesStart === null) return 0;
  const start = Math.max(period.from.getTime(), s.seriesStart.getTime());
  const end = period.to.getTime();
  if (start >= end) return 0;
  const points = s.heldStarts
    .map((d) => d.getTime())
    .filter((x) => x > start && x < end)
    .sort((a, b) => a - b);
  let prev = start;
  let longest = 0;
  for (const x of [...points, end]) {
    longest = Math.max(longest, x - prev);
    prev = x;
  }
  return Math.floor(longest / DAY_MS);
}

/** Long gaps against the agreed cadence. */
export function cadenceGap(s: ReportStats, period: Period): Signal | null {
  if (s.cadenceDays === null) return null;
  const gap = longestGapDays(s, period);
  if (gap < THRESHOLDS.cadenceGap.factor * s.cadenceDays) return null;
  return signal('cadence_gap', s, gap, { gapDays: gap, cadenceDays: s.cadenceDays });
}

/** Actions agreed in the pair's 1:1s and left past their due date. */
export function overdueActions(s: ReportStats): Signal | null {
  if (s.overdueActions < THRESHOLDS.overdueActions.min) return null;
  return signal('overdue_actions', s, s.overdueActions, { overdue: s.overdueActions });
}

/** Few or no reflections written after held 1:1s (over all reports). */
export function noReflection(all: readonly ReportStats[]): Signal | null {
  const held = all.reduce((n, s) => n + s.held, 0);
  const written = all.reduce((n, s) => n + s.reflections, 0);
  const t = THRESHOLDS.noReflection;
  if (held < t.minHeld || share(written, held) >= t.share) return null;
  return {
    key: 'no_reflection',
    subject: 'all',
    employeeName: null,
    value: round2(1 - share(written, held)),
    numbers: { written, held },
  };
}

function signal(
  key: SignalKey,
  s: ReportStats,
  value: number,
  numbers: Record<string, number>,
): Signal {
  return {
    key,
    subject: s.employeeId,
    employeeName: s.employeeName,
    value: round2(value),
    numbers,
  };
}

/** Every signal that fires for a manager's reports over the period. */
export function computeSignals(all: readonly ReportStats[], period: Period): Signal[] {
  const perReport = all.flatMap((s) =>
    [
      cancelledOrMoved(s),
      cadenceGap(s, period),
      statusOverWellbeing(s),
      employeeTopicsUndiscussed(s),
      managerLedTopics(s),
      overdueActions(s),
    ].filter((x): x is Signal => x !== null),
  );
  const overall = noReflection(all);
  return overall ? [...perReport, overall] : perReport;
}

export type Dismissal = {
  signalKey: string;
  subjectKey: string;
  valueAtDismissal: number;
  until: Date;
};

/** A dismissed signal stays hidden until its time is up or its numbers get worse. */
export function isDismissed(s: Signal, dismissals: readonly Dismissal[], now: Date): boolean {
  const d = dismissals.find((x) => x.signalKey === s.key && x.subjectKey === s.subject);
  // The stored value is a 4-byte float: allow for its rounding.
  return d !== undefined && now < d.until && s.value <= d.valueAtDismissal + 1e-4;
}

/** The period ending `now` and reaching `days` back. */
export function periodEnding(now: Date, days = DEFAULT_PERIOD_DAYS): Period {
  return { from: new Date(now.getTime() - days * DAY_MS), to: now, days };
}

/** Days between meetings for a cadence of the 1:1 series (monthly counted as 31). */
export function cadenceDays(cadence: string): number {
  switch (cadence) {
    case 'weekly':
      return 7;
    case 'every_2_weeks':
      return 14;
    case 'every_3_weeks':
      return 21;
    default:
      return 31;
  }
}
