/**
 * Access and export (decision 024): a person downloads their own data; HR can only ask for it
 * on their behalf and never receives the content.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app';
import { mailsTo } from '../support/mail';
import { makePrivacyWorld, SECRETS } from './privacy.factories';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof makePrivacyWorld>>;

beforeAll(async () => {
  ctx = await testApp();
  world = await makePrivacyWorld(ctx, 'exp');
});
afterAll(() => ctx.close());

async function download(who: 'employee' | 'manager') {
  const res = await world.c[who]!.get('/api/me/export.zip');
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/zip');
  const files = unzipSync(new Uint8Array(res.rawPayload));
  const text = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
  return { files: text, all: Object.values(text).join('\n') };
}

describe('personal data export', () => {
  it('holds the person’s own data, their own private notes and none of anyone else’s', async () => {
    const { files, all } = await download('employee');
    expect(JSON.parse(files['profile.json']!)[0]).toMatchObject({
      id: world.w.employee.id,
      email: world.w.employee.email,
    });
    expect(all).toContain(SECRETS.shared);
    expect(all).toContain(SECRETS.employeePrivate);
    expect(all).toContain(SECRETS.checkIn);
    expect(JSON.parse(files['minutes.json']!)).toHaveLength(1);
    expect(JSON.parse(files['actions.json']!)).toHaveLength(1);
    expect(JSON.parse(files['mails.json']!).length).toBeGreaterThan(0);
    // The manager's private note and reflection about them are never in it.
    expect(all).not.toContain(SECRETS.managerPrivate);
    expect(all).not.toContain(SECRETS.managerReflection);
    expect(all).not.toContain('password');
    // The README is in the person's language (Danish) and says what is not included.
    expect(files['README.txt']).toContain('Dine data i Samtal');
    expect(files['README.txt']).toContain('private noter');
    expect(files['README.html']).toContain('<html lang="da">');
    expect(files['README.html']).toContain('Dine data i Samtal');
  });

  it('gives the manager their reflection and private note, not the employee’s', async () => {
    const { all } = await download('manager');
    expect(all).toContain(SECRETS.managerPrivate);
    expect(all).toContain(SECRETS.managerReflection);
    expect(all).not.toContain(SECRETS.employeePrivate);
  });

  it('gives the manager their own sealed reminders, as sealed as the server holds them', async () => {
    const { oneOnOneReminders } = await import('../../src/db/schema/index');
    await ctx.database.db.insert(oneOnOneReminders).values({
      orgId: world.w.org.id,
      id: crypto.randomUUID(),
      seriesId: world.seriesId,
      meetingId: world.held,
      authorId: world.w.manager.id,
      originStartsAt: new Date(),
      ciphertext: 'c2VhbGVkLXJlbWluZGVy',
      iv: 'AAAAAAAAAAAAAAAA',
      keyVersion: 1,
    });
    const mine = JSON.parse((await download('manager')).files['remindersToAsk.json']!);
    expect(mine).toEqual([
      expect.objectContaining({ series_id: world.seriesId, ciphertext: 'c2VhbGVkLXJlbWluZGVy' }),
    ]);
    const theirs = await download('employee');
    expect(JSON.parse(theirs.files['remindersToAsk.json']!)).toEqual([]);
    expect(theirs.all).not.toContain('c2VhbGVkLXJlbWluZGVy');
  });

  it('is audited without content', async () => {
    const res = await world.c.admin!.get(`/api/admin/audit?kind=export.personal_data`);
    const items = res.json().items as { details: Record<string, unknown> }[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items[0]!.details).toMatchObject({ format: 'zip' });
    expect(JSON.stringify(items)).not.toContain(SECRETS.shared);
  });
});

describe('an access request HR makes on someone’s behalf', () => {
  it('returns an envelope to HR and tells the person, who downloads it themself', async () => {
    const { w, c } = world;
    const res = await c.hr!.post(`/api/people/${w.employee.id}/access-requests`);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual([
      'createdAt',
      'expiresAt',
      'fulfilledAt',
      'id',
      'sentTo',
      'state',
    ]);
    // Not a mailed link: the person signs in and downloads it themself.
    expect(body).toMatchObject({ sentTo: null, expiresAt: null, state: 'waiting' });
    expect(res.body).not.toContain(SECRETS.shared);
    expect(res.body).not.toContain(SECRETS.employeePrivate);

    const mails = await mailsTo(ctx.database.db, w.employee.id, 'privacy.access_request');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.textBody).toContain('/settings');
    expect(mails[0]!.textBody).not.toContain(SECRETS.shared);
    // Nothing about it reaches HR's mailbox.
    expect(await mailsTo(ctx.database.db, w.hr.id, 'privacy.%')).toHaveLength(0);

    // HR sees only when it was asked and when it was fetched.
    await world.c.employee!.get('/api/me/export.zip');
    const list = (await c.hr!.get(`/api/people/${w.employee.id}/access-requests`)).json();
    expect(list.items[0].fulfilledAt).not.toBeNull();
    expect(list.items[0].state).toBe('downloaded');
    expect(JSON.stringify(list)).not.toContain(SECRETS.shared);
  });

  it('gives HR no way to download another person’s export', async () => {
    // The export has no person parameter: HR's own call returns HR's own data only.
    const { all } = await (async () => {
      const res = await world.c.hr!.get(`/api/me/export.zip?person=${world.w.employee.id}`);
      const files = unzipSync(new Uint8Array(res.rawPayload));
      return {
        all: Object.values(files)
          .map((f) => strFromU8(f))
          .join('\n'),
      };
    })();
    expect(all).not.toContain(SECRETS.shared);
    expect(all).not.toContain(SECRETS.employeePrivate);
    expect(all).toContain(world.w.hr.email);
  });

  it('is for HR only, and not across organisations', async () => {
    const { w, c } = world;
    expect((await c.manager!.post(`/api/people/${w.employee.id}/access-requests`)).statusCode).toBe(
      403,
    );
    expect(
      (await c.stranger!.post(`/api/people/${w.employee.id}/access-requests`)).statusCode,
    ).toBe(404);
  });
});
