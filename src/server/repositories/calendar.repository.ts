import { and, asc, eq, gte, inArray, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  calendarFeeds,
  notificationSettings,
  oneOnOneMeetings,
  oneOnOneSeries,
  organisations,
  people,
} from '../../db/schema/index';

export type CalendarPerson = {
  id: string;
  name: string;
  email: string;
  locale: string;
  timeZone: string;
  active: boolean;
};

const personCols = {
  id: people.id,
  name: people.name,
  email: people.email,
  locale: sql<string>`coalesce(${people.locale}, ${organisations.defaultLocale})`,
  timeZone: people.timeZone,
  active: people.active,
};

/** What calendars and invitations need: series, their people, and meetings off the plan. */
export const calendarRepository = {
  async people(db: DbOrTx, orgId: string, ids: string[]): Promise<CalendarPerson[]> {
    if (ids.length === 0) return [];
    return db
      .select(personCols)
      .from(people)
      .innerJoin(organisations, eq(organisations.id, people.orgId))
      .where(and(eq(people.orgId, orgId), inArray(people.id, ids)));
  },

  async series(db: DbOrTx, orgId: string, id: string) {
    const [row] = await db
      .select()
      .from(oneOnOneSeries)
      .where(and(eq(oneOnOneSeries.orgId, orgId), eq(oneOnOneSeries.id, id)))
      .limit(1);
    return row;
  },

  /** Raises the series' iCalendar SEQUENCE and returns the new value. */
  async bumpSequence(db: DbOrTx, orgId: string, id: string): Promise<number> {
    const [row] = await db
      .update(oneOnOneSeries)
      .set({ calendarSequence: sql`${oneOnOneSeries.calendarSequence} + 1` })
      .where(and(eq(oneOnOneSeries.orgId, orgId), eq(oneOnOneSeries.id, id)))
      .returning({ seq: oneOnOneSeries.calendarSequence });
    return row?.seq ?? 0;
  },

  /** A series' meetings that left the plan (moved or cancelled) from a local date on. */
  async exceptions(db: DbOrTx, orgId: string, seriesId: string, fromDate: string) {
    return db
      .select()
      .from(oneOnOneMeetings)
      .where(
        and(
          eq(oneOnOneMeetings.orgId, orgId),
          eq(oneOnOneMeetings.seriesId, seriesId),
          inArray(oneOnOneMeetings.status, ['moved', 'cancelled']),
          gte(oneOnOneMeetings.localDate, fromDate),
        ),
      )
      .orderBy(asc(oneOnOneMeetings.startsAt));
  },

  async meeting(db: DbOrTx, orgId: string, id: string) {
    const [row] = await db
      .select()
      .from(oneOnOneMeetings)
      .where(and(eq(oneOnOneMeetings.orgId, orgId), eq(oneOnOneMeetings.id, id)))
      .limit(1);
    return row;
  },

  /** A person's meetings (as manager or employee) from `from` on, cancelled ones left out. */
  async meetingsOf(db: DbOrTx, orgId: string, personId: string, from: Date, limit: number) {
    return db
      .select()
      .from(oneOnOneMeetings)
      .where(
        and(
          eq(oneOnOneMeetings.orgId, orgId),
          or(eq(oneOnOneMeetings.managerId, personId), eq(oneOnOneMeetings.employeeId, personId)),
          gte(oneOnOneMeetings.startsAt, from),
          ne(oneOnOneMeetings.status, 'cancelled'),
        ),
      )
      .orderBy(asc(oneOnOneMeetings.startsAt))
      .limit(limit);
  },

  async settings(db: DbOrTx, orgId: string, personIds: string[]) {
    if (personIds.length === 0) return [];
    return db
      .select()
      .from(notificationSettings)
      .where(
        and(
          eq(notificationSettings.orgId, orgId),
          inArray(notificationSettings.personId, personIds),
        ),
      );
  },

  async feedByTokenHash(db: DbOrTx, tokenHash: string) {
    const [row] = await db
      .select({
        orgId: calendarFeeds.orgId,
        personId: calendarFeeds.personId,
        active: people.active,
      })
      .from(calendarFeeds)
      .innerJoin(
        people,
        and(eq(people.orgId, calendarFeeds.orgId), eq(people.id, calendarFeeds.personId)),
      )
      .where(eq(calendarFeeds.tokenHash, tokenHash))
      .limit(1);
    return row;
  },

  async setFeed(db: DbOrTx, orgId: string, personId: string, tokenHash: string): Promise<void> {
    await db
      .insert(calendarFeeds)
      .values({ orgId, personId, tokenHash })
      .onConflictDoUpdate({
        target: [calendarFeeds.orgId, calendarFeeds.personId],
        set: { tokenHash, createdAt: sql`now()` },
      });
  },

  async feedOf(db: DbOrTx, orgId: string, personId: string) {
    const [row] = await db
      .select()
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.orgId, orgId), eq(calendarFeeds.personId, personId)))
      .limit(1);
    return row;
  },
};
