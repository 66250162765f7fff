import { describe, expect, it } from 'vitest';
import { countryOfLocale, cutoff, defaultRetention, RETENTION_MIN_DAYS } from './retention';

describe('retention defaults', () => {
  it('start from the country of the organisation language', () => {
    expect(countryOfLocale('sv')).toBe('SE');
    expect(countryOfLocale('da')).toBe('DK');
    expect(countryOfLocale('nb')).toBe('NO');
    expect(countryOfLocale('en')).toBe('OTHER');
    expect(defaultRetention('DK').leaversAfterDays).toBe(1825);
    expect(defaultRetention('SE').leaversAfterDays).toBeGreaterThanOrEqual(RETENTION_MIN_DAYS);
  });

  it('count days back from now', () => {
    const now = new Date('2026-12-05T00:00:00Z');
    expect(cutoff(now, 2).toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });
});
