import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { mailOutbox, oneOnOneMeetings, oneOnOneMinutes } from '../../db/schema/index';

/** What taking back a finished meeting undoes (decision 020). */
export const meetingStateRepository = {
  /** When and where a meeting (of any kind) is booked. */
  async meetingTime(db: DbOrTx, orgId: string, meetingId: string) {
    const [row] = await db
      .select({ startsAt: oneOnOneMeetings.startsAt, timeZone: oneOnOneMeetings.timeZone })
      .from(oneOnOneMeetings)
      .where(and(eq(oneOnOneMeetings.orgId, orgId), eq(oneOnOneMeetings.id, meetingId)));
    return row;
  },

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
