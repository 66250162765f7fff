import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError, fieldError } from '../../domain/errors';
import { ROLES, type Actor, type Role } from '../../domain/roles';
import { passwordTokens } from '../../db/schema/index';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { authorize } from '../policies/index';
import { peopleRepository } from '../repositories/people.repository';
import { identityGeneration } from '../repositories/identity-changes';
import { sessionRepository } from '../repositories/session.repository';
import { SessionCache } from './session-cache';
import { dummyHash, hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './password';

export type AuthSettings = {
  sessionDays: number;
  login: { maxPerAccount: number; maxPerAddress: number; windowMinutes: number };
  /**
   * How long a resolved session may be reused without asking the database (decision 015):
   * the longest a sign-out or deactivation made by another instance takes to reach this
   * one. 0 turns the cache off.
   */
  sessionCacheMs?: number;
};

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

function checkPasswordRules(password: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN) throw fieldError(field, 'too_short', { min: PASSWORD_MIN });
  if (password.length > PASSWORD_MAX) throw fieldError(field, 'too_long', { max: PASSWORD_MAX });
}

/** Sign-in, sessions and passwords. */
export function createAuthService(db: Db, settings: AuthSettings) {
  const sessionMs = settings.sessionDays * 86_400_000;
  const cache = new SessionCache<CachedSession>(settings.sessionCacheMs ?? 0);
  const findLive = sessionRepository.prepareFindLive(db);

  async function startSession(
    orgId: string,
    personId: string,
    meta: { userAgent?: string; ip?: string },
  ) {
    const { token, hash } = newSecret();
    const now = new Date();
    await sessionRepository.create(db, {
      id: hash,
      orgId,
      personId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionMs),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ipAddress: meta.ip ?? null,
    });
    return { token, expiresAt: new Date(now.getTime() + sessionMs) };
  }

  return {
    /**
     * Signs in with e-mail and password. An unknown e-mail, a deactivated person and a wrong
     * password all give the same error after the same amount of work. Failures are counted per
     * account and per address; past the limit, even a right password is refused for a while.
     */
    async login(input: { email: string; password: string; ip: string; userAgent?: string }) {
      const email = normaliseEmail(input.email);
      const { maxPerAccount, maxPerAddress, windowMinutes } = settings.login;
      const since = new Date(Date.now() - windowMinutes * 60_000);
      const accountKey = `email:${email}`;
      const addressKey = `ip:${input.ip}`;
      const [byAccount, byAddress] = await Promise.all([
        sessionRepository.countFailures(db, accountKey, since),
        sessionRepository.countFailures(db, addressKey, since),
      ]);
      if (byAccount >= maxPerAccount || byAddress >= maxPerAddress) {
        throw new AppError('auth.rate_limited', { minutes: windowMinutes });
      }
      const candidates = await peopleRepository.findActiveByEmailAnyOrg(db, email);
      let match: (typeof candidates)[number] | undefined;
      for (const c of candidates) {
        if (
          c.person.passwordHash &&
          (await verifyPassword(c.person.passwordHash, input.password))
        ) {
          match = c;
          break;
        }
      }
      if (candidates.every((c) => !c.person.passwordHash)) {
        await verifyPassword(await dummyHash(), input.password);
      }
      if (!match) {
        await sessionRepository.recordFailure(db, [accountKey, addressKey], new Date());
        throw new AppError('auth.invalid_credentials');
      }
      await sessionRepository.clearFailures(db, accountKey);
      const session = await startSession(match.person.orgId, match.person.id, input);
      return { ...session, person: match.person, org: match.org };
    },

    /**
     * Resolves a session cookie to an actor, sliding its expiry now and then. A session seen
     * in the last few seconds comes from the cache (see SessionCache for when it is dropped).
     */
    async actorForToken(token: string): Promise<Actor | undefined> {
      const now = Date.now();
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
        new Date(),
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
        new Date(),
      );
      const target = rows.find((s) => s.id.slice(0, 16) === publicId);
      if (!target) throw new AppError('not_found');
      await sessionRepository.delete(db, actor.orgId, target.id);
    },

    /** Changes the actor's password; every other session of theirs is signed out. */
    async changePassword(actor: Actor, current: string, next: string): Promise<void> {
      const person = await peopleRepository.findById(db, actor.orgId, actor.personId);
      if (!person?.passwordHash || !(await verifyPassword(person.passwordHash, current))) {
        throw fieldError('currentPassword', 'wrong_password');
      }
      checkPasswordRules(next, 'newPassword');
      const passwordHash = await hashPassword(next);
      await db.transaction(async (tx) => {
        await peopleRepository.update(tx, actor.orgId, actor.personId, { passwordHash });
        await sessionRepository.deleteForPerson(tx, actor.orgId, actor.personId, actor.sessionId);
      });
    },

    /** HR makes a one-time link with which a person sets their password (valid 7 days). */
    async createPasswordLink(actor: Actor, personId: string) {
      authorize(actor, { do: 'person.manage', orgId: actor.orgId });
      const person = await peopleRepository.findById(db, actor.orgId, personId);
      if (!person) throw new AppError('not_found');
      if (!person.active) throw new AppError('auth.token_invalid');
      const { token, hash } = newSecret();
      const expiresAt = new Date(Date.now() + 7 * 86_400_000);
      await db.insert(passwordTokens).values({
        orgId: actor.orgId,
        id: hash,
        personId,
        createdBy: actor.personId,
        expiresAt,
      });
      return { token, expiresAt };
    },

    /** Sets a password through a one-time link; the link is spent and old sessions end. */
    async setPasswordWithToken(token: string, password: string): Promise<void> {
      checkPasswordRules(password);
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(passwordTokens)
          .set({ usedAt: new Date() })
          .where(
            and(
              eq(passwordTokens.id, sha256(token)),
              isNull(passwordTokens.usedAt),
              gt(passwordTokens.expiresAt, new Date()),
            ),
          )
          .returning();
        if (!row) throw new AppError('auth.token_invalid');
        const person = await peopleRepository.findById(tx, row.orgId, row.personId);
        if (!person?.active) throw new AppError('auth.token_invalid');
        await peopleRepository.update(tx, row.orgId, row.personId, { passwordHash });
        await sessionRepository.deleteForPerson(tx, row.orgId, row.personId);
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
