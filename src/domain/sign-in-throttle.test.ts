import { describe, expect, it } from 'vitest';
import { addressDelaySeconds, addressVerdict, type SignInLimits } from './sign-in-throttle';

const limits: SignInLimits = { perAccount: 5, perDevice: 5, perAddress: 30, windowMinutes: 15 };
const now = new Date('2026-03-02T08:00:00Z');
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

describe('sign-in throttling per address', () => {
  it('waits after the third failure, doubling up to a minute', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 8, 9, 20].map(addressDelaySeconds)).toEqual([
      0, 0, 0, 1, 2, 4, 8, 32, 60, 60,
    ]);
  });

  it('refuses until the wait since the last failure is over, saying how long is left', () => {
    expect(addressVerdict(2, secondsAgo(0), limits, now)).toEqual({ ok: true });
    expect(addressVerdict(5, secondsAgo(1), limits, now)).toEqual({
      ok: false,
      code: 'auth.slow_down',
      retryAfterSeconds: 3,
    });
    expect(addressVerdict(5, secondsAgo(4), limits, now)).toEqual({ ok: true });
  });

  it('refuses an address over its budget for the window', () => {
    expect(addressVerdict(30, secondsAgo(600), limits, now)).toEqual({
      ok: false,
      code: 'auth.rate_limited',
      retryAfterSeconds: 900,
    });
  });
});
