import type { Round } from './api';

/** What on an open round needs HR: a passed deadline, or unbooked conversations close to it. */
export type RoundAttention =
  | { kind: 'overdue'; round: Round; unsigned: number }
  | { kind: 'unbooked_soon'; round: Round; unbooked: number; days: number };

/** Days from one calendar day (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The open rounds, soonest deadline first. */
export function openRounds(rounds: readonly Round[]): Round[] {
  return rounds.filter((r) => !r.closed).sort((a, b) => a.deadline.localeCompare(b.deadline));
}

/**
 * The open rounds' points for HR's attention, as of `today` (the person's calendar day): a
 * deadline passed with conversations still unsigned, or conversations not booked with the
 * deadline within `soonDays`.
 */
export function roundAttention(
  rounds: readonly Round[],
  today: string,
  soonDays = 21,
): RoundAttention[] {
  const out: RoundAttention[] = [];
  for (const round of openRounds(rounds)) {
    const days = daysBetween(today, round.deadline);
    const unsigned = round.counts.total - round.counts.signed;
    if (days < 0 && unsigned > 0) out.push({ kind: 'overdue', round, unsigned });
    else if (days >= 0 && days <= soonDays && round.counts.not_booked > 0)
      out.push({ kind: 'unbooked_soon', round, unbooked: round.counts.not_booked, days });
  }
  return out;
}
