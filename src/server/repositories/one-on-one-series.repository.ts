import { and, asc, desc, eq, gt, inArray, isNull, lt, max, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { oneOnOneMeetings, oneOnOneSeries, people } from '../../db/schema/index';
import type { MeetingStatus } from '../../domain/one-on-one/actions';
import type { Slot } from '../../domain/one-on-one/occurrences';

export type SeriesRow = typeof oneOnOneSeries.$inferSelect;
export type NewSeries = typeof oneOnOneSeries.$inferInsert;
export type MeetingRow = typeof oneOnOneMeetings.$inferSelect;

const managerName = sql<string>`(select p.name from people p where p.org_id = one_on_one_series.org_id and p.id = one_on_one_series.manager_id)`;
const employeeName = sql<string>`(select p.name from people p where p.org_id = one_on_one_series.org_id and p.id = one_on_one_series.employee_id)`;

const OPEN_STATUSES: MeetingStatus[] = ['planned', 'moved'];

/** Series and their materialised meetings. Every query is scoped by org id. */
export const oneOnOneSeriesRepository = {
  async insert(db: DbOrTx, row: NewSeries): Promise<SeriesRow> {
    const [created] = await db.insert(oneOnOneSeries).values(row).returning();
    return created!;
  },

  async findById(db: DbOrTx, orgId: string, id: string): Promise<SeriesRow | undefined> {
    const [row] = await db
      .select()
      .from(oneOnOneSeries)
      .where(and(eq(oneOnOneSeries.orgId, orgId), eq(oneOnOneSeries.id, id)))
      .limit(1);
    return row;
  },

  async lockById(db: DbOrTx, orgId: string, id: string): Promise<SeriesRow | undefined> {
    const [row] = await db
      .select()
      .from(oneOnOneSeries)
      .where(and(eq(oneOnOneSeries.orgId, orgId), eq(oneOnOneSeries.id, id)))
      .for('update')
      .limit(1);
    return row;
  },

  async findActiveForEmployee(db: DbOrTx, orgId: string, employeeId: string) {
    const [row] = await db
      .select()
      .from(oneOnOneSeries)
      .where(
        and(
          eq(oneOnOneSeries.orgId, orgId),
          eq(oneOnOneSeries.employeeId, employeeId),
          isNull(oneOnOneSeries.endedAt),
        ),
      )
      .limit(1);
    return row;
  },

  async findWithNames(db: DbOrTx, orgId: string, id: string) {
    const [row] = await db
      .select({ series: oneOnOneSeries, managerName, employeeName })
      .from(oneOnOneSeries)
      .where(and(eq(oneOnOneSeries.orgId, orgId), eq(oneOnOneSeries.id, id)))
      .limit(1);
    return row;
  },

  /** Series the person takes part in, as manager or employee, with both names. */
  async listForParticipant(db: DbOrTx, orgId: string, personId: string, includeEnded: boolean) {
    const conds: SQL[] = [
      eq(oneOnOneSeries.orgId, orgId),
      or(eq(oneOnOneSeries.managerId, personId), eq(oneOnOneSeries.employeeId, personId)) as SQL,
    ];
    if (!includeEnded) conds.push(isNull(oneOnOneSeries.endedAt));
    return db
      .select({
        series: oneOnOneSeries,
        managerName,
        employeeName,
      })
      .from(oneOnOneSeries)
      .where(and(...conds))
      .orderBy(sql`${oneOnOneSeries.endedAt} is not null`, desc(oneOnOneSeries.createdAt))
      .limit(500);
  },

  async update(db: DbOrTx, orgId: string, id: string, patch: Partial<NewSeries>) {
    const [row] = await db
      .update(oneOnOneSeries)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(oneOnOneSeries.orgId, orgId), eq(oneOnOneSeries.id, id)))
      .returning();
    return row;
  },

  /**
   * Moves the horizon from `from` to `to`, only if nobody else did: the row lock makes
   * concurrent extenders wait, and the loser sees nothing to do.
   */
  async claimHorizon(db: DbOrTx, orgId: string, id: string, from: string, to: string) {
    const rows = await db
      .update(oneOnOneSeries)
      .set({ horizonUntil: to })
      .where(
        and(
          eq(oneOnOneSeries.orgId, orgId),
          eq(oneOnOneSeries.id, id),
          eq(oneOnOneSeries.horizonUntil, from),
          isNull(oneOnOneSeries.endedAt),
        ),
      )
      .returning({ id: oneOnOneSeries.id });
    return rows.length > 0;
  },

  /** Running series whose horizon is before `before`; for a job (all orgs) or one manager. */
  async dueForExtension(
    db: DbOrTx,
    before: string,
    scope: { orgId: string; participantId?: string; seriesIds?: string[] } | null,
    limit = 500,
  ): Promise<SeriesRow[]> {
    const conds: SQL[] = [isNull(oneOnOneSeries.endedAt), lt(oneOnOneSeries.horizonUntil, before)];
    if (scope) {
      conds.push(eq(oneOnOneSeries.orgId, scope.orgId));
      if (scope.participantId)
        conds.push(
          or(
            eq(oneOnOneSeries.managerId, scope.participantId),
            eq(oneOnOneSeries.employeeId, scope.participantId),
          ) as SQL,
        );
      if (scope.seriesIds) {
        if (scope.seriesIds.length === 0) return [];
        conds.push(inArray(oneOnOneSeries.id, scope.seriesIds));
      }
    }
    return db
      .select()
      .from(oneOnOneSeries)
      .where(and(...conds))
      .orderBy(asc(oneOnOneSeries.horizonUntil))
      .limit(limit);
  },

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
        hasAgenda: sql<boolean>`${oneOnOneMeetings.templateSnapshot} is not null`,
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
      .set({ ...patch, updatedAt: new Date() })
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
      .set({ ...patch, updatedAt: new Date() })
      .where(
        and(
          eq(oneOnOneMeetings.orgId, orgId),
          eq(oneOnOneMeetings.seriesId, seriesId),
          inArray(oneOnOneMeetings.status, OPEN_STATUSES),
          gt(oneOnOneMeetings.startsAt, after),
        ),
      );
  },

  /** Deletes planned meetings nobody has prepared (no agenda yet). */
  async deleteUnpreparedMeetings(db: DbOrTx, orgId: string, ids: string[]) {
    if (ids.length === 0) return;
    await db
      .delete(oneOnOneMeetings)
      .where(
        and(
          eq(oneOnOneMeetings.orgId, orgId),
          inArray(oneOnOneMeetings.id, ids),
          isNull(oneOnOneMeetings.templateSnapshot),
        ),
      );
  },

  async cancelMeetings(
    db: DbOrTx,
    orgId: string,
    ids: string[],
    reasonCode: string,
    actorId: string | null,
  ) {
    if (ids.length === 0) return;
    await db
      .update(oneOnOneMeetings)
      .set({
        status: 'cancelled',
        statusReasonCode: reasonCode,
        statusChangedBy: actorId,
        statusChangedAt: new Date(),
        updatedAt: new Date(),
      })
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

  async findMeeting(db: DbOrTx, orgId: string, id: string, lock = false) {
    const q = db
      .select({ meeting: oneOnOneMeetings, series: oneOnOneSeries })
      .from(oneOnOneMeetings)
      .innerJoin(
        oneOnOneSeries,
        and(
          eq(oneOnOneSeries.orgId, oneOnOneMeetings.orgId),
          eq(oneOnOneSeries.id, oneOnOneMeetings.seriesId),
        ),
      )
      .where(and(eq(oneOnOneMeetings.orgId, orgId), eq(oneOnOneMeetings.id, id)))
      .limit(1);
    const [row] = lock ? await q.for('update', { of: oneOnOneMeetings }) : await q;
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

  /**
   * Running series of these employees whose manager is no longer the series' manager.
   * One query whatever the number of people.
   */
  async withChangedReportingLine(db: DbOrTx, orgId: string, employeeIds: string[]) {
    if (employeeIds.length === 0) return [];
    return db
      .select({ id: oneOnOneSeries.id })
      .from(oneOnOneSeries)
      .innerJoin(
        people,
        and(eq(people.orgId, oneOnOneSeries.orgId), eq(people.id, oneOnOneSeries.employeeId)),
      )
      .where(
        and(
          eq(oneOnOneSeries.orgId, orgId),
          inArray(oneOnOneSeries.employeeId, employeeIds),
          isNull(oneOnOneSeries.endedAt),
          sql`${people.managerId} is distinct from ${oneOnOneSeries.managerId}`,
        ),
      );
  },

  /** Ends series and cancels their meetings still to come, in two statements. */
  async endSeries(db: DbOrTx, orgId: string, seriesIds: string[], reasonCode: string, now: Date) {
    if (seriesIds.length === 0) return;
    await db
      .update(oneOnOneSeries)
      .set({ endedAt: now, endReason: reasonCode, updatedAt: now })
      .where(and(eq(oneOnOneSeries.orgId, orgId), inArray(oneOnOneSeries.id, seriesIds)));
    await db
      .update(oneOnOneMeetings)
      .set({
        status: 'cancelled',
        statusReasonCode: reasonCode,
        statusChangedAt: now,
        updatedAt: now,
      })
      .where(
        and(
          eq(oneOnOneMeetings.orgId, orgId),
          inArray(oneOnOneMeetings.seriesId, seriesIds),
          inArray(oneOnOneMeetings.status, OPEN_STATUSES),
          gt(oneOnOneMeetings.startsAt, now),
        ),
      );
  },
};
