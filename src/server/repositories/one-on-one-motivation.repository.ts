import { and, desc, eq, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { oneOnOneMotivation } from '../../db/schema/index';
import { MOTIVATION_TREND_LENGTH } from '../../domain/one-on-one/motivation';
import { touched } from './touched';

/** The employee's motivation scores per 1:1 meeting. Scoped by org id. */
export const oneOnOneMotivationRepository = {
  /** The series' latest scores of meetings starting up to `until`, newest first. */
  async trend(db: DbOrTx, orgId: string, seriesId: string, until: Date) {
    return db
      .select({
        meetingId: oneOnOneMotivation.meetingId,
        startsAt: oneOnOneMotivation.meetingStartsAt,
        score: oneOnOneMotivation.score,
      })
      .from(oneOnOneMotivation)
      .where(
        and(
          eq(oneOnOneMotivation.orgId, orgId),
          eq(oneOnOneMotivation.seriesId, seriesId),
          lte(oneOnOneMotivation.meetingStartsAt, until),
        ),
      )
      .orderBy(desc(oneOnOneMotivation.meetingStartsAt))
      .limit(MOTIVATION_TREND_LENGTH);
  },

  async upsert(db: DbOrTx, row: typeof oneOnOneMotivation.$inferInsert) {
    await db
      .insert(oneOnOneMotivation)
      .values(row)
      .onConflictDoUpdate({
        target: [oneOnOneMotivation.orgId, oneOnOneMotivation.meetingId],
        set: touched({ score: row.score, meetingStartsAt: row.meetingStartsAt }),
      });
  },
};
