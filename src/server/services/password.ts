import argon2 from 'argon2';

/** argon2id with OWASP's recommended floor (19 MiB, 2 passes) raised to 64 MiB, 3 passes. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, OPTIONS);
}

/** Verifies; false (never a throw) on a malformed hash. */
export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** A hash to verify against when the account does not exist, so both paths take as long. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('samtal-timing-equaliser');
  return dummy;
}
