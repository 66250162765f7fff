import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError, fieldError } from '../../domain/errors';
import { ROLES, type Actor, type Role } from '../../domain/roles';
import { addressVerdict, type SignInLimits } from '../../domain/sign-in-throttle';
import type { AccountMail } from '../mail/account.mail';
import { auditRepository, type AuditEntry } from '../repositories/audit.repository';
import { peopleRepository, type PersonRow } from '../repositories/people.repository';
import { identityGeneration } from '../repositories/identity-changes';
import { sessionRepository } from '../repositories/session.repository';
import { ssoRepository } from '../repositories/sso.repository';
import { passwordAllowed } from '../../domain/sso/sign-in';
import { recordAudit } from './audit.service';
import { SessionCache } from './session-cache';
import { needsRehash, PASSWORD_MAX, PASSWORD_MIN, type PasswordHasher } from './password';
import { systemClock, type Clock } from '../clock';

export type AuthSettings = {
  sessionDays: number;
  login: SignInLimits;
  /**
   * How long a resolved session may be reused without asking the database (decision 015):
   * the longest a sign-out or deactivation made by another instance takes to reach this
   * one. 0 turns the cache off.
   */
  sessionCacheMs?: number;
};

/**
 * A browser's device cookie for one account (decision 016): the account it signed in to and a
 * random nonce under which its own failed attempts are counted. The cookie is signed, so only
 * Samtal makes one, and only after a successful sign-in or a password set through a link.
 */
export type DeviceToken = { personId: string; nonce: string };

type CachedSession = { actor: Actor; lastSeenAt: number };

const TOUCH_EVERY_MS = 5 * 60_000;

/** A random, URL-safe secret and the SHA-256 under which it is stored. */
export function newSecret(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A new device token for a person. */
export function newDevice(personId: string): DeviceToken {
  return { personId, nonce: randomBytes(16).toString('base64url') };
}

export function checkPasswordRules(password: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN) throw fieldError(field, 'too_short', { min: PASSWORD_MIN });
  if (password.length > PASSWORD_MAX) throw fieldError(field, 'too_long', { max: PASSWORD_MAX });
}

