import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { organisations } from '../../db/schema/index';

export type OrganisationRow = typeof organisations.$inferSelect;

export const organisationRepository = {
  async findById(db: DbOrTx, id: string): Promise<OrganisationRow | undefined> {
    const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
    return row;
  },
  async findBySlug(db: DbOrTx, slug: string): Promise<OrganisationRow | undefined> {
    const [row] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.slug, slug))
      .limit(1);
    return row;
  },
  async insert(db: DbOrTx, row: typeof organisations.$inferInsert): Promise<OrganisationRow> {
    const [created] = await db.insert(organisations).values(row).returning();
    if (!created) throw new Error('insert returned nothing');
    return created;
  },
  async update(db: DbOrTx, id: string, patch: Partial<typeof organisations.$inferInsert>) {
    const [row] = await db
      .update(organisations)
      .set(patch)
      .where(eq(organisations.id, id))
      .returning();
    return row;
  },
};
