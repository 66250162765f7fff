import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client';
import { hasSignedIn, recoveryAddress } from '../../domain/accounts';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import type { AccountMail } from '../mail/account.mail';
import { authorize } from '../policies/index';
import { auditRepository } from '../repositories/audit.repository';
import { passwordTokenRepository } from '../repositories/password-token.repository';
import { peopleRepository, type PersonRow } from '../repositories/people.repository';
import { ssoRepository } from '../repositories/sso.repository';
import { passwordAllowed } from '../../domain/sso/sign-in';
import { sessionRepository } from '../repositories/session.repository';
import { recordAudit } from './audit.service';
import { checkPasswordRules, newDevice, newSecret, normaliseEmail, sha256 } from './auth.service';
import type { PasswordHasher } from './password';
import { systemClock, type Clock } from '../clock';

/** How long a first-time invitation works. */
const INVITATION_HOURS = 72;
/** How long a mailed reset link works. */
const RESET_MINUTES = 60;
/** "Forgot password": requests per address, and mails per person, per hour. */
const FORGOT_PER_ADDRESS = 10;
const FORGOT_PER_PERSON = 3;

export type LinkResult =
  { kind: 'invitation'; token: string; expiresAt: Date } | { kind: 'reset_sent'; expiresAt: Date };

/**
 * Links with which a person sets their password (decision 016). A usable link for someone who
 * has a password or has ever signed in reaches that person only, by mail to the address they
 * signed in with; HR gets a first-time invitation to hand over for someone who never has.
 * Every link is mailed to the person, and every password set is told to them.
 */
