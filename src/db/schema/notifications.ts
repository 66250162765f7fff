import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
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
    /** "A round has opened" (as manager or employee in it). */
    rounds: boolean('rounds').notNull().default(true),
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

/**
 * In-app notifications (issue #15): what Samtal mails a person, and a few things it does not
 * mail (a topic the other of the pair added, an action given to them), shown under the bell.
 * Written in the same transaction as the mail, to the same recipient; never text: a kind, the
 * ids it links to and minimal parameters, rendered in the reader's language by the app.
 */
export const notifications = pgTable(
  'notifications',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    /** Who caused it (the other of the pair), shown by name; null for Samtal itself. */
    actorId: uuid('actor_id'),
    meetingId: uuid('meeting_id'),
    seriesId: uuid('series_id'),
    conversationId: uuid('conversation_id'),
    roundId: uuid('round_id'),
    /** Minimal parameters for the text: a time, a count, a round's name. Never content. */
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
      name: 'notifications_person_fk',
    }).onDelete('cascade'),
    // The list, newest first (keyset on created_at, id).
    index('notifications_person_created_idx').on(t.orgId, t.personId, t.createdAt, t.id),
    // The bell's count: only the unread ones.
    index('notifications_person_unread_idx')
      .on(t.orgId, t.personId, t.createdAt)
      .where(sql`${t.readAt} is null`),
    // Retention: read notifications past their time.
    index('notifications_read_idx')
      .on(t.readAt)
      .where(sql`${t.readAt} is not null`),
  ],
);
