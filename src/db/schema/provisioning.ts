import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from './organisation';
import { createdAt, orgId, ts, updatedAt } from './columns';

/**
 * Bearer tokens an identity provider uses for SCIM provisioning (decision 022). Made by an
 * administrator, shown once; only the SHA-256 of the token is kept. One organisation each.
 */
export const scimTokens = pgTable(
  'scim_tokens',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    /** The administrator's name for it, e.g. "Entra ID (production)". */
    name: text('name').notNull(),
    /** Hex SHA-256 of the whole token; looked up before the organisation is known. */
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    /** Updated at most once a minute, so a busy provisioning cycle writes little. */
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), unique('scim_tokens_hash_uq').on(t.tokenHash)],
);

/**
 * What the identity provider knows a person by: its own id for them (`externalId`), the
 * `userName` it sent, and the parts of the name Samtal keeps as one `name`. One row per person
 * provisioned (or matched) through SCIM; `deleted_at` is set by a SCIM DELETE, after which the
 * person (deactivated, history kept) is no longer a SCIM resource.
 */
export const scimIdentities = pgTable(
  'scim_identities',
  {
    orgId: orgId(),
    personId: uuid('person_id').notNull(),
    externalId: text('external_id'),
    userName: text('user_name').notNull(),
    givenName: text('given_name'),
    familyName: text('family_name'),
    /** Counts every SCIM write; part of the resource's ETag. */
    version: integer('version').notNull().default(1),
    deletedAt: ts('deleted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.personId] }),
    foreignKey({
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
      name: 'scim_identities_person_fk',
    }).onDelete('cascade'),
    unique('scim_identities_external_id_uq').on(t.orgId, t.externalId),
    index('scim_identities_user_name_idx').on(t.orgId, sql`lower(${t.userName})`),
  ],
);

/** The organisation's provisioning choices (no row: the defaults). */
export const scimSettings = pgTable('scim_settings', {
  orgId: orgId().primaryKey(),
  /** A `department` naming a unit that does not exist creates it (else the person has none). */
  createDepartments: boolean('create_departments').notNull().default(false),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAt(),
});
