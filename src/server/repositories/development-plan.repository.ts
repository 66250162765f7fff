import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { conversations } from '../../db/schema/development';
import {
  developmentPlanItems,
  developmentProgressNotes,
} from '../../db/schema/development-outcomes';
import { touched } from './touched';

export type PlanItemRow = typeof developmentPlanItems.$inferSelect;

/** Lines of development plans. Scoped by org id. */
export const developmentPlanRepository = {
  async insert(db: DbOrTx, row: typeof developmentPlanItems.$inferInsert): Promise<PlanItemRow> {
    const [created] = await db.insert(developmentPlanItems).values(row).returning();
    return created!;
  },

  async findById(db: DbOrTx, orgId: string, id: string, lock = false) {
    const q = db
      .select()
      .from(developmentPlanItems)
      .where(and(eq(developmentPlanItems.orgId, orgId), eq(developmentPlanItems.id, id)))
      .limit(1);
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },

  async update(db: DbOrTx, orgId: string, id: string, patch: Partial<PlanItemRow>) {
    const [row] = await db
      .update(developmentPlanItems)
      .set(touched(patch))
      .where(and(eq(developmentPlanItems.orgId, orgId), eq(developmentPlanItems.id, id)))
      .returning();
    return row!;
  },

  async remove(db: DbOrTx, orgId: string, id: string) {
    await db
      .delete(developmentProgressNotes)
      .where(
        and(eq(developmentProgressNotes.orgId, orgId), eq(developmentProgressNotes.planItemId, id)),
      );
    await db
      .delete(developmentPlanItems)
      .where(and(eq(developmentPlanItems.orgId, orgId), eq(developmentPlanItems.id, id)));
  },

  async forConversation(db: DbOrTx, orgId: string, conversationId: string) {
    return db
      .select()
      .from(developmentPlanItems)
      .where(
        and(
          eq(developmentPlanItems.orgId, orgId),
          eq(developmentPlanItems.conversationId, conversationId),
        ),
      )
      .orderBy(asc(developmentPlanItems.createdAt), asc(developmentPlanItems.id));
  },

  /** The pair's plan items not yet done, from closed or signed agreements (for their 1:1s). */
  async openForPair(db: DbOrTx, orgId: string, pair: { managerId: string; employeeId: string }) {
    const rows = await db
      .select({ item: developmentPlanItems })
      .from(developmentPlanItems)
      .innerJoin(
        conversations,
        and(
          eq(conversations.orgId, developmentPlanItems.orgId),
          eq(conversations.id, developmentPlanItems.conversationId),
        ),
      )
      .where(
        and(
          eq(developmentPlanItems.orgId, orgId),
          eq(developmentPlanItems.employeeId, pair.employeeId),
          eq(developmentPlanItems.managerId, pair.managerId),
          isNull(developmentPlanItems.doneAt),
          inArray(conversations.status, ['closed', 'signed']),
        ),
      )
      .orderBy(desc(developmentPlanItems.createdAt), asc(developmentPlanItems.id))
      .limit(100);
    return rows.map((r) => r.item);
  },
};