export function createAccountLinksService(
  db: Db,
  deps: { hasher: PasswordHasher; accountMail: AccountMail },
  clock: Clock = systemClock,
) {
  const { hasher, accountMail } = deps;

  /** Makes a reset link and mails it to the address the person signed in with. */
  async function mailReset(
    tx: DbOrTx,
    person: PersonRow,
    by: { actor: Actor | null; ip: string | null },
  ): Promise<Date | null> {
    const to = recoveryAddress(person);
    if (!to) return null;
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + RESET_MINUTES * 60_000);
    const { token, hash } = newSecret();
    await passwordTokenRepository.voidUnused(tx, person.orgId, person.id, now);
    await passwordTokenRepository.insert(tx, {
      orgId: person.orgId,
      id: hash,
      personId: person.id,
      kind: 'reset',
      createdBy: by.actor?.personId ?? null,
      expiresAt,
    });
    await accountMail.reset(tx, person, {
      token,
      minutes: RESET_MINUTES,
      by: by.actor?.name ?? null,
      toAddress: to,
    });
    await auditRepository.record(tx, {
      orgId: person.orgId,
      actorId: by.actor?.personId ?? null,
      ip: by.ip,
      action: 'auth.reset_sent',
      subjectType: 'person',
      subjectId: person.id,
      details: { by: by.actor ? 'hr' : 'self' },
    });
    return expiresAt;
  }

  return {
    /**
     * HR asks for a way in for a person. Someone who has never signed in gets a first-time
     * invitation (72 h, once), which HR may hand over and which is also mailed to them; anyone
     * else gets a reset link mailed to their own address, and HR learns only that it was sent.
     */
    async requestLink(actor: Actor, personId: string): Promise<LinkResult> {
      authorize(actor, { do: 'person.manage', orgId: actor.orgId });
      return db.transaction(async (tx) => {
        const person = await peopleRepository.findById(tx, actor.orgId, personId);
        if (!person) throw new AppError('not_found');
        if (!person.active) throw new AppError('account.inactive');
        // Single sign-on required: no password links but for the break-glass administrators.
        if (!passwordAllowed(await ssoRepository.isRequired(tx, person.orgId), person.roles))
          throw new AppError('sso.password_links_off');
        if (hasSignedIn(person)) {
          const expiresAt = await mailReset(tx, person, { actor, ip: actor.ip ?? null });
          if (!expiresAt) throw new AppError('account.no_address');
          return { kind: 'reset_sent', expiresAt };
        }
        const now = clock.now();
        const expiresAt = new Date(now.getTime() + INVITATION_HOURS * 3_600_000);
        const { token, hash } = newSecret();
        await passwordTokenRepository.voidUnused(tx, person.orgId, person.id, now);
        await passwordTokenRepository.insert(tx, {
          orgId: person.orgId,
          id: hash,
          personId: person.id,
          kind: 'invitation',
          createdBy: actor.personId,
          expiresAt,
        });
        await accountMail.invitation(tx, person, {
          token,
          hours: INVITATION_HOURS,
          by: actor.name,
        });
        await recordAudit(tx, actor, {
          action: 'auth.invitation_created',
          subjectType: 'person',
          subjectId: person.id,
        });
        return { kind: 'invitation', token, expiresAt };
      });
    },

    /**
     * "Forgot password": mails a reset link to each active person who signs in (or has signed
     * in) with this address. The answer is the same whether or not anyone does; requests are
     * limited per address (429) and mails per person (silently).
     */
    async forgotPassword(input: { email: string; ip: string }): Promise<void> {
      const now = clock.now();
      const since = new Date(now.getTime() - 3_600_000);
      const addressKey = `reset-ip:${input.ip}`;
      if ((await sessionRepository.countFailures(db, addressKey, since)) >= FORGOT_PER_ADDRESS) {
        throw new AppError('auth.reset_limited', { retryAfter: 3600 });
      }
      await sessionRepository.recordAttempt(db, [addressKey], randomUUID(), now);
      const people = await peopleRepository.findActiveForReset(db, normaliseEmail(input.email));
      for (const person of people) {
        const personKey = `reset:${person.orgId}:${person.id}`;
        if ((await sessionRepository.countFailures(db, personKey, since)) >= FORGOT_PER_PERSON)
          continue;
        // The same answer, but no mail, where single sign-on is required (decision 019).
        if (!passwordAllowed(await ssoRepository.isRequired(db, person.orgId), person.roles))
          continue;
        await sessionRepository.recordAttempt(db, [personKey], randomUUID(), now);
        await db.transaction((tx) => mailReset(tx, person, { actor: null, ip: input.ip }));
      }
    },

    /**
     * Sets a password through a link: the link is spent, the person's other links too, their
     * sessions end and they are told. An invitation no longer works once the person has a
     * password or has signed in. Returns a device token for the browser (it has shown it holds
     * the person's mail, or HR's first-time invitation).
     */
    async setPasswordWithToken(token: string, password: string, ip: string) {
      checkPasswordRules(password);
      const passwordHash = await hasher.hash(password);
      return db.transaction(async (tx) => {
        const now = clock.now();
        const row = await passwordTokenRepository.spend(tx, sha256(token), now);
        if (!row) throw new AppError('auth.token_invalid');
        const person = await peopleRepository.findById(tx, row.orgId, row.personId);
        if (!person?.active) throw new AppError('auth.token_invalid');
        // A link made before single sign-on was required no longer sets a password.
        if (!passwordAllowed(await ssoRepository.isRequired(tx, person.orgId), person.roles))
          throw new AppError('auth.sso_required');
        if (row.kind === 'invitation' && hasSignedIn(person))
          throw new AppError('auth.token_invalid');
        await passwordTokenRepository.voidUnused(tx, person.orgId, person.id, now);
        const recovery = row.kind === 'invitation' ? person.email : recoveryAddress(person);
        await peopleRepository.update(tx, person.orgId, person.id, {
          passwordHash,
          recoveryEmail: recovery,
        });
        await sessionRepository.deleteForPerson(tx, person.orgId, person.id);
        await accountMail.passwordChanged(tx, person, { at: now, toAddress: recovery });
        await auditRepository.record(tx, {
          orgId: person.orgId,
          actorId: person.id,
          ip,
          action: 'auth.password_changed',
          subjectType: 'person',
          subjectId: person.id,
          details: { how: row.kind },
        });
        return { device: newDevice(person.id) };
      });
    },
  };
}
