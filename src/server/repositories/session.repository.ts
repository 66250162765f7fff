import { and, count, eq, gt, lt, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { identityChanged } from './identity-changes';
import { loginAttempts, organisations, people, sessions } from '../../db/schema/index';

/** Sessions and sign-in throttling. */
export const sessionRepository = {
  async create(db: DbOrTx, row: typeof sessions.$inferInsert): Promise<void> {
    await db.insert(sessions).values(row);
  },

  /**
   * The live session with a given id (`$id`, `$now`), with its (active) person, the
   * organisation's default language and the person's number of active direct reports: one
   * round trip per request, as a named statement (parsed and planned once per connection).
   */
  prepareFindLive(db: DbOrTx) {
    const reports = sql<number>`(select count(*)::int from ${people} r
      where r.org_id = ${people.orgId} and r.manager_id = ${people.id} and r.active)`;
    return db
      .select({
        session: sessions,
        person: people,
        orgDefaultLocale: organisations.defaultLocale,
        orgName: organisations.name,
        orgDefaultTimeZone: organisations.defaultTimeZone,
        directReports: reports,
      })
      .from(sessions)
      .innerJoin(people, and(eq(people.orgId, sessions.orgId), eq(people.id, sessions.personId)))
      .innerJoin(organisations, eq(organisations.id, sessions.orgId))
      .where(
        and(
          eq(sessions.id, sql.placeholder('id')),
          gt(sessions.expiresAt, sql.placeholder('now')),
          eq(people.active, true),
        ),
      )
      .limit(1)
      .prepare('session_find_live');
  },

  async touch(db: DbOrTx, id: string, now: Date, expiresAt: Date): Promise<void> {
    await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
  },

  async listForPerson(db: DbOrTx, orgId: string, personId: string, now: Date) {
    return db
      .select()
      .from(sessions)
      .where(
        and(
          eq(sessions.orgId, orgId),
          eq(sessions.personId, personId),
          gt(sessions.expiresAt, now),
        ),
      )
      .orderBy(sql`${sessions.lastSeenAt} desc`);
  },

  async delete(db: DbOrTx, orgId: string, id: string): Promise<void> {
    await db.delete(sessions).where(and(eq(sessions.orgId, orgId), eq(sessions.id, id)));
    identityChanged();
  },

  /** Revokes every session of a person, optionally keeping one. */
  async deleteForPerson(db: DbOrTx, orgId: string, personId: string, keep?: string) {
    const cond = and(eq(sessions.orgId, orgId), eq(sessions.personId, personId));
    await db.delete(sessions).where(keep ? and(cond, sql`${sessions.id} <> ${keep}`) : cond);
    identityChanged();
  },

  async deleteExpired(db: DbOrTx, now: Date): Promise<void> {
    await db.delete(sessions).where(lt(sessions.expiresAt, now));
    identityChanged();
  },

  async countFailures(db: DbOrTx, key: string, since: Date): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.key, key), gt(loginAttempts.attemptedAt, since)));
    return row?.n ?? 0;
  },

  /** Failures under a key since a time, and when the last one was. */
  async failureStats(db: DbOrTx, key: string, since: Date) {
    const [row] = await db
      .select({ n: count(), last: max(loginAttempts.attemptedAt) })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.key, key), gt(loginAttempts.attemptedAt, since)));
    return { n: row?.n ?? 0, last: row?.last ?? null };
  },

  /**
   * Counts an attempt under each key before its password is checked, so parallel guesses see
   * each other; `withdrawAttempt` takes it back when it succeeds or never ran.
   */
  async recordAttempt(db: DbOrTx, keys: string[], attemptId: string, at: Date): Promise<void> {
    await db.insert(loginAttempts).values(keys.map((key) => ({ key, attemptedAt: at, attemptId })));
  },

  async withdrawAttempt(db: DbOrTx, attemptId: string): Promise<void> {
    await db.delete(loginAttempts).where(eq(loginAttempts.attemptId, attemptId));
  },

  async clearFailures(db: DbOrTx, key: string): Promise<void> {
    await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
  },

  async pruneFailures(db: DbOrTx, before: Date): Promise<void> {
    await db.delete(loginAttempts).where(lt(loginAttempts.attemptedAt, before));
  },
};
