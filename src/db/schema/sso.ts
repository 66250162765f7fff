import {
  boolean,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from './organisation';
import { createdAt, orgId, ts, updatedAt } from './columns';

/**
 * An OpenID Connect identity provider of an organisation (decision 019). The client secret is
 * stored only encrypted (AES-256-GCM, `services/secret-box.ts`), bound to this row.
 */
export const identityProviders = pgTable(
  'identity_providers',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    /** The provider's part of the sign-in URL: /api/auth/sso/<org slug>/<slug>. */
    slug: text('slug').notNull(),
    label: text('label').notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    clientSecretEnc: text('client_secret_enc').notNull(),
    /** The ID token claim that carries the e-mail address (Entra ID: often `preferred_username`). */
    emailClaim: text('email_claim').notNull().default('email'),
    /** Addresses from this provider count as verified without `email_verified` (Entra ID). */
    trustEmail: boolean('trust_email').notNull().default(false),
    /** A sign-in with an unknown address creates the person (off by default). */
    createAccounts: boolean('create_accounts').notNull().default(false),
    enabled: boolean('enabled').notNull().default(false),
    /** The last successful test sign-in since the connection settings last changed. */
    testedAt: ts('tested_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique('identity_providers_slug_uq').on(t.orgId, t.slug),
  ],
);

/** A person's account at a provider: matched by the provider's stable subject once linked. */
export const ssoIdentities = pgTable(
  'sso_identities',
  {
    orgId: orgId(),
    providerId: uuid('provider_id').notNull(),
    subject: text('subject').notNull(),
    personId: uuid('person_id').notNull(),
    linkedAt: createdAt(),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.providerId, t.subject] }),
    unique('sso_identities_person_uq').on(t.orgId, t.providerId, t.personId),
    foreignKey({
      columns: [t.orgId, t.providerId],
      foreignColumns: [identityProviders.orgId, identityProviders.id],
      name: 'sso_identities_provider_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
      name: 'sso_identities_person_fk',
    }).onDelete('cascade'),
  ],
);

/**
 * A sign-in under way: state (stored as its SHA-256), nonce and PKCE verifier, kept for ten
 * minutes and deleted when the provider answers, so a state is used once.
 */
export const ssoTransactions = pgTable(
  'sso_transactions',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    providerId: uuid('provider_id').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** Where the web app goes afterwards (a path inside the app). */
    next: text('next').notNull().default('/'),
    /** An administrator's test sign-in: checks the provider, starts no session. */
    testBy: uuid('test_by'),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [
    foreignKey({
      columns: [t.orgId, t.providerId],
      foreignColumns: [identityProviders.orgId, identityProviders.id],
      name: 'sso_transactions_provider_fk',
    }).onDelete('cascade'),
    index('sso_transactions_expires_idx').on(t.expiresAt),
  ],
);
