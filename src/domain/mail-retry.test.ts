import { describe, expect, it } from 'vitest';
import {
  GIVE_UP_AFTER_MS,
  LONGEST_RETRY_MS,
  nextAttemptAfterFailure,
  retryDelayMs,
} from './mail-retry';

describe('mail retry schedule', () => {
  it('retries quickly first, then hourly', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n))).toEqual([
      15_000, 30_000, 60_000, 120_000, 240_000,
    ]);
    expect(retryDelayMs(9)).toBe(LONGEST_RETRY_MS);
    expect(retryDelayMs(500)).toBe(LONGEST_RETRY_MS);
  });

  it('keeps a mail for a week, then gives up', () => {
    const created = new Date('2026-06-05T16:00:00Z');
    const after3Days = new Date(created.getTime() + 72 * 3_600_000);
    expect(nextAttemptAfterFailure(40, created, after3Days)).toEqual(
      new Date(after3Days.getTime() + LONGEST_RETRY_MS),
    );
    const lastHour = new Date(created.getTime() + GIVE_UP_AFTER_MS - 30 * 60_000);
    expect(nextAttemptAfterFailure(200, created, lastHour)).toBeNull();
  });
});