/** Sign-in, sessions and one's own password. */
export function createAuthService(
  db: Db,
  settings: AuthSettings,
  deps: { hasher: PasswordHasher; accountMail: AccountMail },
  clock: Clock = systemClock,
) {
  const { hasher, accountMail } = deps;
  const limits = settings.login;
  const sessionMs = settings.sessionDays * 86_400_000;
  const cache = new SessionCache<CachedSession>(settings.sessionCacheMs ?? 0);
  const findLive = sessionRepository.prepareFindLive(db);

  async function startSession(
    orgId: string,
    personId: string,
    meta: { userAgent?: string; ip?: string; ssoProviderId?: string },
  ) {
    const { token, hash } = newSecret();
    const now = clock.now();
    await sessionRepository.create(db, {
      id: hash,
      orgId,
      personId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionMs),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ipAddress: meta.ip ?? null,
      ssoProviderId: meta.ssoProviderId ?? null,
    });
    return { token, expiresAt: new Date(now.getTime() + sessionMs) };
  }

  /** A refused or failed sign-in, in the log of each organisation the address belongs to. */
  function failed(people: PersonRow[], ip: string, reason: string): Promise<void> {
    const entries: AuditEntry[] = people.map((p) => ({
      orgId: p.orgId,
      actorId: null,
      ip,
      action: 'auth.sign_in_failed',
      subjectType: 'person',
      subjectId: p.id,
      details: { reason },
    }));
    return auditRepository.recordMany(db, entries);
  }

  return {
    /**
     * Signs in with e-mail and password. An unknown e-mail, a deactivated person and a wrong
     * password all give the same error after the same amount of work. Attempts are throttled
     * per address (with growing waits) and per account; a browser holding the account's device
     * cookie has a budget of its own, so nobody can lock a person out of their own browser
     * (domain/sign-in-throttle.ts). A success returns a fresh device token for the browser.
     */
    async login(input: {
      email: string;
      password: string;
      ip: string;
      userAgent?: string;
      device?: DeviceToken | null;
    }) {
      const email = normaliseEmail(input.email);
      const now = clock.now();
      const since = new Date(now.getTime() - limits.windowMinutes * 60_000);
      const people = (await peopleRepository.findByEmailAnyOrg(db, email)).map((c) => c.person);
      const active = people.filter((p) => p.active);

      let device = input.device ?? null;
      if (device && !active.some((p) => p.id === device!.personId)) device = null;
      if (
        device &&
        (await sessionRepository.countFailures(db, `device:${device.nonce}`, since)) >=
          limits.perDevice
      )
        device = null;
      const accountKey = device ? `device:${device.nonce}` : `email:${email}`;
      const addressKey = `ip:${input.ip}`;

      // A browser known to the account answers to its own budget alone; every other client
      // also to its address's, with growing waits (an office behind one address is not slowed
      // down by its colleagues' typos once each has signed in).
      if (!device) {
        const byAddress = await sessionRepository.failureStats(db, addressKey, since);
        const verdict = addressVerdict(byAddress.n, byAddress.last, limits, now);
        if (!verdict.ok) {
          await failed(people, input.ip, 'throttled');
          throw new AppError(verdict.code, {
            seconds: verdict.retryAfterSeconds,
            minutes: limits.windowMinutes,
            retryAfter: verdict.retryAfterSeconds,
          });
        }
      }
      // Counted before the password is checked, so parallel guesses see each other.
      const attemptId = randomUUID();
      await sessionRepository.recordAttempt(db, [accountKey], attemptId, now);
      const byAccount = await sessionRepository.countFailures(db, accountKey, since);
      if (byAccount > (device ? limits.perDevice : limits.perAccount)) {
        await sessionRepository.withdrawAttempt(db, attemptId);
        await failed(people, input.ip, 'throttled');
        throw new AppError('auth.locked', {
          minutes: limits.windowMinutes,
          retryAfter: limits.windowMinutes * 60,
        });
      }

      let match: { person: PersonRow; hash: string } | undefined;
      try {
        for (const p of active) {
          if (p.passwordHash && (await hasher.verify(p.passwordHash, input.password))) {
            match = { person: p, hash: p.passwordHash };
            break;
          }
        }
        if (active.every((p) => !p.passwordHash)) {
          await hasher.verify(await hasher.dummyHash(), input.password);
        }
      } catch (err) {
        // Too busy to check: the attempt never happened.
        await sessionRepository.withdrawAttempt(db, attemptId);
        throw err;
      }
      if (!match) {
        if (!device) await sessionRepository.recordAttempt(db, [addressKey], attemptId, now);
        await failed(people, input.ip, active.length < people.length ? 'inactive' : 'password');
        throw new AppError('auth.invalid_credentials');
      }

      const { person } = match;
      // Break-glass (decision 019): once the organisation requires single sign-on, the right
      // password signs in administrators only. Said after the password checked out, so the
      // answer tells an outsider nothing an unknown address would not; the attempt stays
      // counted.
      if (!passwordAllowed(await ssoRepository.isRequired(db, person.orgId), person.roles)) {
        await failed([person], input.ip, 'sso_required');
        throw new AppError('auth.sso_required');
      }
      await sessionRepository.withdrawAttempt(db, attemptId);
      if (device) await sessionRepository.clearFailures(db, accountKey);
      // Hashes from before today's parameters are upgraded now that the password is at hand;
      // when hashing is busy, at a later sign-in.
      const upgraded = needsRehash(match.hash)
        ? await hasher.hash(input.password).catch(() => undefined)
        : undefined;
      await peopleRepository.recordSignIn(db, person.orgId, person.id, {
        at: now,
        email: person.email,
        ...(upgraded ? { passwordHash: upgraded } : {}),
      });
      await auditRepository.record(db, {
        orgId: person.orgId,
        actorId: person.id,
        ip: input.ip,
        action: 'auth.signed_in',
        subjectType: 'person',
        subjectId: person.id,
        details: { device: device ? 'known' : 'new' },
      });
      const session = await startSession(person.orgId, person.id, input);
      return { ...session, person, device: newDevice(person.id) };
    },

    /**
     * Signs a person in after their identity provider vouched for them (decision 019): the
     * same session, sign-in record and audit entry as a password sign-in, plus the provider,
     * so sign-out can offer the provider's own.
     */
    async signInThroughProvider(
      person: PersonRow,
      provider: { id: string; slug: string },
      meta: { ip: string; userAgent?: string },
    ) {
      const now = clock.now();
      await peopleRepository.recordSignIn(db, person.orgId, person.id, {
        at: now,
        email: person.email,
      });
      await auditRepository.record(db, {
        orgId: person.orgId,
        actorId: person.id,
        ip: meta.ip,
        action: 'auth.signed_in',
        subjectType: 'person',
        subjectId: person.id,
        details: { how: 'sso', provider: provider.slug },
      });
      const session = await startSession(person.orgId, person.id, {
        ...meta,
        ssoProviderId: provider.id,
      });
      return { ...session, person, device: newDevice(person.id) };
    },

    /**
     * Resolves a session cookie to an actor, sliding its expiry now and then. A session seen
     * in the last few seconds comes from the cache (see SessionCache for when it is dropped).
     */
    async actorForToken(token: string): Promise<Actor | undefined> {
      const now = clock.now().getTime();
      const id = sha256(token);
      const cached = cache.get(id, now);
      if (cached) {
        if (now - cached.lastSeenAt > TOUCH_EVERY_MS) {
          cached.lastSeenAt = now;
          await sessionRepository.touch(db, id, new Date(now), new Date(now + sessionMs));
        }
        return cached.actor;
      }
      const readAt = identityGeneration();
      const [found] = await findLive.execute({ id, now: new Date(now) });
      if (!found) return undefined;
      const { session, person, orgDefaultLocale, orgName, orgDefaultTimeZone, directReports } =
        found;
      let expiresAt = session.expiresAt.getTime();
      let lastSeenAt = session.lastSeenAt.getTime();
      if (now - lastSeenAt > TOUCH_EVERY_MS) {
        expiresAt = now + sessionMs;
        lastSeenAt = now;
        await sessionRepository.touch(db, id, new Date(now), new Date(expiresAt));
      }
      const actor: Actor = Object.freeze({
        orgId: person.orgId,
        personId: person.id,
        name: person.name,
        email: person.email,
        roles: Object.freeze(
          person.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
        ),
        locale: person.locale ?? orgDefaultLocale,
        timeZone: person.timeZone,
        sessionId: id,
        directReports: Number(directReports),
        profile: Object.freeze({
          ownLocale: person.locale,
          coachingTipsHidden: person.coachingTipsHidden,
          organisation: Object.freeze({
            id: person.orgId,
            name: orgName,
            defaultLocale: orgDefaultLocale,
            defaultTimeZone: orgDefaultTimeZone,
          }),
        }),
      });
      cache.set(id, { actor, lastSeenAt }, { nowMs: now, expiresAtMs: expiresAt, readAt });
      return actor;
    },

    async logout(actor: Actor): Promise<void> {
      cache.delete(actor.sessionId);
      await sessionRepository.delete(db, actor.orgId, actor.sessionId);
    },

    async listSessions(actor: Actor) {
      const rows = await sessionRepository.listForPerson(
        db,
        actor.orgId,
        actor.personId,
        clock.now(),
      );
      return rows.map((s) => ({
        id: s.id.slice(0, 16),
        current: s.id === actor.sessionId,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        userAgent: s.userAgent,
        ipAddress: s.ipAddress,
      }));
    },

    /** Revokes one of the actor's own sessions by the public prefix shown in listSessions. */
    async revokeSession(actor: Actor, publicId: string): Promise<void> {
      const rows = await sessionRepository.listForPerson(
        db,
        actor.orgId,
        actor.personId,
        clock.now(),
      );
      const target = rows.find((s) => s.id.slice(0, 16) === publicId);
      if (!target) throw new AppError('not_found');
      await db.transaction(async (tx) => {
        await sessionRepository.delete(tx, actor.orgId, target.id);
        await recordAudit(tx, actor, {
          action: 'session.revoked',
          subjectType: 'person',
          subjectId: actor.personId,
          details: { how: 'settings' },
        });
      });
    },

    /**
     * Changes the actor's password: every other session of theirs ends, they are told by mail
     * (at the address they sign in with) and it is recorded.
     */
    async changePassword(actor: Actor, current: string, next: string): Promise<void> {
      const person = await peopleRepository.findById(db, actor.orgId, actor.personId);
      if (!person?.passwordHash || !(await hasher.verify(person.passwordHash, current))) {
        throw fieldError('currentPassword', 'wrong_password');
      }
      checkPasswordRules(next, 'newPassword');
      const passwordHash = await hasher.hash(next);
      await db.transaction(async (tx) => {
        await peopleRepository.update(tx, actor.orgId, actor.personId, { passwordHash });
        await sessionRepository.deleteForPerson(tx, actor.orgId, actor.personId, actor.sessionId);
        await accountMail.passwordChanged(tx, person, {
          at: clock.now(),
          toAddress: person.recoveryEmail ?? person.email,
        });
        await recordAudit(tx, actor, {
          action: 'auth.password_changed',
          subjectType: 'person',
          subjectId: actor.personId,
          details: { how: 'settings' },
        });
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
