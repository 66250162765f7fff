import { z } from 'zod';
import type { PasskeyRow, VaultRow } from '../repositories/vault.repository';
import { PasskeyWrapSchema, PassphraseWrapSchema, RecoveryWrapSchema } from '../../contracts/vault';

export function presentPasskey(row: PasskeyRow) {
  return {
    id: row.id,
    keyVersion: row.keyVersion,
    credentialId: row.credentialId,
    prfSalt: row.prfSalt,
    wrap: row.wrap as z.infer<typeof PasskeyWrapSchema>,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentVault(row: (VaultRow & { passkeys: PasskeyRow[] }) | undefined) {
  return {
    vault: row
      ? {
          keyVersion: row.keyVersion,
          passphrase: row.passphraseWrap as z.infer<typeof PassphraseWrapSchema>,
          recovery: row.recoveryWrap as z.infer<typeof RecoveryWrapSchema>,
          passkeys: row.passkeys.map(presentPasskey),
          updatedAt: row.updatedAt.toISOString(),
        }
      : null,
  };
}
