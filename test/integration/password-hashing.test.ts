/**
 * Issue #11, item 8: argon2id at OWASP's parameters, old hashes upgraded at the next sign-in,
 * and hashing bounded so that a burst of sign-ins cannot take the machine from the meetings in
 * progress: at most PASSWORD_HASH_CONCURRENCY hashes at once, a short queue, then a translated
 * 429 with Retry-After — never a 5xx.
 */
import argon2 from 'argon2';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { people } from '../../src/db/schema/index';
import { Client, signedIn, testApp, type TestContext } from '../support/app';
import { makeOrg, makePerson, TEST_PASSWORD } from '../support/factories';

const CONCURRENCY = 1;
const QUEUE = 3;
let ctx: TestContext;
let orgId: string;

beforeAll(async () => {
  ctx = await testApp({
    PASSWORD_HASH_CONCURRENCY: String(CONCURRENCY),
    PASSWORD_HASH_QUEUE: String(QUEUE),
  });
  orgId = (await makeOrg(ctx.database.db)).id;
});
afterAll(() => ctx.close());
afterEach(() => vi.restoreAllMocks());

const hashOf = async (email: string) =>
  (await ctx.database.db.select().from(people).where(eq(people.email, email)))[0]!.passwordHash!;

describe('password hashing', () => {
  it('uses argon2id with m = 19 MiB, t = 2, p = 1', async () => {
    const p = await makePerson(ctx.database.db, orgId, { email: 'new@a.test', passwordHash: null });
    const hr = await makePerson(ctx.database.db, orgId, { email: 'hr@a.test', roles: ['hr'] });
    void hr;
    const link = (
      await (await signedIn(ctx.app, 'hr@a.test')).post(`/api/people/${p.id}/password-link`)
    ).json();
    const token = new URL(link.url).hash.slice(1);
    await new Client(ctx.app).post('/api/auth/set-password', {
      token,
      password: 'a good long password',
    });
    expect(await hashOf('new@a.test')).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('upgrades a hash made with other parameters at the next successful sign-in, not before', async () => {
    const old = await argon2.hash(TEST_PASSWORD, {
      type: argon2.argon2id,
      memoryCost: 65536,
      timeCost: 3,
      parallelism: 1,
    });
    await makePerson(ctx.database.db, orgId, { email: 'old@a.test', passwordHash: old });
    const c = new Client(ctx.app, { ip: '10.4.0.1' });
    expect((await c.login('old@a.test', 'not the password')).statusCode).toBe(401);
    expect(await hashOf('old@a.test')).toBe(old);
    expect((await c.login('old@a.test')).statusCode).toBe(200);
    const upgraded = await hashOf('old@a.test');
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await argon2.verify(upgraded, TEST_PASSWORD)).toBe(true);
    expect((await new Client(ctx.app, { ip: '10.4.0.2' }).login('old@a.test')).statusCode).toBe(
      200,
    );
  });

  it('keeps a burst of sign-ins within the bound, answering the rest 429, while other requests go on', async () => {
    const burst = 24;
    for (let i = 0; i < burst; i++)
      await makePerson(ctx.database.db, orgId, { email: `burst${i}@a.test`, locale: 'en' });
    await makePerson(ctx.database.db, orgId, { email: 'in-a-meeting@a.test' });
    const meeting = await signedIn(ctx.app, 'in-a-meeting@a.test');

    // Counted where the CPU is spent: inside argon2 itself.
    let running = 0;
    let peak = 0;
    const counting =
      <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
      async (...a: A): Promise<R> => {
        running++;
        peak = Math.max(peak, running);
        try {
          return await fn(...a);
        } finally {
          running--;
        }
      };
    const { verify, hash } = { verify: argon2.verify, hash: argon2.hash };
    vi.spyOn(argon2, 'verify').mockImplementation(counting(verify));
    vi.spyOn(argon2, 'hash').mockImplementation(counting(hash) as typeof argon2.hash);

    let burstDone = 0;
    const signIns = Array.from({ length: burst }, (_, i) =>
      new Client(ctx.app, { ip: `10.5.0.${i + 1}`, acceptLanguage: 'en' })
        .login(`burst${i}@a.test`)
        .then((res) => {
          burstDone++;
          return res;
        }),
    );
    // Meanwhile, someone in a meeting keeps working.
    const during = await meeting.get('/api/me');
    const doneWhenAnswered = burstDone;
    const results = await Promise.all(signIns);

    expect(during.statusCode).toBe(200);
    expect(doneWhenAnswered).toBeLessThan(burst);
    expect(peak).toBeLessThanOrEqual(CONCURRENCY);
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(CONCURRENCY + QUEUE);
    const busy = results.filter((r) => r.statusCode === 429);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) {
      expect(r.json().error.code).toBe('auth.busy');
      expect(r.json().error.message).toMatch(
        /^Many people are signing in right now\. Try again in \d+ seconds?\.$/,
      );
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    // A refused sign-in was never counted as a failure: trying again works.
    const retry = await new Client(ctx.app, { ip: '10.5.1.1' }).login(
      `burst${statuses.indexOf(429)}@a.test`,
    );
    expect(retry.statusCode).toBe(200);
  });
});
