import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { defineJob, type JobQueue } from '../jobs/queue';
import { MAIL_RETRY, nextAttemptAfterFailure, type RetrySchedule } from '../../domain/mail-retry';
import { mailOutboxRepository } from '../repositories/mail-outbox.repository';
import { notificationRepository } from '../repositories/notification.repository';
import type { NotificationKind, NotificationTarget } from '../../domain/notifications';
import { systemClock, type Clock } from '../clock';
import type { MailTransport } from './transport';

/**
 * One attempt to deliver one outbox mail. A failed SMTP attempt does not fail the job: the
 * outbox holds the retry schedule (domain/mail-retry.ts) and the next attempt is queued as a
 * job of its own. The job's retries are for the rest (a database error, a lease still held).
 */
export const MAIL_DELIVER_JOB = defineJob({
  name: 'mail.deliver',
  payload: z.object({ orgId: z.uuid(), outboxId: z.uuid() }),
  retryLimit: 10,
  retryDelaySeconds: 15,
  retryBackoff: true,
  expireInSeconds: 100,
});

/** A due mail left without a job this long (its job was lost) is queued again by the sweep. */
const SWEEP_GRACE_MS = 2 * 60_000;

export const MAIL_SWEEP_JOB = defineJob({
  name: 'mail.sweep',
  payload: z.object({}),
  retryLimit: 0,
  expireInSeconds: 120,
});

/** A mail to send: rendered text, in the recipient's language. */
export type OutgoingMail = {
  orgId: string;
  recipientId: string;
  /** Another address than the recipient's current one (account mails only, decision 016). */
  toAddress?: string | null;
  kind: string;
  locale: string;
  /** Same key, same mail: enqueueing twice is a no-op. */
  dedupeKey: string;
  subject: string;
  text: string;
  html: string;
  calendar?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string } | null;
  /**
   * The in-app notification of this mail (issue #15): written with the mail, in the same
   * transaction, to the same recipient, only when the mail is new. No text: a kind, ids and
   * minimal parameters the app renders in the reader's language.
   */
  notification?: NotificationDraft | null;
};

/** What an in-app notification holds besides its recipient. */
export type NotificationDraft = NotificationTarget & {
  kind: NotificationKind;
  /** The other person, whose name the text shows; null when Samtal itself speaks. */
  actorId?: string | null;
  params?: Record<string, string | number>;
};

/**
 * Mails that still go to a deactivated recipient: a leaver's download link goes to the address
 * they gave precisely because they can no longer sign in (decision 024).
 */
const MAIL_KINDS_FOR_LEAVERS: readonly string[] = ['privacy.export_link'];

/** The states from which a mail may be sent again: any but one still on its way. */
const RESENDABLE = ['sent', 'kept', 'failed', 'cancelled'] as const;

/** A claimed mail is held this long; it matches the job's expiry, after which it is retried. */
const LEASE_MS = 90_000;

/** Thrown when another worker holds the mail: the queue retries later, when its lease is over. */
class MailLeaseHeld extends Error {}

/** The outbox row of a mail. */
function outboxRow(mail: OutgoingMail, id: string) {
  return {
    orgId: mail.orgId,
    id,
    recipientId: mail.recipientId,
    toAddress: mail.toAddress ?? null,
    kind: mail.kind,
    locale: mail.locale,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html,
    dedupeKey: mail.dedupeKey,
    calendarMethod: mail.calendar?.method ?? null,
    calendar: mail.calendar?.content ?? null,
  };
}

/** The in-app notification written with a mail (decision 028), when it has one. */
function notificationRow(mail: OutgoingMail) {
  const n = mail.notification;
  if (!n) return null;
  return {
    orgId: mail.orgId,
    personId: mail.recipientId,
    kind: n.kind,
    actorId: n.actorId ?? null,
    meetingId: n.meetingId ?? null,
    seriesId: n.seriesId ?? null,
    conversationId: n.conversationId ?? null,
    roundId: n.roundId ?? null,
    params: n.params ?? {},
  };
}

/**
 * Writes mails to the outbox in the caller's transaction and, in the same transaction, queues
 * their delivery; delivers them later with a stable Message-ID.
 */
