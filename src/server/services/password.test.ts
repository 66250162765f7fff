import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors';
import { BoundedWork, HASH_OPTIONS, hashPassword, needsRehash } from './password';

const later = () => {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { done, release };
};

describe('BoundedWork', () => {
  it('runs at most `concurrency` at once, queues up to `queue`, refuses the rest at once', async () => {
    const work = new BoundedWork({ concurrency: 2, queue: 2 });
    const gates = Array.from({ length: 4 }, later);
    let running = 0;
    let peak = 0;
    const jobs = gates.map((g) =>
      work.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await g.done;
        running--;
      }),
    );
    await expect(work.run(async () => undefined)).rejects.toMatchObject({ code: 'auth.busy' });
    const refused = await work.run(async () => undefined).catch((e: AppError) => e);
    expect((refused as AppError).params.retryAfter).toBeGreaterThanOrEqual(1);
    for (const g of gates) g.release();
    await Promise.all(jobs);
    expect(peak).toBe(2);
    expect(work.peak).toBe(2);
    // Everything released: the next one runs at once.
    expect(await work.run(async () => 'free')).toBe('free');
  });

  it('frees the slot when the work throws', async () => {
    const work = new BoundedWork({ concurrency: 1, queue: 0 });
    await expect(work.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await work.run(async () => 1)).toBe(1);
  });
});

describe('password hashes', () => {
  it('are argon2id at OWASP’s first row and need no rehash; others do', async () => {
    expect(HASH_OPTIONS).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const hash = await hashPassword('correct horse battery');
    expect(needsRehash(hash)).toBe(false);
    expect(
      needsRehash('$argon2id$v=19$m=65536,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaA'),
    ).toBe(true);
    expect(needsRehash('not a hash')).toBe(true);
  });
});
