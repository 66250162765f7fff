import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { mailOutbox, oneOnOneMinutes } from '../../db/schema/index';

/** What taking back a finished meeting undoes (decision 020). */
export const meetingStateRepository = {
  /** Withdraws the minutes of a meeting that is being reopened. */
  async deleteMinutes(db: DbOrTx, orgId: string, meetingId: string) {
    await db
      .delete(oneOnOneMinutes)
      .where(and(eq(oneOnOneMinutes.orgId, orgId), eq(oneOnOneMinutes.meetingId, meetingId)));
  },

  /**
   * The minutes mail of a reopened meeting: not sent yet, it is cancelled; either way its
   * dedupe key is set aside, so finishing again sends the minutes as they then are.
   */
  async withdrawMinutesMail(db: DbOrTx, orgId: string, meetingId: string, at: Date) {
    await db
      .update(mailOutbox)
      .set({
        status: sql`case when ${mailOutbox.status} = 'pending' then 'cancelled' else ${mailOutbox.status} end`,
        dedupeKey: sql`${mailOutbox.dedupeKey} || ${`:withdrawn:${at.toISOString()}`}`,
      })
      .where(
        and(
          eq(mailOutbox.orgId, orgId),
          eq(mailOutbox.dedupeKey, `one_on_one.minutes:${meetingId}`),
        ),
      );
  },
};
