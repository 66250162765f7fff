import argon2 from 'argon2';
import { AppError } from '../../domain/errors';

/**
 * argon2id at OWASP's first recommended row (m = 19 MiB, t = 2, p = 1; Password Storage Cheat
 * Sheet). Hashes made with other parameters are upgraded at the next sign-in (decision 016).
 */
export const HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/**
 * Hashes without a bound, for trusted callers outside requests (seeding, the CLI, tests).
 * Requests go through a PasswordHasher.
 */
export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, HASH_OPTIONS);
}

/** True when a stored hash was made with other parameters than today's (or is not argon2). */
export function needsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash, HASH_OPTIONS);
  } catch {
    return true;
  }
}

export type HashingLimits = {
  /** Hashes computed at once by this process. */
  concurrency: number;
  /** Requests that may wait for a slot; one more is refused with a 429. */
  queue: number;
};

/**
 * A semaphore with a bounded queue. Work beyond `concurrency` waits in line; beyond `queue`
 * waiting, it is refused at once with `auth.busy` (429 and Retry-After), never left to pile up.
 */
export class BoundedWork {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private avgMs = 60;
  /** The most ever running at once (tests read it). */
  peak = 0;

  constructor(private readonly limits: HashingLimits) {}

  /** Seconds a refused caller should wait: how long the line ahead takes to clear. */
  retryAfterSeconds(): number {
    const ahead = this.waiting.length + this.active;
    return Math.max(1, Math.ceil((ahead * this.avgMs) / this.limits.concurrency / 1000));
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limits.concurrency) {
      if (this.waiting.length >= this.limits.queue) {
        const seconds = this.retryAfterSeconds();
        throw new AppError('auth.busy', { seconds, retryAfter: seconds });
      }
      // The slot is handed over by the one that finishes (`active` stays as it is).
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    this.peak = Math.max(this.peak, this.active);
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.avgMs = this.avgMs * 0.8 + (performance.now() - started) * 0.2;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** Hashing and verifying for requests: bounded, so a burst of sign-ins cannot take every core. */
export function createPasswordHasher(limits: HashingLimits) {
  const work = new BoundedWork(limits);
  let dummy: Promise<string> | undefined;
  return {
    limiter: work,
    hash: (plain: string) => work.run(() => hashPassword(plain)),
    /** Verifies; false (never a throw) on a malformed hash. */
    verify: (hash: string, plain: string) =>
      work.run(async () => {
        try {
          return await argon2.verify(hash, plain);
        } catch {
          return false;
        }
      }),
    /** A hash to verify against when there is no account, so both paths take as long. */
    dummyHash(): Promise<string> {
      dummy ??= hashPassword('samtal-timing-equaliser');
      return dummy;
    },
  };
}

export type PasswordHasher = ReturnType<typeof createPasswordHasher>;
