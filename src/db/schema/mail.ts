import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, people } from './organisation';

/**
 * Outgoing mail, written in the same transaction as what caused it and delivered later, so
 * nothing is lost when the mail server is down. The dedupe key makes enqueueing idempotent.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    recipientId: uuid('recipient_id').notNull(),
    /**
     * Where the mail goes when not to the recipient's current address: password resets go to
     * the address the person signed in with, a changed address is told to the old one (016).
     */
    toAddress: text('to_address'),
    kind: text('kind').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    /** An iCalendar attachment (invitation, update, cancellation) and its METHOD. */
    calendarMethod: text('calendar_method'),
    calendar: text('calendar'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** pending → sent (SMTP accepted it), kept (no SMTP: shown in the admin mailbox), failed, cancelled. */
    status: text('status')
      .$type<'pending' | 'sent' | 'kept' | 'failed' | 'cancelled'>()
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** A worker holds the mail until then; after, another may take it (the first one died). */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /** A pending mail is (re)tried from then on (domain/mail-retry.ts sets it after a failure). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /**
     * When an administrator last sent it again (decision 025): the week of retries counts from
     * then, so a mail given up once gets a fresh week.
     */
    resentAt: timestamp('resent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.recipientId],
      foreignColumns: [people.orgId, people.id],
      name: 'mail_outbox_recipient_fk',
    }),
    unique('mail_outbox_dedupe_uq').on(t.orgId, t.dedupeKey),
    // The sweep: pending mails whose next attempt is due.
    index('mail_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    // The admin's mailbox: newest first, all or of one state or one kind (decision 025).
    index('mail_outbox_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('mail_outbox_org_status_created_idx').on(t.orgId, t.status, t.createdAt, t.id),
    index('mail_outbox_org_kind_created_idx').on(t.orgId, t.kind, t.createdAt, t.id),
    // Each person's own mail, newest first.
    index('mail_outbox_recipient_created_idx').on(t.orgId, t.recipientId, t.createdAt, t.id),
  ],
);
