/**
 * "Remember this device" for the vault (decision 018): how long a person may choose, and
 * whether a remembered key still counts. Pure, so the rule is unit-tested without a browser.
 */

/** The periods offered at unlock, in days. */
export const REMEMBER_DAYS = [1, 7, 30] as const;
export type RememberDays = (typeof REMEMBER_DAYS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** What this browser keeps: the key (a non-extractable CryptoKey), whose and until when. */
export type Remembered<K = CryptoKey> = {
  personId: string;
  keyVersion: number;
  key: K;
  /** Milliseconds since the epoch. */
  expiresAt: number;
};

/** When a key remembered now for `days` stops counting. */
export function rememberUntil(now: number, days: RememberDays): number {
  if (!REMEMBER_DAYS.includes(days)) throw new RangeError(`not a remember period: ${days}`);
  return now + days * DAY_MS;
}

/**
 * Whether a remembered key may unlock without typing: the same person, the vault's current key
 * version, not expired, and not dated further ahead than the longest period (a clock moved back
 * or a tampered record does not buy more time).
 */
export function stillRemembered<K>(
  record: Remembered<K> | null | undefined,
  now: number,
  who: { personId: string; keyVersion: number },
): record is Remembered<K> {
  if (!record) return false;
  if (record.personId !== who.personId || record.keyVersion !== who.keyVersion) return false;
  if (!Number.isFinite(record.expiresAt)) return false;
  return record.expiresAt > now && record.expiresAt <= now + Math.max(...REMEMBER_DAYS) * DAY_MS;
}
