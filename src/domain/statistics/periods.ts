import { Temporal } from 'temporal-polyfill';

/**
 * Statistics periods are calendar quarters ("2026-Q3"): fixed and coarse, so no two periods a
 * reader can ask for overlap by a few days (decision 014). Counts (1:1s, actions) use the
 * quarter's dates in the viewer's time zone; wellbeing uses them in the organisation's zone, so
 * the same quarter covers the same answers whoever looks.
 */
export type Quarter = { key: string; from: string; to: string };

/** Days after a quarter's end before its wellbeing figures are fixed and published. */
const WELLBEING_GRACE_DAYS = 7;
/** How many quarters back the period picker goes. */
const QUARTERS_BACK = 12;

const KEY = /^(\d{4})-Q([1-4])$/;

/** The quarter with key "YYYY-Qn": first and last date. */
export function quarter(key: string): Quarter {
  const m = KEY.exec(key);
  if (!m) throw new Error(`not a quarter: ${key}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  const from = Temporal.PlainDate.from({ year, month: (q - 1) * 3 + 1, day: 1 });
  const to = from.add({ months: 3 }).subtract({ days: 1 });
  return { key, from: from.toString(), to: to.toString() };
}

/** The quarter a date falls in. */
export function quarterOf(date: string): Quarter {
  const d = Temporal.PlainDate.from(date);
  return quarter(`${d.year}-Q${Math.floor((d.month - 1) / 3) + 1}`);
}

/** The quarter `n` quarters before (negative: after) the given one. */
export function shiftQuarter(key: string, n: number): Quarter {
  const from = Temporal.PlainDate.from(quarter(key).from).subtract({ months: 3 * n });
  return quarterOf(from.toString());
}

/** The current quarter and the ones before it, newest first. */
export function recentQuarters(today: string, back = QUARTERS_BACK): Quarter[] {
  const current = quarterOf(today).key;
  return Array.from({ length: back + 1 }, (_, i) => shiftQuarter(current, i));
}

/** The instants a local date range covers in `timeZone`: [start of `from`, start of day after `to`). */
export function instantRange(q: { from: string; to: string }, timeZone: string) {
  const start = Temporal.PlainDate.from(q.from).toZonedDateTime({ timeZone });
  const end = Temporal.PlainDate.from(q.to).add({ days: 1 }).toZonedDateTime({ timeZone });
  return {
    from: new Date(start.epochMilliseconds),
    until: new Date(end.epochMilliseconds),
  };
}

/** The first date a quarter's wellbeing figures can be published. */
export function wellbeingAvailableFrom(key: string): string {
  return Temporal.PlainDate.from(quarter(key).to)
    .add({ days: WELLBEING_GRACE_DAYS + 1 })
    .toString();
}

/**
 * The quarter whose wellbeing figures go with the chosen period: the chosen one once it has
 * closed (plus grace), otherwise the latest closed one before it.
 */
export function wellbeingQuarter(chosen: string, orgToday: string): Quarter {
  let key = chosen;
  while (Temporal.PlainDate.compare(wellbeingAvailableFrom(key), orgToday) > 0)
    key = shiftQuarter(key, 1).key;
  return quarter(key);
}

/** The date `weeks` weeks before `today` (the start of "the last N weeks"). */
export function weeksBefore(today: string, weeks: number): string {
  return Temporal.PlainDate.from(today).subtract({ weeks }).toString();
}
