import { foreignKey, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, people } from './organisation';

/** Server-side sessions: the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: text('id').primaryKey(),
    personId: uuid('person_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
    ipAddress: text('ip_address'),
    /** The identity provider the session was signed in with (its logout is offered). */
    ssoProviderId: uuid('sso_provider_id'),
  },
  (t) => [
    foreignKey({
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
      name: 'sessions_person_fk',
    }).onDelete('cascade'),
    index('sessions_person_idx').on(t.orgId, t.personId),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

/**
 * Failed sign-in attempts, keyed by account from unknown browsers ("email:…"), by device
 * cookie ("device:…") or by address ("ip:…"); also "forgot password" requests ("reset:…").
 * An attempt is written before its password is checked (so parallel guesses count) and taken
 * back by `attempt_id` when it succeeds. The one table without an organisation id: it is
 * written before anyone is known.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    key: text('key').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
    attemptId: uuid('attempt_id'),
  },
  (t) => [
    index('login_attempts_key_idx').on(t.key, t.attemptedAt),
    index('login_attempts_attempt_idx').on(t.attemptId),
  ],
);

/**
 * One-time links that let a person set their password, stored as SHA-256: an invitation (for
 * someone who has never signed in; HR may hand it over) or a reset (mailed to the person's own
 * address only). Decision 016.
 */
export const passwordTokens = pgTable(
  'password_tokens',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: text('id').primaryKey(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').$type<'invitation' | 'reset'>().notNull().default('reset'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
      name: 'password_tokens_person_fk',
    }).onDelete('cascade'),
    index('password_tokens_person_idx').on(t.orgId, t.personId),
  ],
);

/**
 * Secrets of this installation (cookie signing), made on first start and shared by every
 * instance on the same database. Not tenant data, so no organisation id.
 */
export const instanceSecrets = pgTable('instance_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
