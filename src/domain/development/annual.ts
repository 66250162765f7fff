/** Seed 003: everyone has a development conversation at least once a year. */
const ANNUAL_MONTHS = 12;

/**
 * The instant a signed development conversation must be at or after to count as "within the
 * year" (`months` calendar months before `now`). The manager's home and HR statistics both
 * ask this one function, so they always agree on who is due.
 */
export function annualCutoff(now: Date, months = ANNUAL_MONTHS): Date {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return limit;
}

/**
 * True when the person has no signed development conversation in the `months` before `now`
 * (with any manager: a new manager inherits the gap).
 */
export function developmentConversationDue(
  lastSignedAt: Date | null,
  now: Date,
  months = ANNUAL_MONTHS,
): boolean {
  if (!lastSignedAt) return true;
  return lastSignedAt.getTime() < annualCutoff(now, months).getTime();
}
