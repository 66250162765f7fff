import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { oneOnOneMeetings, oneOnOneSeries, people } from '../../db/schema/index';
import type { MeetingStatus } from '../../domain/one-on-one/actions';
import { touched } from './touched';

export type SeriesRow = typeof oneOnOneSeries.$inferSelect;
export type NewSeries = typeof oneOnOneSeries.$inferInsert;
export type { MeetingRow } from './one-on-one-occurrence.repository';

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
      .set(touched(patch))
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

  /** Running series in which any of `personIds` takes part, as manager or employee. */
  async runningFor(db: DbOrTx, orgId: string, personIds: string[]) {
    if (personIds.length === 0) return [];
    return db
      .select({ id: oneOnOneSeries.id })
      .from(oneOnOneSeries)
      .where(
        and(
          eq(oneOnOneSeries.orgId, orgId),
          isNull(oneOnOneSeries.endedAt),
          or(
            inArray(oneOnOneSeries.employeeId, personIds),
            inArray(oneOnOneSeries.managerId, personIds),
          ),
        ),
      );
  },

  /** Ends series and cancels their meetings still to come, in two statements. */
  async endSeries(
    db: DbOrTx,
    orgId: string,
    seriesIds: string[],
    reasonCode: string,
    now: Date,
    by: { actorId: string; reason: string } | null = null,
  ) {
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
        statusReason: by?.reason ?? null,
        statusChangedBy: by?.actorId ?? null,
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
