import { and, asc, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { oneOnOneSeries, taskReviewItems, taskReviews } from '../../db/schema/index';
import { touched } from './touched';

export type TaskReviewRow = typeof taskReviews.$inferSelect;
export type TaskReviewItemRow = typeof taskReviewItems.$inferSelect;

/** Task-status reviews of 1:1 series and their items. Scoped by org id. */
export const taskReviewRepository = {
  /** A review with the pair of its series (for the policy). */
  async findWithSeries(db: DbOrTx, orgId: string, id: string, lock = false) {
    const q = db
      .select({ review: taskReviews, series: oneOnOneSeries })
      .from(taskReviews)
      .innerJoin(
        oneOnOneSeries,
        and(
          eq(oneOnOneSeries.orgId, taskReviews.orgId),
          eq(oneOnOneSeries.id, taskReviews.seriesId),
        ),
      )
      .where(and(eq(taskReviews.orgId, orgId), eq(taskReviews.id, id)))
      .limit(1);
    const [row] = lock ? await q.for('update', { of: taskReviews }) : await q;
    return row;
  },

  /** A series' reviews, newest first, keyset-paginated by (created_at, id). */
  async listForSeries(
    db: DbOrTx,
    orgId: string,
    seriesId: string,
    limit: number,
    after?: { createdAt: string; id: string },
  ) {
    const conds = [eq(taskReviews.orgId, orgId), eq(taskReviews.seriesId, seriesId)];
    if (after) {
      const at = new Date(after.createdAt);
      conds.push(
        or(
          lt(taskReviews.createdAt, at),
          and(eq(taskReviews.createdAt, at), lt(taskReviews.id, after.id)),
        )!,
      );
    }
    return db
      .select()
      .from(taskReviews)
      .where(and(...conds))
      .orderBy(desc(taskReviews.createdAt), desc(taskReviews.id))
      .limit(limit);
  },

  async latestForSeries(db: DbOrTx, orgId: string, seriesId: string) {
    const [row] = await this.listForSeries(db, orgId, seriesId, 1);
    return row;
  },

  /** The items of one or two reviews in one statement, in their order. */
  async items(db: DbOrTx, orgId: string, reviewIds: string[]) {
    if (reviewIds.length === 0) return [];
    return db
      .select()
      .from(taskReviewItems)
      .where(and(eq(taskReviewItems.orgId, orgId), inArray(taskReviewItems.reviewId, reviewIds)))
      .orderBy(asc(taskReviewItems.position), asc(taskReviewItems.id));
  },

  async insert(db: DbOrTx, row: typeof taskReviews.$inferInsert): Promise<TaskReviewRow> {
    const [created] = await db.insert(taskReviews).values(row).returning();
    return created!;
  },

  async insertItems(db: DbOrTx, rows: (typeof taskReviewItems.$inferInsert)[]) {
    if (rows.length > 0) await db.insert(taskReviewItems).values(rows);
  },

  async deleteItems(db: DbOrTx, orgId: string, reviewId: string) {
    await db
      .delete(taskReviewItems)
      .where(and(eq(taskReviewItems.orgId, orgId), eq(taskReviewItems.reviewId, reviewId)));
  },

  async update(db: DbOrTx, orgId: string, id: string, patch: Partial<TaskReviewRow>) {
    const [row] = await db
      .update(taskReviews)
      .set(touched(patch))
      .where(and(eq(taskReviews.orgId, orgId), eq(taskReviews.id, id)))
      .returning();
    return row!;
  },
};
