import {
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from './organisation';
import { createdAt, orgId, ts, updatedAt } from './columns';

/**
 * How long the organisation keeps personal data (decision 024). No row means the defaults of
 * the country the organisation's language points at (domain/retention.ts).
 */
export const retentionSettings = pgTable('retention_settings', {
  orgId: orgId().primaryKey(),
  /** 'SE' | 'DK' | 'NO' | 'OTHER': whose defaults the numbers started from. */
  country: text('country').notNull(),
  /** A deactivated person is erased this many days after they were deactivated. */
  leaversAfterDays: integer('leavers_after_days').notNull(),
  /**
   * Superseded by the per-kind columns (migration 0028 copied it into them); no longer read.
   * Kept so that migration needed no interactive rename; a later migration may drop it.
   */
  contentAfterDays: integer('content_after_days'),
  /*
   * Per kind of data, days after the meeting it belongs to (the audit log: after the event);
   * null follows the country's default (domain/privacy/retention.ts).
   */
  notesAfterDays: integer('notes_after_days'),
  checkInsAfterDays: integer('check_ins_after_days'),
  developmentAfterDays: integer('development_after_days'),
  salaryAfterDays: integer('salary_after_days'),
  privateAfterDays: integer('private_after_days'),
  auditAfterDays: integer('audit_after_days'),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAt(),
});

/**
 * A subject access request HR made on a person's behalf: an envelope only. The person is told
 * and downloads the export themself; HR sees that it was asked and when it was fetched.
 *
 * For a leaver who can no longer sign in, the request carries a one-time download link mailed
 * to the address they gave (decision 024): only the SHA-256 of the link's secret is kept, with
 * when it expires and the address masked; `fulfilled_at` is when the link was used.
 */
export const accessRequests = pgTable(
  'access_requests',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    createdAt: createdAt(),
    fulfilledAt: ts('fulfilled_at'),
    /** A mailed link only: the address it went to, masked ("m•••@example.org"). */
    sentTo: text('sent_to'),
    /** A mailed link only: SHA-256 (hex) of the secret in the link; the secret is never kept. */
    tokenHash: text('token_hash'),
    /** A mailed link only: after this it no longer works. */
    expiresAt: ts('expires_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('access_requests_token_uq').on(t.tokenHash),
    foreignKey({
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
      name: 'access_requests_person_fk',
    }).onDelete('cascade'),
    index('access_requests_person_idx').on(t.orgId, t.personId, t.createdAt),
  ],
);
