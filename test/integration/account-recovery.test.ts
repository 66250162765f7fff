/**
 * Issue #11, item 1, the side doors: an HR person who puts their own address on a manager
 * (in the form or through an import) and then asks for a reset gets nothing; "forgot
 * password" answers the same whether or not the address exists, and is throttled; the mails
 * are in each person's language.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../src/db/schema/index';
import { translator } from '../../src/server/i18n';
import { Client, signedIn, testApp, type TestContext } from '../support/app';
import { makeOrg, makePerson } from '../support/factories';
import { mailsTo, tokenIn } from '../support/mail';

let ctx: TestContext;
let orgId: string;
let hr: Client;

const db = () => ctx.database.db;
const person = async (id: string) =>
  (await db().select().from(people).where(eq(people.id, id)))[0]!;

beforeAll(async () => {
  ctx = await testApp();
  orgId = (await makeOrg(db(), { defaultLocale: 'sv' })).id;
  await makePerson(db(), orgId, { email: 'hr@a.test', name: 'Hanna HR', roles: ['hr'] });
  hr = await signedIn(ctx.app, 'hr@a.test');
});
afterAll(() => ctx.close());

describe('an HR person who changes a manager’s address to their own', () => {
  it('cannot have a reset sent there, in the form: the old address is told and keeps resets', async () => {
    const m = await makePerson(db(), orgId, { email: 'maria@a.test', name: 'Maria' });
    const changed = await hr.patch(`/api/people/${m.id}`, { email: 'hanna.private@evil.test' });
    expect(changed.statusCode).toBe(200);
    const [told] = await mailsTo(db(), m.id, 'account.email_changed');
    expect(told).toMatchObject({ toAddress: 'maria@a.test' });
    expect(told!.textBody).toContain('hanna.private@evil.test');

    expect((await hr.post(`/api/people/${m.id}/password-link`)).json().kind).toBe('reset_sent');
    const anon = new Client(ctx.app, { ip: '10.1.0.1' });
    expect(
      (await anon.post('/api/auth/forgot-password', { email: 'hanna.private@evil.test' }))
        .statusCode,
    ).toBe(200);
    const resets = await mailsTo(db(), m.id, 'account.reset');
    expect(resets).toHaveLength(2);
    for (const r of resets) expect(r.toAddress).toBe('maria@a.test');

    // The person signs in with the new address themself: from then on it is theirs.
    const c = new Client(ctx.app, { ip: '10.1.0.2' });
    expect((await c.login('hanna.private@evil.test')).statusCode).toBe(200);
    expect((await person(m.id)).recoveryEmail).toBe('hanna.private@evil.test');
  });

  it('voids links mailed before the change', async () => {
    const m = await makePerson(db(), orgId, { email: 'olle@a.test' });
    await hr.post(`/api/people/${m.id}/password-link`);
    const token = tokenIn((await mailsTo(db(), m.id, 'account.reset'))[0]!)!;
    await hr.patch(`/api/people/${m.id}`, { email: 'olle.new@a.test' });
    const used = await new Client(ctx.app).post('/api/auth/set-password', {
      token,
      password: 'long enough password',
    });
    expect(used.json().error.code).toBe('auth.token_invalid');
  });

  it('cannot do it through an import either', async () => {
    const m = await makePerson(db(), orgId, {
      email: 'karl@a.test',
      name: 'Karl',
      employeeNumber: 'K1',
    });
    const res = await hr.request(
      'POST',
      '/api/people/import?mode=apply',
      'employee_number,name,email\nK1,Karl,hanna.private2@evil.test\n',
      { 'content-type': 'text/csv' },
    );
    expect(res.statusCode).toBe(200);
    expect((await mailsTo(db(), m.id, 'account.email_changed'))[0]).toMatchObject({
      toAddress: 'karl@a.test',
    });
    await new Client(ctx.app, { ip: '10.1.0.3' }).post('/api/auth/forgot-password', {
      email: 'hanna.private2@evil.test',
    });
    expect((await mailsTo(db(), m.id, 'account.reset'))[0]).toMatchObject({
      toAddress: 'karl@a.test',
    });
  });

  it('a mail already queued still goes to the address it was made for', async () => {
    const m = await makePerson(db(), orgId, { email: 'eva@a.test' });
    await hr.post(`/api/people/${m.id}/password-link`);
    await hr.patch(`/api/people/${m.id}`, { email: 'eva.elsewhere@evil.test' });
    const { mailOutboxRepository } =
      await import('../../src/server/repositories/mail-outbox.repository');
    const [reset] = await mailsTo(db(), m.id, 'account.reset');
    const delivery = await mailOutboxRepository.findForDelivery(db(), orgId, reset!.id);
    expect(delivery?.email).toBe('eva@a.test');
  });
});

describe('forgot password', () => {
  it('answers the same for a known and an unknown address; only the known one gets a mail', async () => {
    const p = await makePerson(db(), orgId, { email: 'sara@a.test' });
    const c = new Client(ctx.app, { ip: '10.2.0.1', acceptLanguage: 'sv' });
    const known = await c.post('/api/auth/forgot-password', { email: ' Sara@A.test ' });
    const unknown = await c.post('/api/auth/forgot-password', { email: 'nobody@a.test' });
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(known.body).toBe(unknown.body);
    const [mail] = await mailsTo(db(), p.id, 'account.reset');
    expect(mail!.textBody).not.toContain('Hanna HR');
    const token = tokenIn(mail!)!;
    const set = await c.post('/api/auth/set-password', { token, password: 'my own new password' });
    expect(set.statusCode).toBe(200);
    expect((await c.login('sara@a.test', 'my own new password')).statusCode).toBe(200);
  });

  it('mails a person at most three links an hour, and an address may ask ten times', async () => {
    const p = await makePerson(db(), orgId, { email: 'flood@a.test' });
    const c = new Client(ctx.app, { ip: '10.2.0.2', acceptLanguage: 'da' });
    for (let i = 0; i < 10; i++) {
      expect(
        (await c.post('/api/auth/forgot-password', { email: 'flood@a.test' })).statusCode,
      ).toBe(200);
    }
    expect(await mailsTo(db(), p.id, 'account.reset')).toHaveLength(3);
    const refused = await c.post('/api/auth/forgot-password', { email: 'flood@a.test' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('3600');
    expect(refused.json().error).toMatchObject({
      code: 'auth.reset_limited',
      message: 'For mange anmodninger om ny adgangskode herfra. Prøv igen om en time.',
    });
  });

  it('writes each person’s mails in their own language, all four', async () => {
    for (const [i, locale] of (['sv', 'da', 'nb', 'en'] as const).entries()) {
      const p = await makePerson(db(), orgId, { email: `lang-${locale}@a.test`, locale });
      await new Client(ctx.app, { ip: `10.3.0.${i + 1}` }).post('/api/auth/forgot-password', {
        email: p.email,
      });
      const t = await translator(locale);
      const [mail] = await mailsTo(db(), p.id, 'account.reset');
      expect(mail).toMatchObject({ locale, subject: t('account:reset.subject') });
      expect(mail!.htmlBody).toContain(`lang="${locale}"`);
      expect(mail!.textBody).toContain(t('account:reset.action'));
    }
  });
});
