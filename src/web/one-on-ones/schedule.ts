/**
 * The dates a series will meet on, computed in the browser for the booking preview. The same
 * rule as domain/one-on-one/cadence.ts (a test holds them together) without Temporal, which
 * would weigh more than the whole booking page.
 */
import type { Cadence, MonthlyOrdinal } from '../meetings/api';
import { addDays, isoWeekday } from '../format';

const WEEKS: Record<Exclude<Cadence, 'monthly'>, number> = {
  weekly: 1,
  every_2_weeks: 2,
  every_3_weeks: 3,
};

/** Which weekday of its month a date is: 1st–4th, or -1 when it is the 5th (the last). */
export function ordinalOf(date: string): MonthlyOrdinal {
  const nth = Math.ceil(Number(date.slice(8, 10)) / 7);
  return nth >= 5 ? -1 : (nth as MonthlyOrdinal);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** The nth (or last) `weekday` (1 = Monday) of a month (1–12). */
function nthWeekday(year: number, month: number, weekday: number, ordinal: MonthlyOrdinal): string {
  if (ordinal === -1) {
    const last = iso(year, month, daysInMonth(year, month));
    return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
  }
  const first = iso(year, month, 1);
  return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + (ordinal - 1) * 7);
}

export type DateRule = {
  cadence: Cadence;
  startDate: string;
  monthlyOrdinal?: MonthlyOrdinal | null;
};

/** The first `count` meeting dates of a rule, from its start date on. */
export function upcomingDates(rule: DateRule, count: number): string[] {
  const out: string[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(rule.startDate)) return out;
  if (rule.cadence !== 'monthly') {
    const step = WEEKS[rule.cadence] * 7;
    for (let i = 0; i < count; i++) out.push(addDays(rule.startDate, i * step));
    return out;
  }
  const ordinal = rule.monthlyOrdinal ?? ordinalOf(rule.startDate);
  const weekday = isoWeekday(rule.startDate);
  let year = Number(rule.startDate.slice(0, 4));
  let month = Number(rule.startDate.slice(5, 7));
  while (out.length < count) {
    const d = nthWeekday(year, month, weekday, ordinal);
    if (d >= rule.startDate) out.push(d);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}
