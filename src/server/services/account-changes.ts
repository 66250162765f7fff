import type { DbOrTx } from '../../db/client';
import { hasSignedIn } from '../../domain/accounts';
import type { AccountMail } from '../mail/account.mail';
import { auditRepository } from '../repositories/audit.repository';
import { passwordTokenRepository } from '../repositories/password-token.repository';
import type { PersonRow } from '../repositories/people.repository';

/**
 * What follows when someone else changes a person's e-mail address (the people form or an
 * import): links sent to the old address stop working, the old address is told, and it is
 * recorded. The address resets go to stays the one the person signed in with, so an HR person
 * who puts their own address on a manager and asks for a reset gets nothing.
 */
export async function emailChanged(
  tx: DbOrTx,
  accountMail: AccountMail | null,
  before: PersonRow,
  newEmail: string,
  actor: { personId: string; name: string | null; ip?: string } | null,
  source: 'form' | 'api' | 'cli' | 'scim',
  now: Date,
): Promise<void> {
  await passwordTokenRepository.voidUnused(tx, before.orgId, before.id, now);
  const oldAddress = before.recoveryEmail ?? before.email;
  if (accountMail && hasSignedIn(before) && before.active) {
    await accountMail.emailChanged(tx, before, {
      oldAddress,
      newAddress: newEmail,
      by: actor?.name ?? null,
    });
  }
  await auditRepository.record(tx, {
    orgId: before.orgId,
    actorId: actor?.personId ?? null,
    ip: actor?.ip ?? null,
    action: 'person.email_changed',
    subjectType: 'person',
    subjectId: before.id,
    details: { source },
  });
}
