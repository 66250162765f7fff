import {
  and,
  asc,
  desc,
  eq,
  gt,
  inArray,
  lt,
  max,
  sql,
  type Placeholder,
  type SQL,
} from 'drizzle-orm';
import { preparedQuery, type DbOrTx } from '../../db/client';
import {
  oneOnOneMeetings,
  oneOnOneMinutes,
  oneOnOnePoints,
  oneOnOneSeries,
} from '../../db/schema/index';
import type { MeetingStatus } from '../../domain/one-on-one/actions';
import type { Slot } from '../../domain/one-on-one/occurrences';
import type { SeriesRow } from './one-on-one-series.repository';
import { touched } from './touched';

export type MeetingRow = typeof oneOnOneMeetings.$inferSelect;

const OPEN_STATUSES: MeetingStatus[] = ['planned', 'moved'];

/** A meeting's series (the join condition of every meeting read with its series). */
const SERIES_OF_MEETING = and(
  eq(oneOnOneSeries.orgId, oneOnOneMeetings.orgId),
  eq(oneOnOneSeries.id, oneOnOneMeetings.seriesId),
);

/** A meeting with its series: every change to a meeting's content starts here (prepared). */
function meetingWithSeries(db: DbOrTx, p: Record<'orgId' | 'id', Placeholder>) {
  return db
    .select({ meeting: oneOnOneMeetings, series: oneOnOneSeries })
    .from(oneOnOneMeetings)
    .innerJoin(oneOnOneSeries, SERIES_OF_MEETING)
    .where(and(eq(oneOnOneMeetings.orgId, p.orgId), eq(oneOnOneMeetings.id, p.id)))
    .limit(1);
}
const meetingById = preparedQuery('meeting_with_series', ['orgId', 'id'], meetingWithSeries);
const lockedMeeting = preparedQuery('meeting_with_series_locked', ['orgId', 'id'], (db, p) =>
  meetingWithSeries(db, p).for('update', { of: oneOnOneMeetings }),
);

/** An agenda point with its meeting (locked) and series: every autosave of a note starts here. */
const pointWithLockedMeeting = preparedQuery(
  'point_with_locked_meeting',
  ['orgId', 'pointId'],
  (db, p) =>
    db
      .select({ point: oneOnOnePoints, meeting: oneOnOneMeetings, series: oneOnOneSeries })
      .from(oneOnOnePoints)
      .innerJoin(
        oneOnOneMeetings,
        and(
          eq(oneOnOneMeetings.orgId, oneOnOnePoints.orgId),
          eq(oneOnOneMeetings.id, oneOnOnePoints.meetingId),
        ),
      )
      .innerJoin(oneOnOneSeries, SERIES_OF_MEETING)
      .where(and(eq(oneOnOnePoints.orgId, p.orgId), eq(oneOnOnePoints.id, p.pointId)))
      .limit(1)
      .for('update', { of: oneOnOneMeetings }),
);