export function createMailer(opts: {
  queue: JobQueue | null;
  transport: MailTransport | null;
  from: string;
  messageIdDomain: string;
  leaseMs?: number;
  /** When a failed mail is tried again (default: quick retries, then hourly for a week). */
  retry?: RetrySchedule;
  log?: { info(o: object, m: string): void; warn(o: object, m: string): void };
  /** The source of "now" when a caller passes none (issue #17). */
  clock?: Clock;
}) {
  const { queue, transport } = opts;
  const clock = opts.clock ?? systemClock;
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  return {
    /** Puts a mail in the outbox inside `tx`. Returns false when it was there already. */
    async enqueue(tx: DbOrTx, mail: OutgoingMail): Promise<boolean> {
      const id = randomUUID();
      const inserted = await mailOutboxRepository.insert(tx, outboxRow(mail, id));
      const notification = notificationRow(mail);
      if (inserted && notification) await notificationRepository.insert(tx, notification);
      if (inserted && queue)
        await queue.send(MAIL_DELIVER_JOB, { orgId: mail.orgId, outboxId: id }, { tx });
      return inserted;
    },

    /**
     * `enqueue` for many mails in three statements (outbox, notifications, delivery jobs)
     * inside `tx`: a round opening for 50,000 people writes them in batches, not one by one.
     * Mails whose dedupe key exists are skipped with their notification. Returns how many
     * were new.
     */
    async enqueueMany(tx: DbOrTx, mails: OutgoingMail[]): Promise<number> {
      const withIds = mails.map((mail) => ({ mail, id: randomUUID() }));
      const inserted = await mailOutboxRepository.insertMany(
        tx,
        withIds.map(({ mail, id }) => outboxRow(mail, id)),
      );
      const isNew = new Set(inserted.map((r) => r.id));
      const fresh = withIds.filter(({ id }) => isNew.has(id));
      await notificationRepository.insertMany(
        tx,
        fresh.flatMap(({ mail }) => notificationRow(mail) ?? []),
      );
      if (queue)
        await queue.sendMany(
          MAIL_DELIVER_JOB,
          fresh.map(({ mail, id }) => ({ orgId: mail.orgId, outboxId: id })),
          { tx },
        );
      return fresh.length;
    },

    /**
     * Delivers one outbox mail at `now`. Idempotent: a mail that is sent, kept or cancelled,
     * or not due yet, is left alone, and one another worker holds is skipped. When SMTP fails
     * the mail stays pending with its next attempt set (quick retries, then hourly for a
     * week: domain/mail-retry.ts) and a job is queued for that time; only a mail still
     * undelivered after a week is marked failed, for an admin to see and send again.
     */
    async deliver(
      db: DbOrTx,
      orgId: string,
      outboxId: string,
      now: Date = clock.now(),
    ): Promise<'sent' | 'kept' | 'cancelled' | 'skipped' | 'retry' | 'failed'> {
      const found = await mailOutboxRepository.findForDelivery(db, orgId, outboxId);
      if (!found || found.mail.status !== 'pending') return 'skipped';
      if (found.mail.nextAttemptAt.getTime() > now.getTime()) return 'skipped';
      if (!found.active && !MAIL_KINDS_FOR_LEAVERS.includes(found.mail.kind)) {
        await mailOutboxRepository.finish(
          db,
          orgId,
          outboxId,
          'cancelled',
          'recipient deactivated',
          now,
        );
        return 'cancelled';
      }
      if (!transport) {
        // No SMTP configured: the mail stays readable in the admin's mailbox.
        await mailOutboxRepository.finish(db, orgId, outboxId, 'kept', null, now);
        return 'kept';
      }
      const claimed = await mailOutboxRepository.claim(db, orgId, outboxId, now, leaseMs);
      if (!claimed) {
        // Either it was just finished, or a worker that may have died still holds it.
        const again = await mailOutboxRepository.findForDelivery(db, orgId, outboxId);
        if (again?.mail.status === 'pending') throw new MailLeaseHeld(outboxId);
        return 'skipped';
      }
      try {
        await transport.send({
          messageId: `<${outboxId}@${opts.messageIdDomain}>`,
          from: opts.from,
          to: { name: found.name, address: found.email },
          subject: found.mail.subject,
          text: found.mail.textBody,
          html: found.mail.htmlBody,
          calendar:
            found.mail.calendar && found.mail.calendarMethod
              ? { method: found.mail.calendarMethod, content: found.mail.calendar }
              : null,
        });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        // A mail an admin sent again gets its week from then (decision 025).
        const next = nextAttemptAfterFailure(
          claimed.attempts,
          found.mail.resentAt ?? found.mail.createdAt,
          now,
          opts.retry ?? MAIL_RETRY,
        );
        if (!next) {
          await mailOutboxRepository.finish(db, orgId, outboxId, 'failed', message, now);
          opts.log?.warn({ outboxId, attempts: claimed.attempts }, 'mail failed for good');
          return 'failed';
        }
        await mailOutboxRepository.recordError(db, orgId, outboxId, message, next);
        // The sweep queues it anyway should this job be lost.
        await queue?.send(
          MAIL_DELIVER_JOB,
          { orgId, outboxId },
          { startAfter: next, singletonKey: `${outboxId}:${claimed.attempts}` },
        );
        opts.log?.info(
          { outboxId, attempts: claimed.attempts, next: next.toISOString() },
          'mail not delivered yet; will retry',
        );
        return 'retry';
      }
      // Pinned to the address it reached: "send again" cannot redirect what was delivered.
      await mailOutboxRepository.finish(db, orgId, outboxId, 'sent', null, now, found.email);
      opts.log?.info({ outboxId, kind: found.mail.kind }, 'mail sent');
      return 'sent';
    },

    /**
     * Sends a mail again at once (an admin's "send again", decision 025): pending, due `now`,
     * a fresh week of retries, and its delivery queued in `tx`. False when it is still pending.
     */
    async sendAgain(tx: DbOrTx, orgId: string, outboxId: string, now: Date = clock.now()) {
      const done = await mailOutboxRepository.resend(tx, orgId, outboxId, now, RESENDABLE);
      if (done && queue) await queue.send(MAIL_DELIVER_JOB, { orgId, outboxId }, { tx });
      return done;
    },

    /**
     * Queues delivery for pending mails whose attempt is overdue: written while the queue was
     * off, or whose job was lost (a crash between recording a failure and queueing the retry).
     */
    async sweep(db: DbOrTx, now: Date = clock.now()): Promise<number> {
      if (!queue) return 0;
      const rows = await mailOutboxRepository.due(
        db,
        new Date(now.getTime() - SWEEP_GRACE_MS),
        500,
      );
      for (const r of rows) {
        await queue.send(
          MAIL_DELIVER_JOB,
          { orgId: r.orgId, outboxId: r.id },
          { singletonKey: r.id, singletonSeconds: 600 },
        );
      }
      return rows.length;
    },
  };
}

export type Mailer = ReturnType<typeof createMailer>;
