import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { developmentGoalSteps } from '../../db/schema/development-outcomes';
import { touched } from './touched';

export type GoalStepRow = typeof developmentGoalSteps.$inferSelect;

/** The ordered steps of goals. Scoped by org id. */
export const goalStepRepository = {
  /** Steps of many goals in one query, each goal's in the pair's order. */
  async forGoals(db: DbOrTx, orgId: string, goalIds: string[]): Promise<GoalStepRow[]> {
    if (goalIds.length === 0) return [];
    return db
      .select()
      .from(developmentGoalSteps)
      .where(
        and(eq(developmentGoalSteps.orgId, orgId), inArray(developmentGoalSteps.goalId, goalIds)),
      )
      .orderBy(
        asc(developmentGoalSteps.goalId),
        asc(developmentGoalSteps.position),
        asc(developmentGoalSteps.id),
      );
  },

  async findById(db: DbOrTx, orgId: string, id: string) {
    const [row] = await db
      .select()
      .from(developmentGoalSteps)
      .where(and(eq(developmentGoalSteps.orgId, orgId), eq(developmentGoalSteps.id, id)))
      .limit(1);
    return row;
  },

  async insert(db: DbOrTx, row: typeof developmentGoalSteps.$inferInsert): Promise<GoalStepRow> {
    const [created] = await db.insert(developmentGoalSteps).values(row).returning();
    return created!;
  },

  async update(db: DbOrTx, orgId: string, id: string, patch: Partial<GoalStepRow>) {
    const [row] = await db
      .update(developmentGoalSteps)
      .set(touched(patch))
      .where(and(eq(developmentGoalSteps.orgId, orgId), eq(developmentGoalSteps.id, id)))
      .returning();
    return row!;
  },

  /** Sets every step's position to its index in `ids` (one statement). */
  async reorder(db: DbOrTx, orgId: string, goalId: string, ids: string[]) {
    const positions = sql.join(
      ids.map((id, i) => sql`(${id}::uuid, ${i}::int)`),
      sql`, `,
    );
    await db.execute(
      sql`update development_goal_steps s set position = o.position, updated_at = now()
          from (values ${positions}) as o(id, position)
          where s.org_id = ${orgId} and s.goal_id = ${goalId} and s.id = o.id`,
    );
  },

  /** Removes a step and closes the gap it leaves in the order. */
  async remove(db: DbOrTx, orgId: string, step: GoalStepRow) {
    await db
      .delete(developmentGoalSteps)
      .where(and(eq(developmentGoalSteps.orgId, orgId), eq(developmentGoalSteps.id, step.id)));
    await db
      .update(developmentGoalSteps)
      .set({ position: sql`${developmentGoalSteps.position} - 1` })
      .where(
        and(
          eq(developmentGoalSteps.orgId, orgId),
          eq(developmentGoalSteps.goalId, step.goalId),
          sql`${developmentGoalSteps.position} > ${step.position}`,
        ),
      );
  },
};
