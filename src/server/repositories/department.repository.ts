import { and, asc, count, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import { departments, people } from '../../db/schema/index';
import { touched } from './touched';

export type DepartmentRow = typeof departments.$inferSelect;

/** Departments of one organisation, with head counts. */
export const departmentRepository = {
  async listWithCounts(db: DbOrTx, orgId: string) {
    const counts = db
      .select({ departmentId: people.departmentId, n: count().as('n') })
      .from(people)
      .where(and(eq(people.orgId, orgId), eq(people.active, true)))
      .groupBy(people.departmentId)
      .as('counts');
    return db
      .select({ department: departments, people: counts.n })
      .from(departments)
      .leftJoin(counts, eq(counts.departmentId, departments.id))
      .where(eq(departments.orgId, orgId))
      .orderBy(asc(departments.name));
  },

  /** The names from the top unit down to `id` (its path in the tree), in one statement. */
  async pathNames(db: DbOrTx, orgId: string, id: string): Promise<string[]> {
    const rows = await queryRows<{ name: string }>(
      db,
      sql`with recursive up as (
        select d.id, d.parent_id, d.name, 0 as depth from departments d
          where d.org_id = ${orgId} and d.id = ${id}
        union all
        select d.id, d.parent_id, d.name, up.depth + 1 from departments d
          join up on d.org_id = ${orgId} and d.id = up.parent_id
          where up.depth < 100)
      select name from up order by depth desc`,
    );
    return rows.map((r) => r.name);
  },

  async all(db: DbOrTx, orgId: string): Promise<DepartmentRow[]> {
    return db.select().from(departments).where(eq(departments.orgId, orgId));
  },

  async findById(db: DbOrTx, orgId: string, id: string): Promise<DepartmentRow | undefined> {
    const [row] = await db
      .select()
      .from(departments)
      .where(and(eq(departments.orgId, orgId), eq(departments.id, id)))
      .limit(1);
    return row;
  },

  async insert(db: DbOrTx, row: typeof departments.$inferInsert): Promise<DepartmentRow> {
    const [created] = await db.insert(departments).values(row).returning();
    if (!created) throw new Error('insert returned nothing');
    return created;
  },

  async update(
    db: DbOrTx,
    orgId: string,
    id: string,
    patch: { name?: string; parentId?: string | null },
  ): Promise<DepartmentRow | undefined> {
    const [row] = await db
      .update(departments)
      .set(touched(patch))
      .where(and(eq(departments.orgId, orgId), eq(departments.id, id)))
      .returning();
    return row;
  },

  async delete(db: DbOrTx, orgId: string, id: string): Promise<void> {
    await db.delete(departments).where(and(eq(departments.orgId, orgId), eq(departments.id, id)));
  },

  async isUsed(db: DbOrTx, orgId: string, id: string): Promise<boolean> {
    const [child] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, orgId), eq(departments.parentId, id)))
      .limit(1);
    if (child) return true;
    const [member] = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.orgId, orgId), eq(people.departmentId, id)))
      .limit(1);
    return Boolean(member);
  },
};
