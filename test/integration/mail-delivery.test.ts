/**
 * The outbox against a real SMTP server on 127.0.0.1: delivery, the server down for a while,
 * deduplication, deactivated recipients, and no SMTP at all (the admin's mailbox).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import { mailOutbox } from '../../src/db/schema/index';
import { FAST_MAIL_RETRY } from '../../src/domain/mail-retry';
import { JobQueue } from '../../src/server/jobs/queue';
import { createMailer, MAIL_DELIVER_JOB, type Mailer } from '../../src/server/mail/mailer';
import { mailOutboxRepository } from '../../src/server/repositories/mail-outbox.repository';
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
    retry: FAST_MAIL_RETRY,
  });
  await queue.work(MAIL_DELIVER_JOB, async ({ orgId: o, outboxId }) => {
    await mailer.deliver(database.db, o, outboxId);
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

  it('a 72-hour SMTP outage drops nothing: every mail is delivered once when it is back (simulated clock)', async () => {
    // The outbox's own schedule, driven by a clock passed in: each step jumps to the next
    // attempt that is due, so three days pass in seconds and nothing sleeps. No queue: the
    // test delivers what is due itself, as the sweep and the retry jobs do in production.
    const direct = createMailer({
      queue: null,
      transport: smtpTransport(smtp.url),
      from: 'Samtal <samtal@example.test>',
      messageIdDomain: 'samtal.test',
    });
    const keys = Array.from({ length: 6 }, (_, i) => `outage-${i}`);
    // Written on a Friday afternoon, a few minutes apart; the server goes down at once.
    const friday = new Date('2026-06-05T16:00:00Z');
    for (const [i, k] of keys.entries()) {
      await database.db.transaction((tx) => direct.enqueue(tx, mail(k)));
      await database.db
        .update(mailOutbox)
        .set({
          createdAt: new Date(friday.getTime() + i * 60_000),
          nextAttemptAt: new Date(friday.getTime() + i * 60_000),
        })
        .where(and(eq(mailOutbox.orgId, orgId), eq(mailOutbox.dedupeKey, k)));
    }
    const ids = await Promise.all(keys.map(async (k) => (await statusOf(k))!.id));
    const messageIds = ids.map((id) => `<${id}@samtal.test>`);
    const backAt = new Date(friday.getTime() + 72 * 3_600_000);
    await smtp.down();
    let now = friday;
    let attemptsWhileDown = 0;
    let serverUp = false;
    for (let step = 0; step < 2_000; step++) {
      const due = await mailOutboxRepository.nextDue(database.db);
      if (!due) break;
      now = due > now ? due : now;
      if (!serverUp && now >= backAt) {
        await smtp.up();
        serverUp = true;
      }
      for (const m of await mailOutboxRepository.due(database.db, now, 100)) {
        const outcome = await direct.deliver(database.db, m.orgId, m.id, now);
        if (!serverUp) {
          expect(outcome).toBe('retry');
          attemptsWhileDown++;
        }
      }
    }
    if (!serverUp) await smtp.up();
    const rows = await Promise.all(keys.map(statusOf));
    expect(rows.map((r) => r!.status)).toEqual(keys.map(() => 'sent'));
    // Tried all through the weekend, about hourly after the first quick retries…
    expect(attemptsWhileDown).toBeGreaterThan(keys.length * 70);
    expect(attemptsWhileDown).toBeLessThan(keys.length * 90);
    // …and delivered within the hour after the server came back, each exactly once.
    for (const r of rows) {
      expect(r!.sentAt!.getTime()).toBeGreaterThanOrEqual(backAt.getTime());
      expect(r!.sentAt!.getTime() - backAt.getTime()).toBeLessThanOrEqual(3_600_000);
    }
    for (const id of messageIds) {
      expect(smtp.received.filter((m) => m.messageId === id)).toHaveLength(1);
    }
    // Nothing is left to deliver, and a late duplicate job changes nothing.
    expect(await mailOutboxRepository.nextDue(database.db)).toBeNull();
    expect(await direct.deliver(database.db, orgId, ids[0]!, now)).toBe('skipped');
  }, 120_000);

  it('gives a mail up only after a week of failed attempts, for an admin to send again', async () => {
    const direct = createMailer({
      queue: null,
      transport: smtpTransport(smtp.url),
      from: 'Samtal <samtal@example.test>',
      messageIdDomain: 'samtal.test',
    });
    await database.db.transaction((tx) => direct.enqueue(tx, mail('week')));
    const start = new Date('2026-07-01T08:00:00Z');
    await database.db
      .update(mailOutbox)
      .set({ createdAt: start, nextAttemptAt: start })
      .where(and(eq(mailOutbox.orgId, orgId), eq(mailOutbox.dedupeKey, 'week')));
    const id = (await statusOf('week'))!.id;
    await smtp.down();
    try {
      let now = start;
      let outcome = '';
      for (let step = 0; step < 1_000 && outcome !== 'failed'; step++) {
        now = (await statusOf('week'))!.nextAttemptAt;
        outcome = await direct.deliver(database.db, orgId, id, now);
      }
      expect(outcome).toBe('failed');
      expect(now.getTime() - start.getTime()).toBeGreaterThan(6.9 * 24 * 3_600_000);
      expect((await statusOf('week'))!.lastError).toBeTruthy();
    } finally {
      await smtp.up();
    }
  }, 120_000);
});
