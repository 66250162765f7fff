import { foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
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
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
      name: 'access_requests_person_fk',
    }).onDelete('cascade'),
    index('access_requests_person_idx').on(t.orgId, t.personId, t.createdAt),
  ],
);
