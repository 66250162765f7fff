/**
 * When a mail that could not be delivered is tried again. Quick retries first (a mail server
 * that restarts is back in seconds), then once an hour for a week, so an outage over a long
 * weekend delays mail but never drops it. Pure: the caller passes the time.
 */

/** The first retry comes this long after a failed attempt; each further one waits twice as long. */
const FIRST_RETRY_MS = 15_000;
/** The longest wait between two attempts. */
export const LONGEST_RETRY_MS = 60 * 60_000;
/** A mail still undelivered this long after it was written is marked failed (admins see it). */
export const GIVE_UP_AFTER_MS = 7 * 24 * 60 * 60_000;

/** The waits of a schedule; tests and demos shorten them (JOB_TIMING=fast). */
export type RetrySchedule = { firstMs: number; longestMs: number; giveUpAfterMs: number };

export const MAIL_RETRY: RetrySchedule = {
  firstMs: FIRST_RETRY_MS,
  longestMs: LONGEST_RETRY_MS,
  giveUpAfterMs: GIVE_UP_AFTER_MS,
};

/** The wait after the `attempts`-th failed attempt (1 = the first). */
export function retryDelayMs(attempts: number, schedule: RetrySchedule = MAIL_RETRY): number {
  const doublings = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(schedule.firstMs * 2 ** doublings, schedule.longestMs);
}

/**
 * After a failed attempt: the time of the next one, or null when the mail has waited long
 * enough to be given up (the next attempt would fall past the week).
 */
export function nextAttemptAfterFailure(
  attempts: number,
  createdAt: Date,
  now: Date,
  schedule: RetrySchedule = MAIL_RETRY,
): Date | null {
  const next = new Date(now.getTime() + retryDelayMs(attempts, schedule));
  return next.getTime() - createdAt.getTime() > schedule.giveUpAfterMs ? null : next;
}

/** Seconds instead of minutes and hours, for tests and demos (JOB_TIMING=fast). */
export const FAST_MAIL_RETRY: RetrySchedule = {
  firstMs: 1_000,
  longestMs: 4_000,
  giveUpAfterMs: GIVE_UP_AFTER_MS,
};

/** What the outbox knows of a mail's delivery. */
export const MAIL_STATUSES = ['pending', 'sent', 'kept', 'failed', 'cancelled'] as const;
