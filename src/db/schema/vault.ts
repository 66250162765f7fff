import {
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { KeyWrap } from '../../domain/sealing/envelope';
import { people } from './organisation';
import { createdAt, orgId, updatedAt } from './columns';

/**
 * A person's vault for sealed notes (decision 018): their data key, wrapped by their passphrase
 * and by their recovery code. Never the data key itself, never a passphrase. Nothing but the
 * person's own requests reads or writes it: no password reset, role change or admin action.
 */
export const personVaults = pgTable(
  'person_vaults',
  {
    orgId: orgId(),
    personId: uuid('person_id').notNull(),
    keyVersion: integer('key_version').notNull(),
    passphraseWrap: jsonb('passphrase_wrap').$type<KeyWrap>().notNull(),
    recoveryWrap: jsonb('recovery_wrap').$type<KeyWrap>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.personId] }),
    foreignKey({
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
      name: 'person_vaults_person_fk',
    }),
  ],
);

/**
 * Passkeys that unlock a person's vault (decision 018): the WebAuthn credential id, the input
 * given to its PRF extension, and the data key wrapped under a key derived from the PRF output.
 * The server cannot derive that key: it needs the authenticator. Shape-checked only.
 */
export const vaultPasskeys = pgTable(
  'vault_passkeys',
  {
    orgId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    keyVersion: integer('key_version').notNull(),
    /** base64url, as WebAuthn names the credential. */
    credentialId: text('credential_id').notNull(),
    prfSalt: text('prf_salt').notNull(),
    wrap: jsonb('wrap').$type<KeyWrap>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('vault_passkeys_credential_uq').on(t.orgId, t.personId, t.credentialId),
    foreignKey({
      columns: [t.orgId, t.personId],
      foreignColumns: [personVaults.orgId, personVaults.personId],
      name: 'vault_passkeys_vault_fk',
    }).onDelete('cascade'),
  ],
);
