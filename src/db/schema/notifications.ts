import {
  boolean,
  foreignKey,
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
 * A person's choices about mail: which reminders, how many days ahead, quiet hours. A person
 * without a row has the defaults.
 */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id').notNull(),
    invitations: boolean('invitations').notNull().default(true),
    addTopics: boolean('add_topics').notNull().default(true),
    addTopicsDays: integer('add_topics_days').notNull().default(2),
    prepare: boolean('prepare').notNull().default(true),
    reflect: boolean('reflect').notNull().default(true),
    minutes: boolean('minutes').notNull().default(true),
    digest: boolean('digest').notNull().default(true),
    /** "HH:MM" local; no reminder is sent between start and end (may wrap midnight). */
    quietStart: text('quiet_start').notNull().default('20:00'),
    quietEnd: text('quiet_end').notNull().default('07:00'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.personId] }),
    foreignKey({
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
      name: 'notification_settings_person_fk',
    }).onDelete('cascade'),
  ],
);

/** A person's secret calendar subscription. Only the SHA-256 of the token is stored. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.personId] }),
    unique('calendar_feeds_token_uq').on(t.tokenHash),
    foreignKey({
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
      name: 'calendar_feeds_person_fk',
    }).onDelete('cascade'),
  ],
);
