import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A tenant. Everything else hangs off an organisation id. */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  defaultLocale: text('default_locale').notNull().default('sv'),
  defaultTimeZone: text('default_time_zone').notNull().default('Europe/Stockholm'),
  /** Password sign-in refused except for administrators (decision 019). */
  ssoRequired: boolean('sso_required').notNull().default(false),
  createdAt: createdAt(),
});

/** Organisational units: a tree (unit within unit). Keys start with the organisation id. */
export const departments = pgTable(
  'departments',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.parentId],
      foreignColumns: [t.orgId, t.id],
      name: 'departments_parent_fk',
    }),
    unique('departments_sibling_name_uq').on(t.orgId, t.parentId, t.name).nullsNotDistinct(),
  ],
);

/** A person in an organisation: employee, manager (derived from reporting lines), HR or admin. */
export const people = pgTable(
  'people',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    /** Always stored lower-cased and trimmed. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    employeeNumber: text('employee_number'),
    jobTitle: text('job_title'),
    departmentId: uuid('department_id'),
    /** Null means "the organisation's default". */
    locale: text('locale'),
    timeZone: text('time_zone').notNull(),
    managerId: uuid('manager_id'),
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    passwordHash: text('password_hash'),
    /**
     * The address the person has shown to be theirs by signing in with it (or by setting their
     * password through a link). Password resets are mailed here only: HR changing `email`
     * does not move it (decision 016). Null for someone who has never signed in.
     */
    recoveryEmail: text('recovery_email'),
    /** The last successful sign-in; someone who has signed in never gets an HR-made link. */
    lastSignedInAt: timestamp('last_signed_in_at', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    /** Set when the person was erased (decision 024): the row stays as "former employee". */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    /**
     * The manager has hidden the short guidance on the traps of a 1:1 (seed 000) shown where
     * they prepare and run a meeting; carried with the session's profile, so the meeting page
     * needs no request of its own for it.
     */
    coachingTipsHidden: boolean('coaching_tips_hidden').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /**
     * What HR's search looks in: name, e-mail and employee number, lower-cased, kept by
     * PostgreSQL. One LIKE on it costs a sixth of three ILIKEs on the columns (decision 015);
     * chr(1) keeps a match from spanning two fields.
     */
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower(name || chr(1) || email || chr(1) || coalesce(employee_number, ''))`,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.managerId],
      foreignColumns: [t.orgId, t.id],
      name: 'people_manager_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.departmentId],
      foreignColumns: [departments.orgId, departments.id],
      name: 'people_department_fk',
    }),
    unique('people_email_uq').on(t.orgId, t.email),
    unique('people_employee_number_uq').on(t.orgId, t.employeeNumber),
    index('people_manager_idx').on(t.orgId, t.managerId),
    index('people_department_idx').on(t.orgId, t.departmentId),
    index('people_org_name_idx').on(t.orgId, t.name, t.id),
    // Sign-in looks a person up by e-mail before the tenant is known.
    index('people_email_idx').on(t.email),
    // "Forgot password" also finds a person by the address they signed in with.
    index('people_recovery_email_idx').on(t.recoveryEmail),
    // The retention job: people deactivated long ago and not yet erased.
    index('people_leavers_idx')
      .on(t.deactivatedAt)
      .where(sql`${t.active} = false and ${t.erasedAt} is null`),
    // HR's search matches any part of a name, e-mail or employee number (LIKE '%…%' on
    // search_text): a trigram index spares a scan of the whole organisation for rare terms
    // (pg_trgm, see drizzle/0003).
    index('people_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);
