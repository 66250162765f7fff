import { describe, expect, it } from 'vitest';
import { rememberUntil, stillRemembered, type RememberDays } from './remember-policy';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 11, 5, 9, 0);
const who = { personId: 'p1', keyVersion: 1 };
const record = (days: RememberDays, from = now) => ({
  ...who,
  key: 'k',
  expiresAt: rememberUntil(from, days),
});

describe('remember this device', () => {
  it('remembers for the chosen 1, 7 or 30 days and no other period', () => {
    expect(rememberUntil(now, 1)).toBe(now + DAY);
    expect(rememberUntil(now, 7)).toBe(now + 7 * DAY);
    expect(rememberUntil(now, 30)).toBe(now + 30 * DAY);
    expect(() => rememberUntil(now, 365 as RememberDays)).toThrow(RangeError);
  });

  it('unlocks until the period ends, and not a moment after', () => {
    const r = record(7);
    expect(stillRemembered(r, now + 7 * DAY - 1, who)).toBe(true);
    expect(stillRemembered(r, now + 7 * DAY, who)).toBe(false);
    expect(stillRemembered(record(1), now + 2 * DAY, who)).toBe(false);
  });

  it('is only for the same person and the vault’s current key version', () => {
    expect(stillRemembered(record(30), now, { personId: 'p2', keyVersion: 1 })).toBe(false);
    expect(stillRemembered(record(30), now, { personId: 'p1', keyVersion: 2 })).toBe(false);
    expect(stillRemembered(null, now, who)).toBe(false);
    expect(stillRemembered(undefined, now, who)).toBe(false);
  });

  it('does not trust an expiry further ahead than the longest period (clock moved back)', () => {
    const r = record(30, now);
    expect(stillRemembered(r, now - 2 * DAY, who)).toBe(false);
    expect(stillRemembered({ ...r, expiresAt: Number.NaN }, now, who)).toBe(false);
  });
});
