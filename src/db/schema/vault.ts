import { foreignKey, integer, jsonb, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
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
