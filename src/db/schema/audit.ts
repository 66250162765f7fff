import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation';

/**
 * The audit log: who did what to whom, when and from which address; never content. Append-only
 * in the database itself: a trigger refuses UPDATE, DELETE and TRUNCATE (drizzle/0015), except
 * a DELETE in a transaction that has set `samtal.audit_retention` (decision 016).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    actorId: uuid('actor_id'),
    /** The kind of event, e.g. `auth.signed_in`, `role.granted` (see domain/audit.ts). */
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** The client address of the request, when there was one. */
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // The admin's log, newest first, keyset-paged on (at, id): unfiltered, by actor, by
    // subject (a person's events are both, merged) and by kind; a period is a range on `at`.
    index('audit_events_org_at_idx').on(t.orgId, t.at, t.id),
    index('audit_events_actor_idx').on(t.orgId, t.actorId, t.at, t.id),
    index('audit_events_subject_idx').on(t.orgId, t.subjectId, t.at, t.id),
    index('audit_events_action_idx').on(t.orgId, t.action, t.at, t.id),
  ],
);
