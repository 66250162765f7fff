/**
 * A subject access request for a leaver, who can no longer sign in (decision 024): HR has a
 * one-time link mailed to the address the leaver gave; HR never gets the link or the data.
 */
import { sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client';
import { createVault, privateNoteContext, seal } from '../../src/domain/sealing/envelope';
import { createMailer } from '../../src/server/mail/mailer';
import type { OutgoingMessage } from '../../src/server/mail/transport';
import { testClock } from '../../src/server/clock';
import { Client, testApp, type TestContext } from '../support/app';
import { makePerson } from '../support/factories';
import { mailsTo, type OutboxMail } from '../support/mail';
import { makePrivacyWorld, SECRETS } from './privacy.factories';

let ctx: TestContext;
// The app's clock: a link's seven days pass by moving it, not by faking the process's timers.
const clock = testClock();
let world: Awaited<ReturnType<typeof makePrivacyWorld>>;
const GIVEN = 'Leaver.Private@Example.net';
const url = (id: string) => `/api/people/${id}/export-links`;

const SEALED_SECRET = 'leaver-sealed-9a3c';
let sealed: Awaited<ReturnType<typeof seal>>;

beforeAll(async () => {
  ctx = await testApp({}, { clock });
  world = await makePrivacyWorld(ctx, 'lvx');
  // Before leaving, the employee set up a vault and sealed a note on their next 1:1.
  const { c, w, seriesId, held } = world;
  const { wraps, key } = await createVault('en lång lösenfras för valvet');
  expect((await c.employee!.post('/api/vault', wraps)).statusCode).toBe(201);
  const meetings = (
    await c.employee!.get(`/api/one-on-ones/series/${seriesId}/meetings?limit=10`)
  ).json().items as { id: string }[];
  const next = meetings.find((m) => m.id !== held)!.id;
  sealed = await seal(key, SEALED_SECRET, privateNoteContext(next, w.employee.id), 1);
  const put = await c.employee!.request('PUT', `/api/one-on-ones/meetings/${next}/private-note`, {
    sealed,
    baseVersion: 0,
  });
  expect(put.statusCode).toBe(200);
});
afterAll(() => ctx.close());

const linkIn = (mail: Pick<OutboxMail, 'textBody'>) =>
  /\/download-my-data\?lang=[a-z]{2}#([A-Za-z0-9_-]{20,})/.exec(mail.textBody)?.[1];

async function download(token: string, c = new Client(ctx.app)) {
  return c.post('/api/export-links/download', { token });
}

function unzip(payload: Buffer) {
  const files = unzipSync(new Uint8Array(payload));
  const text = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
  return { files: text, all: Object.values(text).join('\n') };
}

/** The newest link mail to the leaver, with its token. */
async function newestLink() {
  const mails = await mailsTo(ctx.database.db, world.w.employee.id, 'privacy.export_link');
  const mail = mails.at(-1)!;
  return { mail, token: linkIn(mail)! };
}

describe('a leaver’s data, mailed as a one-time link', () => {
  it('is refused for an active person, an erased one, another organisation and anyone but HR', async () => {
    const { w, c } = world;
    const active = await c.hr!.post(url(w.employee.id), { email: GIVEN });
    expect(active.statusCode).toBe(409);
    expect(active.json().error.code).toBe('privacy.export_link_active');
    expect((await c.admin!.post(`/api/people/${w.employee.id}/deactivate`)).statusCode).toBe(200);
    // The employee's own manager is not HR; another organisation is told nothing exists.
    expect((await c.manager!.post(url(w.employee.id), { email: GIVEN })).statusCode).toBe(403);
    expect((await c.stranger!.post(url(w.employee.id), { email: GIVEN })).statusCode).toBe(404);
    expect((await c.hr!.post(url(crypto.randomUUID()), { email: GIVEN })).statusCode).toBe(404);
    // Someone already erased has nothing left to send.
    const gone = await makePerson(ctx.database.db, w.org.id, { email: 'gone-lvx@a.test' });
    await c.hr!.post(`/api/people/${gone.id}/deactivate`);
    const erased = await c.hr!.post(`/api/people/${gone.id}/erase`, { confirmName: gone.name });
    expect(erased.statusCode).toBe(200);
    expect((await c.hr!.post(url(gone.id), { email: GIVEN })).statusCode).toBe(404);
    // The mail to Settings → My data is useless to a leaver: HR is pointed to the link.
    const old = await c.hr!.post(`/api/people/${w.employee.id}/access-requests`);
    expect(old.statusCode).toBe(409);
    expect(old.json().error.code).toBe('privacy.use_export_link');
    const shown = (await c.hr!.get(`/api/people/${w.employee.id}`)).json();
    expect(shown.can).toMatchObject({ sendExportLink: true, requestAccess: false });
    expect(await mailsTo(ctx.database.db, w.employee.id, 'privacy.export_link')).toHaveLength(0);
  });

  it('refuses an address of anyone in the organisation, naming the field', async () => {
    const { w, c } = world;
    // HR's own, a colleague's in other letter case, the leaver's own work address.
    for (const email of [w.hr.email, w.manager.email.toUpperCase(), w.employee.email]) {
      const res = await c.hr!.post(url(w.employee.id), { email });
      expect(res.statusCode, email).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('privacy.address_in_organisation');
      expect(error.fields[0]).toMatchObject({ path: 'email' });
      expect(error.message).toContain('organisation'); // translated (Swedish)
    }
    const bad = await c.hr!.post(url(w.employee.id), { email: 'not an address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('email');
    expect(await mailsTo(ctx.database.db, w.employee.id, 'privacy.export_link')).toHaveLength(0);
  });

  it('mails the link to the given address, in the leaver’s language; HR gets the envelope', async () => {
    const { w, c } = world;
    const res = await c.hr!.post(url(w.employee.id), { email: GIVEN });
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
    expect(body).toMatchObject({ sentTo: 'l•••@example.net', state: 'waiting', fulfilledAt: null });
    const days = (Date.parse(body.expiresAt) - Date.parse(body.createdAt)) / 86_400_000;
    expect(days).toBe(7);

    const { mail, token } = await newestLink();
    expect(token).toBeDefined();
    expect(mail.toAddress).toBe('leaver.private@example.net');
    expect(mail.locale).toBe('da');
    expect(mail.subject).toBe('Dine data fra Samtal: downloadlink');
    expect(mail.textBody).not.toContain(SECRETS.shared);
    // Neither the link nor the data reaches HR: not in the answer, not in HR's mail.
    expect(res.body).not.toContain(token);
    expect(await mailsTo(ctx.database.db, w.hr.id)).toHaveLength(0);
    const list = await c.hr!.get(`/api/people/${w.employee.id}/access-requests`);
    expect(list.body).not.toContain(token);
    expect(list.body).not.toContain('leaver.private');
    // The only thing stored is the hash of the secret.
    expect(
      JSON.stringify(await queryRows(ctx.database.db, sql`select * from access_requests`)),
    ).not.toContain(token);
    // The administrator's mailbox shows the address masked.
    const box = (await c.admin!.get('/api/admin/mailbox')).json();
    const envelope = box.items.find((m: { kind: string }) => m.kind === 'privacy.export_link');
    expect(envelope.recipient.email).toBe('l•••@example.net');

    // Delivered although the person is deactivated, to the given address only.
    const sent: OutgoingMessage[] = [];
    const mailer = createMailer({
      queue: null,
      transport: { send: async (m) => void sent.push(m), close: () => undefined },
      from: 'Samtal <samtal@example.test>',
      messageIdDomain: 'example.test',
    });
    expect(await mailer.deliver(ctx.database.db, mail.orgId, mail.id)).toBe('sent');
    expect(sent.map((m) => m.to.address)).toEqual(['leaver.private@example.net']);
  });

  it('downloads the leaver’s shared data once, with none of anyone else’s private notes', async () => {
    const { w, c } = world;
    const { token } = await newestLink();
    const res = await download(token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['cache-control']).toBe('no-store');
    const { files, all } = unzip(res.rawPayload);
    expect(JSON.parse(files['profile.json']!)[0]).toMatchObject({ id: w.employee.id });
    expect(all).toContain(SECRETS.shared);
    expect(all).toContain(SECRETS.checkIn);
    expect(JSON.parse(files['minutes.json']!)).toHaveLength(1);
    expect(all).toContain(SECRETS.employeePrivate); // their own
    expect(all).not.toContain(SECRETS.managerPrivate);
    expect(all).not.toContain(SECRETS.managerReflection);
    // Their sealed note is there as the server holds it, never opened.
    expect(all).toContain(sealed.ciphertext);
    expect(all).not.toContain(SEALED_SECRET);
    // The README is in their language and says their sealed notes stay sealed.
    expect(files['README.txt']).toContain('Dine data i Samtal');
    expect(files['README.txt']).toContain('forbliver de forseglede');
    expect(files['README.html']).toContain('<html lang="da">');

    const again = await download(token);
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('privacy.link_used');
    const danish = await download(token, new Client(ctx.app, { acceptLanguage: 'da' }));
    expect(danish.json().error.message).toContain('allerede brugt');

    const list = (await c.hr!.get(`/api/people/${w.employee.id}/access-requests`)).json();
    expect(list.items[0]).toMatchObject({ state: 'downloaded', sentTo: 'l•••@example.net' });
    expect(list.items[0].fulfilledAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(SECRETS.shared);
  });

  it('audits the request and the download without content, with the address masked', async () => {
    const { c } = world;
    for (const kind of ['privacy.export_link_sent', 'privacy.export_link_used']) {
      const res = await c.admin!.get(`/api/admin/audit?kind=${kind}`);
      const items = res.json().items as { details: Record<string, unknown> }[];
      expect(items, kind).toHaveLength(1);
      expect(items[0]!.details.to).toBe('l•••@example.net');
      expect(res.body).not.toContain('leaver.private');
      expect(res.body).not.toContain(SECRETS.shared);
    }
  });

  it('no longer works after seven days', async () => {
    const { w, c } = world;
    expect((await c.hr!.post(url(w.employee.id), { email: GIVEN })).statusCode).toBe(201);
    const { token } = await newestLink();
    const aWeekAndAMinute = 7 * 86_400_000 + 60_000;
    clock.advance(aWeekAndAMinute);
    try {
      const res = await download(token);
      expect(res.statusCode).toBe(410);
      expect(res.json().error.code).toBe('privacy.link_expired');
      const list = (await c.hr!.get(`/api/people/${w.employee.id}/access-requests`)).json();
      expect(list.items[0]).toMatchObject({ state: 'expired', fulfilledAt: null });
    } finally {
      clock.advance(-aWeekAndAMinute);
    }
  });

  it('answers an unknown link with not found, and too many failures with “wait”', async () => {
    const c = new Client(ctx.app, { ip: '10.9.9.9' });
    for (let i = 0; i < 10; i++) {
      const res = await download(`made-up-token-${i}-xxxxxxxxxxxxxxxx`, c);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('privacy.link_invalid');
    }
    const limited = await download('made-up-token-last-xxxxxxxxxxxxxxxx', c);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('3600');
    // Another address is not held up by it.
    expect((await download('made-up-token-other-xxxxxxxxxxxxxxx')).statusCode).toBe(404);
  });

  it('works only while it is the newest link', async () => {
    const { w, c } = world;
    expect((await c.hr!.post(url(w.employee.id), { email: GIVEN })).statusCode).toBe(201);
    const { token: older } = await newestLink();
    expect((await c.hr!.post(url(w.employee.id), { email: GIVEN })).statusCode).toBe(201);
    const res = await download(older);
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('privacy.link_expired');
    const list = (await c.hr!.get(`/api/people/${w.employee.id}/access-requests`)).json();
    expect(list.items.map((r: { state: string }) => r.state).slice(0, 2)).toEqual([
      'waiting',
      'expired',
    ]);
  });

  it('is deleted when the leaver is erased', async () => {
    const { w, c } = world;
    const { token } = await newestLink();
    const erased = await c.hr!.post(`/api/people/${w.employee.id}/erase`, {
      confirmName: w.employee.name,
    });
    expect(erased.statusCode).toBe(200);
    const rows = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from access_requests where person_id = ${w.employee.id}`,
    );
    expect(rows[0]!.n).toBe(0);
    expect(await mailsTo(ctx.database.db, w.employee.id, 'privacy.export_link')).toHaveLength(0);
    const res = await download(token);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('privacy.link_invalid');
  });
});
