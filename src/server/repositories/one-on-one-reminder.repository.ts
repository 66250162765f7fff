import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { oneOnOneReminders } from '../../db/schema/index';
import { touched } from './touched';

export type ReminderRow = typeof oneOnOneReminders.$inferSelect;

/** At most this many reminders show on one meeting (a page, never a whole history). */
export const REMINDERS_SHOWN = 50;

/** A manager's sealed "remember to ask" reminders, always by org, series and author. */
export const oneOnOneReminderRepository = {
  /**
   * What a meeting shows its author: the reminders of the series written in this meeting or
   * an earlier one and not ticked off, and those ticked off in this very meeting.
   */
  async forMeeting(
    db: DbOrTx,
    orgId: string,
    meeting: { id: string; seriesId: string; startsAt: Date },
    authorId: string,
  ) {
    return db
      .select()
      .from(oneOnOneReminders)
      .where(
        and(
          eq(oneOnOneReminders.orgId, orgId),
          eq(oneOnOneReminders.seriesId, meeting.seriesId),
          eq(oneOnOneReminders.authorId, authorId),
          lte(oneOnOneReminders.originStartsAt, meeting.startsAt),
          or(isNull(oneOnOneReminders.doneAt), eq(oneOnOneReminders.doneMeetingId, meeting.id)),
        ),
      )
      .orderBy(asc(oneOnOneReminders.originStartsAt), asc(oneOnOneReminders.createdAt))
      .limit(REMINDERS_SHOWN);
  },

  async countOpen(db: DbOrTx, orgId: string, seriesId: string, authorId: string) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(oneOnOneReminders)
      .where(
        and(
          eq(oneOnOneReminders.orgId, orgId),
          eq(oneOnOneReminders.seriesId, seriesId),
          eq(oneOnOneReminders.authorId, authorId),
          isNull(oneOnOneReminders.doneAt),
        ),
      );
    return row?.n ?? 0;
  },

  async insert(db: DbOrTx, row: typeof oneOnOneReminders.$inferInsert) {
    const [created] = await db.insert(oneOnOneReminders).values(row).returning();
    return created!;
  },

  /** One of the author's reminders in a series, locked for a change; undefined otherwise. */
  async findOwn(db: DbOrTx, orgId: string, id: string, seriesId: string, authorId: string) {
    const [row] = await db
      .select()
      .from(oneOnOneReminders)
      .where(
        and(
          eq(oneOnOneReminders.orgId, orgId),
          eq(oneOnOneReminders.id, id),
          eq(oneOnOneReminders.seriesId, seriesId),
          eq(oneOnOneReminders.authorId, authorId),
        ),
      )
      .for('update');
    return row;
  },

  async setDone(
    db: DbOrTx,
    orgId: string,
    id: string,
    done: { at: Date; meetingId: string } | null,
  ) {
    const [row] = await db
      .update(oneOnOneReminders)
      .set(
        touched({
          doneAt: done?.at ?? null,
          doneMeetingId: done?.meetingId ?? null,
        }),
      )
      .where(and(eq(oneOnOneReminders.orgId, orgId), eq(oneOnOneReminders.id, id)))
      .returning();
    return row!;
  },
};
