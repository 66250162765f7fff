import { Temporal } from 'temporal-polyfill';

/** How often a pair meets. Monthly means "the same weekday, nth (or last) of the month". */
export const CADENCES = ['weekly', 'every_2_weeks', 'every_3_weeks', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

/** Which weekday of the month a monthly series uses: 1st–4th, or -1 for the last. */
export const MONTHLY_ORDINALS = [1, 2, 3, 4, -1] as const;
export type MonthlyOrdinal = (typeof MONTHLY_ORDINALS)[number];

/** The rule that places a series' meetings on dates (no clock time yet). */
export type DateRule = {
  cadence: Cadence;
  /** ISO date of the first possible meeting; its weekday is the series' weekday. */
  startDate: string;
  /** Only for monthly; derived from the start date when absent. */
  monthlyOrdinal?: MonthlyOrdinal | null;
};

const WEEKS: Record<Exclude<Cadence, 'monthly'>, number> = {
  weekly: 1,
  every_2_weeks: 2,
  every_3_weeks: 3,
};

/** Nominal days between meetings; used for "too long since the last 1:1" (monthly ≈ 30). */
export function cadenceIntervalDays(cadence: Cadence): number {
  return cadence === 'monthly' ? 30 : WEEKS[cadence] * 7;
}

/** The ordinal a date has in its month: 1st–4th, or -1 when it is the 5th (so: the last). */
export function ordinalOf(date: Temporal.PlainDate): MonthlyOrdinal {
  const nth = Math.ceil(date.day / 7);
  return nth >= 5 ? -1 : (nth as MonthlyOrdinal);
}

/** The date of the nth (or last, -1) `weekday` (1 = Monday) in a month. */
export function nthWeekdayOfMonth(
  month: Temporal.PlainYearMonth,
  weekday: number,
  ordinal: MonthlyOrdinal,
): Temporal.PlainDate {
  if (ordinal === -1) {
    const last = month.toPlainDate({ day: month.daysInMonth });
    return last.subtract({ days: (last.dayOfWeek - weekday + 7) % 7 });
  }
  const first = month.toPlainDate({ day: 1 });
  return first.add({ days: ((weekday - first.dayOfWeek + 7) % 7) + (ordinal - 1) * 7 });
}

/** The effective monthly ordinal of a rule. */
export function monthlyOrdinalOf(rule: DateRule): MonthlyOrdinal {
  return rule.monthlyOrdinal ?? ordinalOf(Temporal.PlainDate.from(rule.startDate));
}

/** Every meeting date of `rule` within [from, until] (inclusive, ISO dates), in order. */
export function datesBetween(rule: DateRule, from: string, until: string): string[] {
  const start = Temporal.PlainDate.from(rule.startDate);
  const lo = Temporal.PlainDate.compare(Temporal.PlainDate.from(from), start) > 0 ? from : start;
  const low = Temporal.PlainDate.from(lo);
  const high = Temporal.PlainDate.from(until);
  const out: string[] = [];
  if (Temporal.PlainDate.compare(low, high) > 0) return out;
  if (rule.cadence === 'monthly') {
    const ordinal = monthlyOrdinalOf(rule);
    let month = low.toPlainYearMonth();
    while (Temporal.PlainYearMonth.compare(month, high.toPlainYearMonth()) <= 0) {
      const d = nthWeekdayOfMonth(month, start.dayOfWeek, ordinal);
      if (Temporal.PlainDate.compare(d, low) >= 0 && Temporal.PlainDate.compare(d, high) <= 0)
        out.push(d.toString());
      month = month.add({ months: 1 });
    }
    return out;
  }
  const step = WEEKS[rule.cadence] * 7;
  const offset = start.until(low, { largestUnit: 'days' }).days;
  let d = start.add({ days: Math.ceil(offset / step) * step });
  while (Temporal.PlainDate.compare(d, high) <= 0) {
    out.push(d.toString());
    d = d.add({ days: step });
  }
  return out;
}

/**
 * Is it too long since the last held 1:1? More than twice the cadence's interval is a signal.
 * With no held 1:1 yet, counts from the series' first planned date.
 */
export function cadenceHealth(input: {
  cadence: Cadence;
  lastHeldDate: string | null;
  seriesStartDate: string;
  today: string;
}): { daysSinceLastHeld: number | null; overdue: boolean } {
  // Whole days between two ISO dates: both parse as UTC midnights (no Temporal objects on
  // every row of a manager's overview).
  const today = Date.parse(input.today);
  const since = (d: string) => Math.round((today - Date.parse(d)) / 86_400_000);
  const limit = 2 * cadenceIntervalDays(input.cadence);
  if (input.lastHeldDate) {
    const days = since(input.lastHeldDate);
    return { daysSinceLastHeld: days, overdue: days > limit };
  }
  return { daysSinceLastHeld: null, overdue: since(input.seriesStartDate) > limit };
}
