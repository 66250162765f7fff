/** Seed 003: everyone has a development conversation at least once a year. */
export const ANNUAL_MONTHS = 12;

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
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return lastSignedAt.getTime() < limit.getTime();
}
