/**
 * How sign-in attempts are slowed down (decision 016, after OWASP's "device cookies"):
 *
 * - A browser that has signed in to an account before holds a device cookie for it. Its
 *   failures count against that cookie alone (`perDevice`), so nobody elsewhere can use up
 *   its attempts: an outsider cannot keep a manager out of their own browser.
 * - Every other client shares the account's budget for unknown clients (`perAccount`): past
 *   it, unknown clients are refused for the window, as every client was before.
 * - Each address has its own budget (`perAddress`) and, after a few failures, waits between
 *   attempts, doubling each time (`addressDelaySeconds`).
 *
 * Guessing is thus never faster than `perAccount` per window per account from clients without
 * the account's cookie, which was the limit for everyone before.
 */
export type SignInLimits = {
  perAccount: number;
  perDevice: number;
  perAddress: number;
  windowMinutes: number;
};

/** Failures from one address before it has to wait between attempts. */
const FREE_FAILURES_PER_ADDRESS = 3;
/** The longest wait between two attempts from one address. */
const MAX_ADDRESS_DELAY_SECONDS = 60;

/** Seconds an address must wait after its last failure, given its failures in the window. */
export function addressDelaySeconds(failures: number): number {
  if (failures < FREE_FAILURES_PER_ADDRESS) return 0;
  const doublings = failures - FREE_FAILURES_PER_ADDRESS;
  return Math.min(MAX_ADDRESS_DELAY_SECONDS, 2 ** Math.min(doublings, 10));
}

export type ThrottleVerdict =
  | { ok: true }
  | { ok: false; code: 'auth.slow_down' | 'auth.rate_limited'; retryAfterSeconds: number };

/**
 * Whether an address may try now: not over its budget, and past its wait since its last
 * failure. `lastFailureAt` is null without failures.
 */
export function addressVerdict(
  failures: number,
  lastFailureAt: Date | null,
  limits: SignInLimits,
  now: Date,
): ThrottleVerdict {
  if (failures >= limits.perAddress) {
    return { ok: false, code: 'auth.rate_limited', retryAfterSeconds: limits.windowMinutes * 60 };
  }
  const wait = addressDelaySeconds(failures);
  if (lastFailureAt && wait > 0) {
    const remainingMs = lastFailureAt.getTime() + wait * 1000 - now.getTime();
    if (remainingMs > 0) {
      return {
        ok: false,
        code: 'auth.slow_down',
        retryAfterSeconds: Math.ceil(remainingMs / 1000),
      };
    }
  }
  return { ok: true };
}
