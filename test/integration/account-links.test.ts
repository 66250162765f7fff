/**
 * Issue #11, item 1: HR and administrators never get a usable sign-in or reset link for
 * someone who has a password or has ever signed in. Each attack reproduces what was found and
 * sees it fail; the person gets their link by mail, at their own address, in their language.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordTokens, people } from '../../src/db/schema/index';
import { Client, signedIn, testApp, type TestContext } from '../support/app';
import { makeOrg, makePerson } from '../support/factories';
import { mailsTo, tokenIn } from '../support/mail';

let ctx: TestContext;
let orgId: string;
let hr: Client;
let admin: Client;
let manager: Awaited<ReturnType<typeof makePerson>>;

const db = () => ctx.database.db;
const person = async (id: string) =>
  (await db().select().from(people).where(eq(people.id, id)))[0]!;

beforeAll(async () => {
  ctx = await testApp();
  orgId = (await makeOrg(db(), { defaultLocale: 'sv' })).id;
  await makePerson(db(), orgId, { email: 'hr@a.test', name: 'Hanna HR', roles: ['hr'] });
  await makePerson(db(), orgId, { email: 'admin@a.test', name: 'Adam Admin', roles: ['admin'] });
  manager = await makePerson(db(), orgId, { email: 'chef@a.test', name: 'Maria Chef' });
  hr = await signedIn(ctx.app, 'hr@a.test');
  admin = await signedIn(ctx.app, 'admin@a.test');
});
afterAll(() => ctx.close());

describe('a link for someone who has a password', () => {
  it('never reaches HR: the answer holds no link, the person gets it by mail', async () => {
    const res = await hr.post(`/api/people/${manager.id}/password-link`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'kind']);
    expect(body.kind).toBe('reset_sent');
    expect(res.body).not.toMatch(/set-password/);

    const [mail] = await mailsTo(db(), manager.id, 'account.reset');
    expect(mail).toMatchObject({ toAddress: 'chef@a.test', locale: 'sv' });
    expect(mail!.textBody).toContain('Hanna HR');
    expect(mail!.htmlBody).toContain('<!doctype html>');
    const token = tokenIn(mail!);
    expect(token).toBeDefined();
    // Only the recipient may read it in Samtal: not the administrator's mailbox.
    expect((await admin.get(`/api/admin/mailbox/${mail!.id}`)).statusCode).toBe(404);

    // The manager uses it; HR's guesses at it never work.
    const anon = new Client(ctx.app);
    expect(
      (
        await anon.post('/api/auth/set-password', {
          token: 'x'.repeat(43),
          password: 'hr guess 12345',
        })
      ).statusCode,
    ).toBe(400);
    const set = await anon.post('/api/auth/set-password', {
      token,
      password: 'the manager chose this',
    });
    expect(set.statusCode).toBe(200);
    expect(set.cookies.find((c) => c.name === 'samtal_device')).toMatchObject({
      httpOnly: true,
      path: '/api/auth',
    });
    expect((await anon.login('chef@a.test', 'the manager chose this')).statusCode).toBe(200);
  });

  it('never reaches an administrator either, nor for someone who signed in without a password', async () => {
    const sso = await makePerson(db(), orgId, {
      email: 'sso@a.test',
      passwordHash: null,
      recoveryEmail: 'sso@a.test',
      lastSignedInAt: new Date(),
    });
    for (const id of [manager.id, sso.id]) {
      const res = await admin.post(`/api/people/${id}/password-link`);
      expect(res.json().kind).toBe('reset_sent');
      expect(res.json().url).toBeUndefined();
    }
  });

  it('tells the person whenever their password changes', async () => {
    const before = (await mailsTo(db(), manager.id, 'account.password_changed')).length;
    const c = await signedIn(ctx.app, 'chef@a.test', 'the manager chose this');
    const res = await c.post('/api/me/password', {
      currentPassword: 'the manager chose this',
      newPassword: 'another long password',
    });
    expect(res.statusCode).toBe(200);
    const mails = await mailsTo(db(), manager.id, 'account.password_changed');
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)!.subject).toBe('Ditt lösenord till Samtal har ändrats');
  });

  it('is refused for a deactivated person, and reactivation gives HR nothing', async () => {
    const gone = await makePerson(db(), orgId, { email: 'gone@a.test', active: false });
    const res = await hr.post(`/api/people/${gone.id}/password-link`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('account.inactive');
    const back = await hr.post(`/api/people/${gone.id}/reactivate`);
    expect(back.statusCode).toBe(200);
    expect(back.body).not.toMatch(/set-password|token/);
  });
});

describe('a first-time invitation', () => {
  it('is given to HR for someone who has never signed in: 72 hours, once, and mailed to them', async () => {
    const newcomer = await makePerson(db(), orgId, {
      email: 'ny@a.test',
      name: 'Nils Ny',
      locale: 'da',
      passwordHash: null,
    });
    const res = await hr.post(`/api/people/${newcomer.id}/password-link`);
    expect(res.statusCode).toBe(200);
    const link = res.json();
    expect(link.kind).toBe('invitation');
    const hours = (Date.parse(link.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    const token = new URL(link.url).hash.slice(1);

    const [mail] = await mailsTo(db(), newcomer.id, 'account.invitation');
    expect(mail).toMatchObject({ locale: 'da', subject: 'Din invitation til Samtal' });
    expect(tokenIn(mail!)).toBe(token);

    const anon = new Client(ctx.app);
    const short = await anon.post('/api/auth/set-password', { token, password: 'short' });
    expect(short.json().error.fields[0]).toMatchObject({ path: 'password', code: 'too_short' });
    const ok = await anon.post('/api/auth/set-password', {
      token,
      password: 'a long new password',
    });
    expect(ok.statusCode).toBe(200);
    const again = await anon.post('/api/auth/set-password', {
      token,
      password: 'hr sets it again',
    });
    expect(again.json().error.code).toBe('auth.token_invalid');
    expect((await person(newcomer.id)).recoveryEmail).toBe('ny@a.test');
    expect(await mailsTo(db(), newcomer.id, 'account.password_changed')).toHaveLength(1);

    // From now on HR gets no link for them.
    expect((await hr.post(`/api/people/${newcomer.id}/password-link`)).json().kind).toBe(
      'reset_sent',
    );
  });

  it('replaces the previous one, expires, and dies once the person has a password', async () => {
    const p = await makePerson(db(), orgId, { email: 'late@a.test', passwordHash: null });
    const first = new URL(
      (await hr.post(`/api/people/${p.id}/password-link`)).json().url,
    ).hash.slice(1);
    const second = new URL(
      (await hr.post(`/api/people/${p.id}/password-link`)).json().url,
    ).hash.slice(1);
    const anon = new Client(ctx.app);
    const use = (token: string) =>
      anon.post('/api/auth/set-password', { token, password: 'long enough password' });
    expect((await use(first)).json().error.code).toBe('auth.token_invalid');

    // Past its 72 hours it does not work.
    await db()
      .update(passwordTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordTokens.personId, p.id));
    expect((await use(second)).json().error.code).toBe('auth.token_invalid');

    // HR keeps an invitation; the person resets their password through their own mail first.
    const kept = new URL(
      (await hr.post(`/api/people/${p.id}/password-link`)).json().url,
    ).hash.slice(1);
    await new Client(ctx.app).post('/api/auth/forgot-password', { email: 'late@a.test' });
    const reset = tokenIn((await mailsTo(db(), p.id, 'account.reset')).at(-1)!)!;
    expect((await use(reset)).statusCode).toBe(200);
    expect((await use(kept)).json().error.code).toBe('auth.token_invalid');
  });
});
