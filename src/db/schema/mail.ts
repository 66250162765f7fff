import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
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
    kind: text('kind').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.recipientId],
      foreignColumns: [people.orgId, people.id],
      name: 'mail_outbox_recipient_fk',
    }),
    unique('mail_outbox_dedupe_uq').on(t.orgId, t.dedupeKey),
    index('mail_outbox_unsent_idx')
      .on(t.createdAt)
      .where(sql`${t.sentAt} is null`),
  ],
);