/** The meetings (occurrences) of series: planned, moved, cancelled, held. Scoped by org id. */
export const oneOnOneOccurrenceRepository = {
  async maxSeq(db: DbOrTx, orgId: string, seriesId: string): Promise<number> {
    const [row] = await db
      .select({ n: max(oneOnOneMeetings.seq) })
      .from(oneOnOneMeetings)
      .where(and(eq(oneOnOneMeetings.orgId, orgId), eq(oneOnOneMeetings.seriesId, seriesId)));
    return row?.n ?? 0;
  },

  /** Adds meetings for `slots` after the highest sequence number of the series. */
  async insertMeetings(db: DbOrTx, series: SeriesRow, slots: Slot[], ids: () => string) {
    if (slots.length === 0) return;
    const first = (await this.maxSeq(db, series.orgId, series.id)) + 1;
    await db
      .insert(oneOnOneMeetings)
      .values(
        slots.map((s, i) => ({
          orgId: series.orgId,
          id: ids(),
          seriesId: series.id,
          managerId: series.managerId,
          employeeId: series.employeeId,
          seq: first + i,
          localDate: s.localDate,
          timeZone: series.timeZone,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          durationMinutes: series.durationMinutes,
          placeKind: series.placeKind,
          placeDetail: series.placeDetail,
        })),
      )
      .onConflictDoNothing();
  },

  /** Still-planned (never moved) meetings of a series that start after `after`, in order. */
  async futurePlanned(db: DbOrTx, orgId: string, seriesId: string, after: Date) {
    return db
      .select({
        id: oneOnOneMeetings.id,
        localDate: oneOnOneMeetings.localDate,
        /** Someone added a topic, a shared or private note, an action, a reflection or a reminder. */
        hasContent: sql<boolean>`(
          exists (select 1 from one_on_one_points p where p.org_id = one_on_one_meetings.org_id
            and p.meeting_id = one_on_one_meetings.id
            and (p.kind = 'topic' or exists (select 1 from one_on_one_notes n
              where n.org_id = p.org_id and n.point_id = p.id)))
          or exists (select 1 from one_on_one_actions a where a.org_id = one_on_one_meetings.org_id
            and a.meeting_id = one_on_one_meetings.id)
          or exists (select 1 from one_on_one_private_notes pn
            where pn.org_id = one_on_one_meetings.org_id and pn.meeting_id = one_on_one_meetings.id)
          or exists (select 1 from one_on_one_reflections r
            where r.org_id = one_on_one_meetings.org_id and r.meeting_id = one_on_one_meetings.id)
          or exists (select 1 from one_on_one_reminders rm
            where rm.org_id = one_on_one_meetings.org_id
              and rm.series_id = one_on_one_meetings.series_id
              and (rm.meeting_id = one_on_one_meetings.id
                or rm.done_meeting_id = one_on_one_meetings.id)))`,
      })
      .from(oneOnOneMeetings)
      .where(
        and(
          eq(oneOnOneMeetings.orgId, orgId),
          eq(oneOnOneMeetings.seriesId, seriesId),
          eq(oneOnOneMeetings.status, 'planned'),
          gt(oneOnOneMeetings.startsAt, after),
        ),
      )
      .orderBy(asc(oneOnOneMeetings.startsAt));
  },

  async updateMeeting(db: DbOrTx, orgId: string, id: string, patch: Partial<MeetingRow>) {
    const [row] = await db
      .update(oneOnOneMeetings)
      .set(touched(patch))
      .where(and(eq(oneOnOneMeetings.orgId, orgId), eq(oneOnOneMeetings.id, id)))
      .returning();
    return row;
  },

  /** Sets place (and length) on the meetings still to come. */
  async updateUpcomingMeetings(
    db: DbOrTx,
    orgId: string,
    seriesId: string,
    after: Date,
    patch: Partial<MeetingRow>,
  ) {
    await db
      .update(oneOnOneMeetings)
      .set(touched(patch))
      .where(
        and(
          eq(oneOnOneMeetings.orgId, orgId),
          eq(oneOnOneMeetings.seriesId, seriesId),
          inArray(oneOnOneMeetings.status, OPEN_STATUSES),
          gt(oneOnOneMeetings.startsAt, after),
        ),
      );
  },

  /**
   * Deletes planned meetings nobody has written anything for (see `futurePlanned`): their
   * template sections go with them. The caller has checked they have no content.
   */
  async deleteEmptyMeetings(db: DbOrTx, orgId: string, ids: string[]) {
    if (ids.length === 0) return;
    await db
      .delete(oneOnOnePoints)
      .where(and(eq(oneOnOnePoints.orgId, orgId), inArray(oneOnOnePoints.meetingId, ids)));
    await db
      .delete(oneOnOneMeetings)
      .where(and(eq(oneOnOneMeetings.orgId, orgId), inArray(oneOnOneMeetings.id, ids)));
  },

  async cancelMeetings(
    db: DbOrTx,
    orgId: string,
    ids: string[],
    reasonCode: string,
    actorId: string | null,
    at: Date,
  ) {
    if (ids.length === 0) return;
    await db
      .update(oneOnOneMeetings)
      .set(
        touched({
          status: 'cancelled',
          statusReasonCode: reasonCode,
          statusChangedBy: actorId,
          statusChangedAt: at,
        }),
      )
      .where(and(eq(oneOnOneMeetings.orgId, orgId), inArray(oneOnOneMeetings.id, ids)));
  },

  /** One page of a series' meetings, newest first (history) or oldest first (upcoming). */
  async listMeetings(
    db: DbOrTx,
    orgId: string,
    seriesId: string,
    opts: {
      direction: 'past' | 'upcoming';
      now: Date;
      after?: { startsAt: Date; id: string };
      limit: number;
    },
  ) {
    const past = opts.direction === 'past';
    const conds: SQL[] = [
      eq(oneOnOneMeetings.orgId, orgId),
      eq(oneOnOneMeetings.seriesId, seriesId),
      past
        ? lt(oneOnOneMeetings.startsAt, opts.now)
        : sql`${oneOnOneMeetings.startsAt} >= ${opts.now}`,
    ];
    if (opts.after) {
      const a = opts.after;
      conds.push(
        past
          ? sql`(${oneOnOneMeetings.startsAt}, ${oneOnOneMeetings.id}) < (${a.startsAt}, ${a.id})`
          : sql`(${oneOnOneMeetings.startsAt}, ${oneOnOneMeetings.id}) > (${a.startsAt}, ${a.id})`,
      );
    }
    return db
      .select({
        meeting: oneOnOneMeetings,
        hasMinutes: sql<boolean>`exists (select 1 from one_on_one_minutes mi where mi.org_id = one_on_one_meetings.org_id and mi.meeting_id = one_on_one_meetings.id)`,
      })
      .from(oneOnOneMeetings)
      .where(and(...conds))
      .orderBy(
        past ? desc(oneOnOneMeetings.startsAt) : asc(oneOnOneMeetings.startsAt),
        past ? desc(oneOnOneMeetings.id) : asc(oneOnOneMeetings.id),
      )
      .limit(opts.limit);
  },

  /**
   * The latest meeting that began before `now` in each of several series (what listMeetings
   * 'past' with limit 1 gives for one), in one statement: the homes' "today's meeting".
   */
  async latestPast(db: DbOrTx, orgId: string, seriesIds: string[], now: Date) {
    if (seriesIds.length === 0) return [];
    return db
      .selectDistinctOn([oneOnOneMeetings.seriesId], {
        meeting: oneOnOneMeetings,
        hasMinutes: sql<boolean>`exists (select 1 from one_on_one_minutes mi where mi.org_id = one_on_one_meetings.org_id and mi.meeting_id = one_on_one_meetings.id)`,
      })
      .from(oneOnOneMeetings)
      .where(
        and(
          eq(oneOnOneMeetings.orgId, orgId),
          inArray(oneOnOneMeetings.seriesId, seriesIds),
          lt(oneOnOneMeetings.startsAt, now),
        ),
      )
      .orderBy(
        oneOnOneMeetings.seriesId,
        desc(oneOnOneMeetings.startsAt),
        desc(oneOnOneMeetings.id),
      );
  },

  async findMeeting(db: DbOrTx, orgId: string, id: string, lock = false) {
    const [row] = await (lock ? lockedMeeting : meetingById)(db, { orgId, id });
    return row;
  },

  /**
   * A meeting as its page needs it, in one statement: the meeting, its series with both names,
   * and whether minutes exist (and when the employee acknowledged them).
   */
  async findForPage(db: DbOrTx, orgId: string, id: string) {
    const [row] = await db
      .select({
        meeting: oneOnOneMeetings,
        series: oneOnOneSeries,
        managerName: sql<string>`(select p.name from people p
          where p.org_id = ${oneOnOneSeries.orgId} and p.id = ${oneOnOneSeries.managerId})`,
        employeeName: sql<string>`(select p.name from people p
          where p.org_id = ${oneOnOneSeries.orgId} and p.id = ${oneOnOneSeries.employeeId})`,
        minutes: {
          createdAt: oneOnOneMinutes.createdAt,
          acknowledgedAt: oneOnOneMinutes.acknowledgedAt,
        },
      })
      .from(oneOnOneMeetings)
      .innerJoin(oneOnOneSeries, SERIES_OF_MEETING)
      .leftJoin(
        oneOnOneMinutes,
        and(
          eq(oneOnOneMinutes.orgId, oneOnOneMeetings.orgId),
          eq(oneOnOneMinutes.meetingId, oneOnOneMeetings.id),
        ),
      )
      .where(and(eq(oneOnOneMeetings.orgId, orgId), eq(oneOnOneMeetings.id, id)))
      .limit(1);
    return row;
  },

  /** An agenda point with its meeting (locked, as findMeeting's `lock`) and series. */
  async findPointWithMeeting(db: DbOrTx, orgId: string, pointId: string) {
    const [row] = await pointWithLockedMeeting(db, { orgId, pointId });
    return row;
  },

  /** The first meeting of the series still to take place after `after`. */
  async nextOpenMeeting(db: DbOrTx, orgId: string, seriesId: string, after: Date) {
    const [row] = await db
      .select()
      .from(oneOnOneMeetings)
      .where(
        and(
          eq(oneOnOneMeetings.orgId, orgId),
          eq(oneOnOneMeetings.seriesId, seriesId),
          inArray(oneOnOneMeetings.status, OPEN_STATUSES),
          gt(oneOnOneMeetings.startsAt, after),
        ),
      )
      .orderBy(asc(oneOnOneMeetings.startsAt))
      .limit(1);
    return row;
  },
};
