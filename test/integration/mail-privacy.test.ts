/**
 * Nobody but a mail's recipient reads its content in Samtal (issue #11 item 4, decision 025).
 * Administrators see envelopes and may send a mail again; HR sees no mail; each person reads
 * their own mails. Against a real SMTP server and the real job queue, so "send again" is seen
 * to deliver.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { mailOutbox } from '../../src/db/schema/index';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { JobQueue, FAST_TIMING } from '../../src/server/jobs/queue';
import { JOB_KINDS } from '../../src/server/jobs/workers';
import { MAIL_DELIVER_JOB } from '../../src/server/mail/mailer';
import { Client } from '../support/app';
import { freshDatabase } from '../support/database';
import { makePerson } from '../support/factories';
import {
  bookSeries,
  clientsFor,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';
import { eventually, TestSmtpServer } from '../support/smtp';

const smtp = new TestSmtpServer();
let database: Database;
let queue: JobQueue;
let app: FastifyInstance;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;
let minutesId: string;
let managerMinutesId: string | undefined;

/** Words written in the meeting: none may reach anyone but the pair, through any route. */
const SECRETS = ['Flytning til Aarhus', 'Har talt med lægen', 'Søg orlov inden marts'];

type Envelope = Record<string, unknown> & {
  id: string;
  kind: string;
  status: string;
  recipient: { id: string; email: string };
};
const mailbox = async (who: Client, query = '') => {
  const res = await who.get(`/api/admin/mailbox${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Envelope[]; nextCursor: string | null };
};
const row = async (id: string) =>
  (
    await database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.orgId, w.org.id), eq(mailOutbox.id, id)))
  )[0]!;

beforeAll(async () => {
  await smtp.up();
  database = await freshDatabase();
  queue = new JobQueue(database, FAST_TIMING);
  await queue.start(JOB_KINDS);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SMTP_URL: smtp.url,
    JOB_TIMING: 'fast',
    PUBLIC_URL: 'https://samtal.example',
  });
  app = await buildApp(config, database, { queue });
  await app.ready();
  await queue.work(MAIL_DELIVER_JOB, async ({ orgId, outboxId }) => {
    await app.mailer.deliver(database.db, orgId, outboxId);
  });

  w = await makeOneOnOneWorld(database.db, 'mailpriv');
  c = await clientsFor(app, w);
  const { meetings } = await bookSeries(c.manager, w.employee.id);
  const m = meetings[0]!.id;
  // The employee's topic, a shared note and an action: all in the minutes mail.
  const topic = await c.employee.post(`/api/one-on-ones/meetings/${m}/points`, {
    title: SECRETS[0],
  });
  expect(topic.statusCode).toBe(201);
  const note = await c.manager.request('PUT', `/api/one-on-ones/points/${topic.json().id}/note`, {
    body: SECRETS[1],
    baseVersion: 0,
  });
  expect(note.statusCode).toBe(200);
  const action = await c.manager.post(`/api/one-on-ones/meetings/${m}/actions`, {
    title: SECRETS[2],
    ownerId: w.employee.id,
  });
  expect(action.statusCode).toBe(201);
  expect((await c.manager.post(`/api/one-on-ones/meetings/${m}/finish`)).statusCode).toBe(200);
  const minutes = await database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.orgId, w.org.id), eq(mailOutbox.kind, 'one_on_one.minutes')));
  const toEmployee = minutes.find((x) => x.recipientId === w.employee.id)!;
  minutesId = toEmployee.id;
  managerMinutesId = minutes.find((x) => x.recipientId === w.manager.id)?.id;
  // The minutes really carry what was said (else this test proves nothing).
  for (const s of SECRETS) expect(toEmployee.textBody).toContain(s);
  await eventually(async () => (await row(minutesId)).status === 'sent');
}, 60_000);

afterAll(async () => {
  await app?.close();
  await queue?.stop();
  await database?.close();
  await smtp.down();
});

describe('the admin’s mailbox shows envelopes only', () => {
  it('lists recipient, kind, state, attempts, error and times, and no subject or body', async () => {
    const { items } = await mailbox(c.admin, '?limit=100');
    const minutes = items.find((m) => m.id === minutesId)!;
    expect(minutes).toMatchObject({
      kind: 'one_on_one.minutes',
      status: 'sent',
      attempts: 1,
      lastError: null,
      nextAttemptAt: null,
      recipient: { id: w.employee.id, email: w.employee.email },
    });
    expect(Object.keys(minutes).sort()).toEqual(
      [
        'attempts',
        'createdAt',
        'hasCalendar',
        'id',
        'kind',
        'lastAttemptAt',
        'lastError',
        'locale',
        'nextAttemptAt',
        'recipient',
        'resentAt',
        'sentAt',
        'status',
      ].sort(),
    );
    const text = JSON.stringify(items);
    for (const s of SECRETS) expect(text).not.toContain(s);
    // A subject names the meeting; no subject of any mail is in the list.
    const subjects = await database.db.select({ s: mailOutbox.subject }).from(mailOutbox);
    for (const { s } of subjects) expect(text).not.toContain(s);
  });

  it('answers 404 at the old detail URL, for everyone', async () => {
    for (const who of [c.admin, c.hr, c.employee, c.stranger]) {
      const res = await who.get(`/api/admin/mailbox/${minutesId}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });

  it('is refused to HR, managers and employees, and shows another tenant nothing', async () => {
    for (const who of [c.hr, c.manager, c.employee])
      expect((await who.get('/api/admin/mailbox')).statusCode).toBe(403);
    expect((await new Client(app).get('/api/admin/mailbox')).statusCode).toBe(401);
    const theirs = await mailbox(c.stranger, '?limit=100');
    expect(theirs.items.some((m) => m.id === minutesId)).toBe(false);
  });

  it('filters by state and kind and pages without gaps or repeats', async () => {
    const all = (await mailbox(c.admin, '?limit=100')).items;
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await mailbox(c.admin, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((m) => m.id));
    const minutes = await mailbox(c.admin, '?kind=one_on_one.minutes&status=sent');
    expect(minutes.items.map((m) => m.id)).toContain(minutesId);
    expect(minutes.items.every((m) => m.kind === 'one_on_one.minutes')).toBe(true);
    expect((await mailbox(c.admin, '?status=failed')).items).toEqual([]);
    const feb30 = Buffer.from(`2026-02-30T00:00:00.000000Z|${minutesId}`).toString('base64url');
    for (const bad of [
      '?status=lost',
      '?kind=%3Cscript%3E',
      '?cursor=nope',
      `?cursor=${feb30}`,
      '?limit=1000',
    ]) {
      const res = await c.admin.get(`/api/admin/mailbox${bad}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation');
    }
  });

  it('pages through mails written within one millisecond without skipping any', async () => {
    // PostgreSQL keeps microseconds; a cursor with milliseconds would skip these.
    for (let i = 1; i <= 5; i++)
      await database.db.execute(sql`
        insert into mail_outbox (org_id, id, recipient_id, kind, locale, subject, text_body,
          html_body, dedupe_key, status, created_at)
        values (${w.org.id}, ${crypto.randomUUID()}, ${w.employee.id}, 'test.paging', 'sv', 'x',
          'x', 'x', ${`paging-${i}`}, 'sent', ${`2026-01-01T00:00:00.000${i}00Z`}::timestamptz)`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await mailbox(
        c.admin,
        `?kind=test.paging&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const own: string[] = [];
    cursor = null;
    do {
      const res = await c.employee.get(`/api/me/mail?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      const page = res.json() as { items: { id: string }[]; nextCursor: string | null };
      own.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    for (const id of seen) expect(own).toContain(id);
    expect(new Set(own).size).toBe(own.length);
  });

  it('no GET route gives HR or an administrator any of the minutes’ content', async () => {
    const paths = Object.entries(
      (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths as Record<
        string,
        Record<string, unknown>
      >,
    )
      .filter(([, methods]) => 'get' in methods)
      .map(([p]) => p);
    expect(paths.length).toBeGreaterThan(30);
    const ids = [minutesId, w.employee.id, w.manager.id, w.org.id];
    for (const who of [c.admin, c.hr]) {
      for (const path of paths) {
        const urls = path.includes('{') ? ids.map((id) => path.replace(/\{[^}]+\}/g, id)) : [path];
        for (const url of urls) {
          const res = await who.get(url);
          for (const s of SECRETS) expect(res.body, `${url}`).not.toContain(s);
        }
      }
    }
  }, 60_000);
});

describe('each person reads their own mail', () => {
  it('lists the person’s own mails and shows one as it was sent, in their language', async () => {
    const list = await c.employee.get('/api/me/mail?limit=100');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; kind: string; locale: string }[];
    expect(items.find((m) => m.id === minutesId)).toMatchObject({
      kind: 'one_on_one.minutes',
      locale: 'da',
    });
    const mine = await database.db
      .select({ id: mailOutbox.id, recipientId: mailOutbox.recipientId })
      .from(mailOutbox)
      .where(eq(mailOutbox.orgId, w.org.id));
    const allowed = new Set(mine.filter((m) => m.recipientId === w.employee.id).map((m) => m.id));
    expect(items.every((m) => allowed.has(m.id))).toBe(true);
    const one = await c.employee.get(`/api/me/mail/${minutesId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ locale: 'da', to: { email: w.employee.email } });
    for (const s of SECRETS) expect(one.json().text).toContain(s);
    expect(one.json().html).toContain('<html');
  });

  it('answers 404 for anyone else’s mail: the manager, HR, an admin, another tenant', async () => {
    for (const who of [c.manager, c.otherManager, c.hr, c.admin, c.stranger]) {
      const res = await who.get(`/api/me/mail/${minutesId}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
      const list = (await who.get('/api/me/mail?limit=100')).json().items as { id: string }[];
      expect(list.some((m) => m.id === minutesId)).toBe(false);
    }
    if (managerMinutesId)
      expect((await c.employee.get(`/api/me/mail/${managerMinutesId}`)).statusCode).toBe(404);
    expect((await new Client(app).get(`/api/me/mail/${minutesId}`)).statusCode).toBe(401);
  });

  it('keeps mails with a sign-in link out of Samtal, even for their recipient', async () => {
    const res = await new Client(app).post('/api/auth/forgot-password', {
      email: w.employee.email,
    });
    expect(res.statusCode).toBeLessThan(300);
    const [reset] = await database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.recipientId, w.employee.id), eq(mailOutbox.kind, 'account.reset')));
    expect(reset).toBeTruthy();
    expect((await c.employee.get(`/api/me/mail/${reset!.id}`)).statusCode).toBe(404);
    const list = (await c.employee.get('/api/me/mail?limit=100')).json().items as { id: string }[];
    expect(list.some((m) => m.id === reset!.id)).toBe(false);
  });
});

describe('sending a mail again', () => {
  it('requeues it at once, records it in the audit log, and delivers it', async () => {
    const before = smtp.received.filter((m) => m.messageId.startsWith(`<${minutesId}@`)).length;
    expect(before).toBe(1);
    const res = await c.admin.post(`/api/admin/mailbox/${minutesId}/send-again`);
    expect(res.statusCode).toBe(200);
    const envelope = res.json();
    expect(envelope).toMatchObject({ id: minutesId, kind: 'one_on_one.minutes' });
    expect(envelope.subject).toBeUndefined();
    expect(envelope.resentAt).toBeTruthy();
    await eventually(
      () => smtp.received.filter((m) => m.messageId.startsWith(`<${minutesId}@`)).length === 2,
    );
    await eventually(async () => (await row(minutesId)).status === 'sent');
    const audit = (await c.admin.get(`/api/admin/audit?kind=mail.retried`)).json().items as {
      actor: { id: string };
      subject: { type: string; id: string };
      details: Record<string, unknown>;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: { id: w.admin.id },
      subject: { type: 'person', id: w.employee.id },
      details: { kind: 'one_on_one.minutes', mail: minutesId },
    });
    for (const s of SECRETS) expect(JSON.stringify(audit)).not.toContain(s);
  });

  it('sends a delivered mail again to the inbox it reached, not to an address changed since', async () => {
    // HR puts their own address on the employee, then asks for the minutes again.
    const changed = await c.hr.patch(`/api/people/${w.employee.id}`, {
      email: 'hr-inbox@a.test',
    });
    expect(changed.statusCode).toBe(200);
    const n = smtp.received.filter((m) => m.messageId.startsWith(`<${minutesId}@`)).length;
    expect((await c.admin.post(`/api/admin/mailbox/${minutesId}/send-again`)).statusCode).toBe(200);
    await eventually(
      () => smtp.received.filter((m) => m.messageId.startsWith(`<${minutesId}@`)).length === n + 1,
    );
    expect(smtp.idsFor('hr-inbox@a.test').filter((id) => id.startsWith(`<${minutesId}@`))).toEqual(
      [],
    );
    expect(
      smtp.idsFor(w.employee.email).filter((id) => id.startsWith(`<${minutesId}@`)),
    ).toHaveLength(n + 1);
    await eventually(async () => (await row(minutesId)).status === 'sent');
    await c.hr.patch(`/api/people/${w.employee.id}`, { email: w.employee.email });
  });

  it('gives a mail that failed for good a fresh week of attempts and delivers it', async () => {
    const weekAgo = new Date(Date.now() - 8 * 24 * 3_600_000);
    await database.db
      .update(mailOutbox)
      .set({ status: 'failed', lastError: '421 try later', createdAt: weekAgo, attempts: 90 })
      .where(and(eq(mailOutbox.orgId, w.org.id), eq(mailOutbox.id, minutesId)));
    const failed = await mailbox(c.admin, '?status=failed');
    expect(failed.items.map((m) => m.id)).toEqual([minutesId]);
    expect(failed.items[0]).toMatchObject({ attempts: 90, lastError: '421 try later' });
    expect((await c.admin.post(`/api/admin/mailbox/${minutesId}/send-again`)).statusCode).toBe(200);
    await eventually(async () => (await row(minutesId)).status === 'sent');
    expect((await row(minutesId)).attempts).toBe(91);
    expect((await row(minutesId)).toAddress).toBe(w.employee.email);
  });

  it('refuses a mail still on its way, with a translated error, and changes nothing', async () => {
    const pending = await makePerson(database.db, w.org.id, { email: 'pending@a.test' });
    // A mail whose delivery is not due yet: it stays pending.
    await database.db.insert(mailOutbox).values({
      orgId: w.org.id,
      id: crypto.randomUUID(),
      recipientId: pending.id,
      kind: 'reminder.prepare',
      locale: 'sv',
      subject: 'x',
      textBody: 'x',
      htmlBody: 'x',
      dedupeKey: 'pending-test',
      nextAttemptAt: new Date(Date.now() + 3_600_000),
    });
    const [p] = await database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.dedupeKey, 'pending-test'));
    const res = await c.admin.request(
      'POST',
      `/api/admin/mailbox/${p!.id}/send-again`,
      {},
      {
        'accept-language': 'sv',
      },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'mail.already_pending' });
    expect(res.json().error.message).toMatch(/redan på väg/);
    expect((await row(p!.id)).nextAttemptAt.getTime()).toBe(p!.nextAttemptAt.getTime());
  });

  it('is for administrators of the mail’s own organisation only', async () => {
    const count = async () =>
      (await c.admin.get(`/api/admin/audit?kind=mail.retried`)).json().items.length as number;
    const n = await count();
    for (const who of [c.hr, c.manager, c.employee])
      expect((await who.post(`/api/admin/mailbox/${minutesId}/send-again`)).statusCode).toBe(403);
    expect((await c.stranger.post(`/api/admin/mailbox/${minutesId}/send-again`)).statusCode).toBe(
      404,
    );
    expect(
      (await c.admin.post(`/api/admin/mailbox/${crypto.randomUUID()}/send-again`)).statusCode,
    ).toBe(404);
    expect(await count()).toBe(n);
  });
});
