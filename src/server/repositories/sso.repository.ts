import { and, asc, count, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  identityProviders,
  organisations,
  people,
  sessions,
  ssoIdentities,
  ssoTransactions,
} from '../../db/schema/index';
import { touched } from './touched';

export type IdentityProviderRow = typeof identityProviders.$inferSelect;
export type SsoTransactionRow = typeof ssoTransactions.$inferSelect;

/** Identity providers, their links to people and sign-ins under way (decision 019). */
export const ssoRepository = {
  async listProviders(db: DbOrTx, orgId: string): Promise<IdentityProviderRow[]> {
    return db
      .select()
      .from(identityProviders)
      .where(eq(identityProviders.orgId, orgId))
      .orderBy(asc(identityProviders.createdAt), asc(identityProviders.id));
  },

  async findProvider(db: DbOrTx, orgId: string, id: string) {
    const [row] = await db
      .select()
      .from(identityProviders)
      .where(and(eq(identityProviders.orgId, orgId), eq(identityProviders.id, id)));
    return row;
  },

  /** A provider by the organisation's slug and its own, for the sign-in URL. */
  async findBySlugs(db: DbOrTx, orgSlug: string, providerSlug: string) {
    const [row] = await db
      .select({ provider: identityProviders, orgSlug: organisations.slug })
      .from(identityProviders)
      .innerJoin(organisations, eq(organisations.id, identityProviders.orgId))
      .where(and(eq(organisations.slug, orgSlug), eq(identityProviders.slug, providerSlug)));
    return row;
  },

  /** What the sign-in page shows for an organisation: its enabled providers and the rule. */
  async signInOptions(db: DbOrTx, orgSlug: string) {
    const [org] = await db
      .select({ id: organisations.id, ssoRequired: organisations.ssoRequired })
      .from(organisations)
      .where(eq(organisations.slug, orgSlug));
    if (!org) return undefined;
    const providers = await db
      .select({ slug: identityProviders.slug, label: identityProviders.label })
      .from(identityProviders)
      .where(and(eq(identityProviders.orgId, org.id), eq(identityProviders.enabled, true)))
      .orderBy(asc(identityProviders.createdAt), asc(identityProviders.id));
    return { ssoRequired: org.ssoRequired, providers };
  },

  async countAllProviders(db: DbOrTx): Promise<number> {
    const [row] = await db.select({ n: count() }).from(identityProviders);
    return Number(row?.n ?? 0);
  },

  async countEnabled(db: DbOrTx, orgId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(identityProviders)
      .where(and(eq(identityProviders.orgId, orgId), eq(identityProviders.enabled, true)));
    return Number(row?.n ?? 0);
  },

  async insertProvider(db: DbOrTx, row: typeof identityProviders.$inferInsert) {
    const [created] = await db.insert(identityProviders).values(row).returning();
    if (!created) throw new Error('insert returned nothing');
    return created;
  },

  async updateProvider(
    db: DbOrTx,
    orgId: string,
    id: string,
    patch: Partial<typeof identityProviders.$inferInsert>,
  ) {
    const [row] = await db
      .update(identityProviders)
      .set(touched(patch))
      .where(and(eq(identityProviders.orgId, orgId), eq(identityProviders.id, id)))
      .returning();
    return row;
  },

  async markTested(db: DbOrTx, orgId: string, id: string, at: Date): Promise<void> {
    // Not an edit: updated_at (the discovery cache key) stays.
    await db
      .update(identityProviders)
      .set({ testedAt: at })
      .where(and(eq(identityProviders.orgId, orgId), eq(identityProviders.id, id)));
  },

  async deleteProvider(db: DbOrTx, orgId: string, id: string): Promise<boolean> {
    const rows = await db
      .delete(identityProviders)
      .where(and(eq(identityProviders.orgId, orgId), eq(identityProviders.id, id)))
      .returning({ id: identityProviders.id });
    return rows.length > 0;
  },

  async setRequired(db: DbOrTx, orgId: string, required: boolean): Promise<void> {
    await db
      .update(organisations)
      .set({ ssoRequired: required })
      .where(eq(organisations.id, orgId));
  },

  async isRequired(db: DbOrTx, orgId: string): Promise<boolean> {
    const [row] = await db
      .select({ r: organisations.ssoRequired })
      .from(organisations)
      .where(eq(organisations.id, orgId));
    return row?.r ?? false;
  },

  async insertTransaction(db: DbOrTx, row: typeof ssoTransactions.$inferInsert): Promise<void> {
    await db.insert(ssoTransactions).values(row);
  },

  /**
   * Takes a sign-in under way by its state's hash: deleted as it is read, so a state is used
   * once, whatever happens next. An expired one is taken too (and reported as expired).
   */
  async takeTransaction(db: DbOrTx, id: string): Promise<SsoTransactionRow | undefined> {
    const [row] = await db.delete(ssoTransactions).where(eq(ssoTransactions.id, id)).returning();
    return row;
  },

  async pruneTransactions(db: DbOrTx, before: Date): Promise<void> {
    await db.delete(ssoTransactions).where(lt(ssoTransactions.expiresAt, before));
  },

  /** The person linked to a provider subject. */
  async linkedPerson(db: DbOrTx, orgId: string, providerId: string, subject: string) {
    const [row] = await db
      .select({ person: people })
      .from(ssoIdentities)
      .innerJoin(
        people,
        and(eq(people.orgId, ssoIdentities.orgId), eq(people.id, ssoIdentities.personId)),
      )
      .where(
        and(
          eq(ssoIdentities.orgId, orgId),
          eq(ssoIdentities.providerId, providerId),
          eq(ssoIdentities.subject, subject),
        ),
      );
    return row?.person;
  },

  /** The person with an address in the organisation, and the subject they are linked to. */
  async personByEmail(db: DbOrTx, orgId: string, providerId: string, email: string) {
    const [row] = await db
      .select({ person: people, linkedSubject: ssoIdentities.subject })
      .from(people)
      .leftJoin(
        ssoIdentities,
        and(
          eq(ssoIdentities.orgId, people.orgId),
          eq(ssoIdentities.personId, people.id),
          eq(ssoIdentities.providerId, providerId),
        ),
      )
      .where(and(eq(people.orgId, orgId), eq(people.email, email)));
    return row;
  },

  async link(
    db: DbOrTx,
    row: { orgId: string; providerId: string; subject: string; personId: string },
  ): Promise<void> {
    await db.insert(ssoIdentities).values(row);
  },

  async touchLink(db: DbOrTx, orgId: string, providerId: string, subject: string, at: Date) {
    await db
      .update(ssoIdentities)
      .set({ lastUsedAt: at })
      .where(
        and(
          eq(ssoIdentities.orgId, orgId),
          eq(ssoIdentities.providerId, providerId),
          eq(ssoIdentities.subject, subject),
        ),
      );
  },

  /** The provider a session was signed in with, if any. */
  async sessionProvider(db: DbOrTx, orgId: string, sessionId: string) {
    const [row] = await db
      .select({ provider: identityProviders })
      .from(sessions)
      .innerJoin(
        identityProviders,
        and(
          eq(identityProviders.orgId, sessions.orgId),
          eq(identityProviders.id, sessions.ssoProviderId),
        ),
      )
      .where(and(eq(sessions.orgId, orgId), eq(sessions.id, sessionId)));
    return row?.provider;
  },

  /** How many people each provider has linked (for the administrator's list). */
  async linkCounts(db: DbOrTx, orgId: string): Promise<Map<string, number>> {
    const rows = await db
      .select({ providerId: ssoIdentities.providerId, n: sql<number>`count(*)::int` })
      .from(ssoIdentities)
      .where(eq(ssoIdentities.orgId, orgId))
      .groupBy(ssoIdentities.providerId);
    return new Map(rows.map((r) => [r.providerId, Number(r.n)]));
  },
};
