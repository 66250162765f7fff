/**
 * The outbox against a real SMTP server on 127.0.0.1: delivery, the server down for a while,
 * deduplication, deactivated recipients, and no SMTP at all (the admin's mailbox).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import { mailOutbox } from '../../src/db/schema/index';
import { JobQueue } from '../../src/server/jobs/queue';
import { createMailer, MAIL_DELIVER_JOB, type Mailer } from '../../src/server/mail/mailer';
import { smtpTransport } from '../../src/server/mail/transport';
import { freshDatabase } from '../support/database';
import { makeOrg, makePerson } from '../support/factories';
import { eventually, TestSmtpServer } from '../support/smtp';

let database: Database;
let queue: JobQueue;
let mailer: Mailer;
const smtp = new TestSmtpServer();
let orgId: string;
let anna: { id: string; email: string };

const mail = (dedupeKey: string, recipientId = anna.id) => ({
  orgId,
  recipientId,
  kind: 'test',
  locale: 'sv',
  dedupeKey,
  subject: `Ämne ${dedupeKey}`,
  text: 'Hej!',
  html: '<p>Hej!</p>',
});

const statusOf = async (key: string) => {
  const [row] = await database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.orgId, orgId), eq(mailOutbox.dedupeKey, key)));
  return row;
};

beforeAll(async () => {
  await smtp.up();
  database = await freshDatabase();
  const org = await makeOrg(database.db);
  orgId = org.id;
  anna = await makePerson(database.db, orgId, { email: 'anna@example.test', name: 'Anna Åström' });
  queue = new JobQueue(database, {
    retryDelaySeconds: 1,
    expireInSeconds: 5,
    maintenanceIntervalSeconds: 1,
    pollingIntervalSeconds: 0.5,
  });
  await queue.start([MAIL_DELIVER_JOB]);
  mailer = createMailer({
    queue,
    transport: smtpTransport(smtp.url),
    from: 'Samtal <samtal@example.test>',
    messageIdDomain: 'samtal.test',
  });
  await queue.work(MAIL_DELIVER_JOB, async ({ orgId: o, outboxId }, meta) => {
    await mailer.deliver(database.db, o, outboxId, meta.retryCount >= 10);
  });
}, 60_000);

afterAll(async () => {
  await queue.stop();
  await database.close();
  await smtp.down();
});

describe('mail delivery over SMTP', () => {
  it('delivers a mail queued in a transaction once, with a stable Message-ID', async () => {
    await database.db.transaction(async (tx) => {
      expect(await mailer.enqueue(tx, mail('one'))).toBe(true);
    });
    await eventually(async () => (await statusOf('one'))?.status === 'sent');
    const row = (await statusOf('one'))!;
    expect(
      smtp.idsFor('anna@example.test').filter((id) => id === `<${row.id}@samtal.test>`),
    ).toHaveLength(1);
    const received = smtp.received.find((m) => m.messageId === `<${row.id}@samtal.test>`)!;
    expect(received.raw).toMatch(/^Subject: =\?UTF-8\?Q\?=C3=84mne_one\?=/m);
    expect(received.raw).toContain('Auto-Submitted: auto-generated');
  });

  it('queues nothing when the transaction rolls back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await mailer.enqueue(tx, mail('rolled-back'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await statusOf('rolled-back')).toBeUndefined();
  });

  it('enqueues the same dedupe key only once', async () => {
    const first = await database.db.transaction((tx) => mailer.enqueue(tx, mail('same')));
    const second = await database.db.transaction((tx) => mailer.enqueue(tx, mail('same')));
    expect([first, second]).toEqual([true, false]);
    await eventually(async () => (await statusOf('same'))?.status === 'sent');
    const row = (await statusOf('same'))!;
    expect(smtp.received.filter((m) => m.messageId === `<${row.id}@samtal.test>`)).toHaveLength(1);
  });

  it('keeps retrying while the server is down and delivers everything once when it is back', async () => {
    await smtp.down();
    const keys = ['down-1', 'down-2', 'down-3'];
    await database.db.transaction(async (tx) => {
      for (const k of keys) await mailer.enqueue(tx, mail(k));
    });
    await eventually(async () => ((await statusOf('down-1'))?.attempts ?? 0) >= 2, 30_000);
    const waiting = (await statusOf('down-1'))!;
    expect(waiting.status).toBe('pending');
    expect(waiting.lastError).toBeTruthy();
    await smtp.up();
    await eventually(async () => {
      const rows = await Promise.all(keys.map(statusOf));
      return rows.every((r) => r?.status === 'sent');
    }, 45_000);
    for (const k of keys) {
      const row = (await statusOf(k))!;
      expect(smtp.received.filter((m) => m.messageId === `<${row.id}@samtal.test>`)).toHaveLength(
        1,
      );
    }
  }, 90_000);

  it('sends nothing to a deactivated person', async () => {
    const gone = await makePerson(database.db, orgId, {
      email: 'gone@example.test',
      active: false,
    });
    await database.db.transaction((tx) => mailer.enqueue(tx, mail('to-gone', gone.id)));
    await eventually(async () => (await statusOf('to-gone'))?.status === 'cancelled');
    expect(smtp.idsFor('gone@example.test')).toEqual([]);
  });

  it('without SMTP keeps mails for the admin’s mailbox instead of sending them', async () => {
    const keeper = createMailer({
      queue: null,
      transport: null,
      from: 'x@y',
      messageIdDomain: 'd',
    });
    await database.db.transaction((tx) => keeper.enqueue(tx, mail('kept')));
    const row = (await statusOf('kept'))!;
    expect(await keeper.deliver(database.db, orgId, row.id)).toBe('kept');
    expect((await statusOf('kept'))!.status).toBe('kept');
    expect(smtp.received.some((m) => m.messageId.startsWith(`<${row.id}@`))).toBe(false);
  });
});
