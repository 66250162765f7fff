import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { conversationPreparations } from '../../db/schema/development-preparation';
import type { PreparerRole } from '../../domain/development/reveal';
import { touched } from './touched';

export type PreparationRow = typeof conversationPreparations.$inferSelect;

/**
 * Written preparations. Whether each of the two has submitted is read without the answers;
 * answers are read only for the roles the caller names, so the service can never load the
 * other's answers before the reveal by accident.
 */
export const conversationPreparationRepository = {
  /** Who has a preparation and whether it is submitted: no answers. */
  async states(db: DbOrTx, orgId: string, conversationId: string) {
    return db
      .select({
        authorRole: conversationPreparations.authorRole,
        submittedAt: conversationPreparations.submittedAt,
        updatedAt: conversationPreparations.updatedAt,
      })
      .from(conversationPreparations)
      .where(
        and(
          eq(conversationPreparations.orgId, orgId),
          eq(conversationPreparations.conversationId, conversationId),
        ),
      );
  },

  /** The preparations (with answers) of the given roles only. */
  async ofRoles(
    db: DbOrTx,
    orgId: string,
    conversationId: string,
    roles: PreparerRole[],
    lock = false,
  ): Promise<PreparationRow[]> {
    if (roles.length === 0) return [];
    const q = db
      .select()
      .from(conversationPreparations)
      .where(
        and(
          eq(conversationPreparations.orgId, orgId),
          eq(conversationPreparations.conversationId, conversationId),
          inArray(conversationPreparations.authorRole, roles),
        ),
      );
    return lock ? q.for('update') : q;
  },

  async insert(db: DbOrTx, row: typeof conversationPreparations.$inferInsert) {
    const [created] = await db
      .insert(conversationPreparations)
      .values(row)
      .onConflictDoNothing()
      .returning();
    return created;
  },

  async update(db: DbOrTx, orgId: string, id: string, patch: Partial<PreparationRow>) {
    const [row] = await db
      .update(conversationPreparations)
      .set(touched(patch))
      .where(and(eq(conversationPreparations.orgId, orgId), eq(conversationPreparations.id, id)))
      .returning();
    return row!;
  },
};
