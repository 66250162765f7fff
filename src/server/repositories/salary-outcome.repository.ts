import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { salaryOutcomes } from '../../db/schema/development-outcomes';
import { people } from '../../db/schema/organisation';
import { touched } from './touched';

export type SalaryOutcomeRow = typeof salaryOutcomes.$inferSelect;

/** Outcomes of salary conversations. Scoped by org id. */
export const salaryOutcomeRepository = {
  async find(db: DbOrTx, orgId: string, conversationId: string) {
    const [row] = await db
      .select()
      .from(salaryOutcomes)
      .where(
        and(eq(salaryOutcomes.orgId, orgId), eq(salaryOutcomes.conversationId, conversationId)),
      )
      .limit(1);
    return row;
  },

  /** Records or replaces the outcome (one per conversation). */
  async upsert(db: DbOrTx, row: typeof salaryOutcomes.$inferInsert) {
    const { orgId: _o, conversationId: _c, ...rest } = row;
    const [saved] = await db
      .insert(salaryOutcomes)
      .values(row)
      .onConflictDoUpdate({
        target: [salaryOutcomes.orgId, salaryOutcomes.conversationId],
        set: touched({ ...rest }),
      })
      .returning();
    return saved!;
  },

  /** The salary role's list, newest effective date first, keyset-paged. */
  async list(
    db: DbOrTx,
    orgId: string,
    opts: { after?: { date: string; id: string }; limit: number },
  ) {
    const after = opts.after;
    return db
      .select({ outcome: salaryOutcomes, employeeName: people.name })
      .from(salaryOutcomes)
      .innerJoin(
        people,
        and(eq(people.orgId, salaryOutcomes.orgId), eq(people.id, salaryOutcomes.employeeId)),
      )
      .where(
        and(
          eq(salaryOutcomes.orgId, orgId),
          after
            ? or(
                lt(salaryOutcomes.effectiveDate, after.date),
                and(
                  eq(salaryOutcomes.effectiveDate, after.date),
                  lt(salaryOutcomes.conversationId, after.id),
                ),
              )
            : undefined,
        ),
      )
      .orderBy(desc(salaryOutcomes.effectiveDate), desc(salaryOutcomes.conversationId))
      .limit(opts.limit);
  },
};
