/**
 * Issue #11, item 7: an outsider cannot keep a person out of Samtal. Failed sign-ins from
 * clients without the account's device cookie share one budget; a browser that signed in
 * before has its own (OWASP's device cookies); each address waits longer after each failure.
 * Guessing stays as slow as before: five tries per account per window from unknown clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/server/i18n';
import { Client, testApp, type TestContext } from '../support/app';
import { ageAttempts, makeOrg, makePerson, TEST_PASSWORD } from '../support/factories';
import { mailsTo, tokenIn } from '../support/mail';

let ctx: TestContext;
let orgId: string;
let ipCounter = 0;
/** A client from an address of its own, as an attacker with many addresses has. */
const fresh = (acceptLanguage = 'sv') =>
  new Client(ctx.app, {
    ip: `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`,
    acceptLanguage,
  });

beforeAll(async () => {
  ctx = await testApp();
  orgId = (await makeOrg(ctx.database.db)).id;
});
afterAll(() => ctx.close());

/** Five wrong passwords from five addresses: the budget for unknown clients is spent. */
async function exhaustUnknownClients(email: string) {
  for (let i = 0; i < 5; i++)
    expect((await fresh().login(email, 'guess number ' + i)).statusCode).toBe(401);
}

describe('sign-in lock-out', () => {
  it('lets the manager sign in from their own browser while an outsider hammers the account', async () => {
    await makePerson(ctx.database.db, orgId, { email: 'maria@a.test' });
    const browser = fresh();
    expect((await browser.login('maria@a.test')).statusCode).toBe(200);
    expect((await browser.post('/api/auth/logout')).statusCode).toBe(200);

    await exhaustUnknownClients('maria@a.test');
    for (let i = 0; i < 20; i++) {
      const res = await fresh().login('maria@a.test', 'still guessing');
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('auth.locked');
    }
    // Her own browser still gets in, before the meeting.
    expect((await browser.login('maria@a.test')).statusCode).toBe(200);
    expect((await browser.get('/api/me')).statusCode).toBe(200);
  });

  it('keeps guessing as slow as before: unknown clients get five tries, then not even the right password', async () => {
    await makePerson(ctx.database.db, orgId, { email: 'erik@a.test' });
    await exhaustUnknownClients('erik@a.test');
    const res = await fresh('en').login('erik@a.test', TEST_PASSWORD);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('900');
    expect(res.json().error.message).toBe(
      (await translator('en'))('errors:auth.locked', { minutes: 15 }),
    );
    // An unknown address is limited the same way, so the answer reveals nothing.
    await exhaustUnknownClients('nobody@a.test');
    expect((await fresh().login('nobody@a.test', 'x')).json().error.code).toBe('auth.locked');
  });

  it('gives a known browser a budget of its own, spent by its own failures only', async () => {
    await makePerson(ctx.database.db, orgId, { email: 'ahmed@a.test' });
    const browser = fresh();
    expect((await browser.login('ahmed@a.test')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++)
      expect((await browser.login('ahmed@a.test', 'typo ' + i)).statusCode).toBe(401);
    // Its own budget is spent: it counts as an unknown client again, whose budget is intact.
    expect((await browser.login('ahmed@a.test')).statusCode).toBe(200);
  });

  it('trusts only a device cookie Samtal signed, for the account it was made for', async () => {
    await makePerson(ctx.database.db, orgId, { email: 'lars@a.test' });
    const victim = await makePerson(ctx.database.db, orgId, { email: 'victim@a.test' });
    const attacker = fresh();
    expect((await attacker.login('lars@a.test')).statusCode).toBe(200); // a cookie for lars
    await exhaustUnknownClients('victim@a.test');
    // Lars's cookie does not open victim's budget, and a forged one for victim is ignored.
    expect((await attacker.login('victim@a.test', TEST_PASSWORD)).statusCode).toBe(429);
    const forger = fresh();
    forger.setCookie('samtal_device', `${victim.id}.forged-nonce.bad-signature`);
    const forged = await forger.login('victim@a.test', TEST_PASSWORD);
    expect(forged.statusCode).toBe(429);
  });

  it('gives a browser where the person chose a new password through their mail its own budget', async () => {
    const p = await makePerson(ctx.database.db, orgId, { email: 'nora@a.test', locale: 'nb' });
    await exhaustUnknownClients('nora@a.test');
    const phone = fresh('nb');
    expect((await phone.login('nora@a.test')).statusCode).toBe(429);
    await phone.post('/api/auth/forgot-password', { email: 'nora@a.test' });
    const token = tokenIn((await mailsTo(ctx.database.db, p.id, 'account.reset'))[0]!)!;
    expect(
      (await phone.post('/api/auth/set-password', { token, password: 'a fresh password!' }))
        .statusCode,
    ).toBe(200);
    expect((await phone.login('nora@a.test', 'a fresh password!')).statusCode).toBe(200);
  });

  it('makes one address wait longer after each failure, saying for how long', async () => {
    const c = new Client(ctx.app, { ip: '10.8.0.1', acceptLanguage: 'da' });
    for (let i = 0; i < 3; i++)
      expect((await c.login(`spray${i}@a.test`, 'wrong')).statusCode).toBe(401);
    const waits: string[] = [];
    for (let i = 3; i < 7; i++) {
      const early = await c.login(`spray${i}@a.test`, 'wrong');
      expect(early.statusCode).toBe(429);
      expect(early.json().error.code).toBe('auth.slow_down');
      waits.push(early.headers['retry-after'] as string);
      await ageAttempts(ctx, Number(early.headers['retry-after']));
      expect((await c.login(`spray${i}@a.test`, 'wrong')).statusCode).toBe(401);
    }
    expect(waits).toEqual(['1', '2', '4', '8']);
    const message = (await c.login('spray@a.test', 'wrong')).json().error.message;
    expect(message).toMatch(/^Vent \d+ sekund(er)?, før du prøver igen\.$/);
  });
});
