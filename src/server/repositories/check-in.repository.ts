import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import { checkIns } from '../../db/schema/index';
import { DEMANDING_TASK, HIGH_WORKLOAD_TASK_REVIEWS } from '../../domain/wellbeing/workload';
import { touched } from './touched';

export type CheckInRow = typeof checkIns.$inferSelect;

export type TrendRow = {
  meeting_id: string;
  local_date: string;
  starts_at: Date | string;
  wellbeing: number;
  workload: number;
  progress: number;
};

export type TeamRow = {
  person_id: string;
  name: string;
  series_id: string | null;
  latest_at: Date | string | null;
  latest_date: string | null;
  wellbeing: number | null;
  workload: number | null;
  progress: number | null;
  prev_wellbeing: number | null;
  prev_workload: number | null;
  prev_progress: number | null;
};

/** Check-ins of 1:1 meetings. Scoped by org id; the pair is decided by the service. */
/**
 * The series' reviewed task reviews up to `until`, newest first, each as its share of time (%)
 * in very demanding tasks: what the workload prompt reads of them (domain/wellbeing/workload.ts).
 * A subquery, so the meeting page's statement and the prompt's own route read the same.
 */
export function demandingSharesSql(orgId: SQL, seriesId: SQL, until: SQL): SQL {
  return sql`(select coalesce(json_agg(r.share order by r.reviewed_at desc), '[]') from (
      select tr.reviewed_at,
        (select coalesce(sum(i.time_share_percent)
            filter (where i.demand >= ${DEMANDING_TASK}), 0)::int
          from task_review_items i where i.org_id = tr.org_id and i.review_id = tr.id) as share
      from task_reviews tr
      where tr.org_id = ${orgId} and tr.series_id = ${seriesId}
        and tr.reviewed_at is not null and tr.reviewed_at <= ${until}
      order by tr.reviewed_at desc
      limit ${HIGH_WORKLOAD_TASK_REVIEWS}) r)`;
}

export const checkInRepository = {
  async findByMeeting(db: DbOrTx, orgId: string, meetingId: string) {
    const [row] = await db
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.orgId, orgId), eq(checkIns.meetingId, meetingId)))
      .limit(1);
    return row;
  },

  /**
   * What the workload prompt of a meeting rests on (domain/wellbeing/workload.ts), in one
   * statement: the pair's latest workload answers up to the meeting (newest first) and whether
   * an action of the meeting was agreed from the prompt. The meeting page reads the same in
   * its own statement (meeting-page.repository.ts).
   */
  async workloadSignal(
    db: DbOrTx,
    orgId: string,
    meeting: {
      id: string;
      seriesId: string;
      managerId: string;
      employeeId: string;
      startsAt: Date;
      endsAt: Date;
    },
    limit: number,
  ) {
    const [row] = await queryRows<{
      workloads: number[];
      demanding_shares: number[];
      prompted: boolean;
    }>(
      db,
      sql`select
        ${demandingSharesSql(sql`${orgId}`, sql`${meeting.seriesId}`, sql`${meeting.endsAt}`)}
          as demanding_shares,
        (select coalesce(json_agg(c.workload order by c.meeting_starts_at desc), '[]')
          from (select workload, meeting_starts_at from check_ins
            where org_id = ${orgId} and manager_id = ${meeting.managerId}
              and employee_id = ${meeting.employeeId}
              and meeting_starts_at <= ${meeting.startsAt}
            order by meeting_starts_at desc limit ${limit}) c) as workloads,
        exists (select 1 from one_on_one_actions a
          where a.org_id = ${orgId} and a.meeting_id = ${meeting.id}
            and a.prompt = 'workload') as prompted`,
    );
    return {
      workloads: row?.workloads ?? [],
      demandingShares: row?.demanding_shares ?? [],
      actionFromPrompt: row?.prompted === true,
    };
  },

  /** One check-in per meeting: the second answer replaces the first. */
  async upsert(db: DbOrTx, row: typeof checkIns.$inferInsert): Promise<CheckInRow> {
    const [saved] = await db
      .insert(checkIns)
      .values(row)
      .onConflictDoUpdate({
        target: [checkIns.orgId, checkIns.meetingId],
        set: touched({
          wellbeing: row.wellbeing,
          workload: row.workload,
          progress: row.progress,
          comment: row.comment,
          answeredBy: row.answeredBy,
          meetingStartsAt: row.meetingStartsAt,
        }),
      })
      .returning();
    return saved!;
  },

  /** The pair's check-ins since `since`, oldest first (at most 500: ten years of weeklies). */
  async trend(db: DbOrTx, orgId: string, managerId: string, employeeId: string, since: Date) {
    return queryRows<TrendRow>(
      db,
      sql`
      select c.meeting_id, m.local_date::text as local_date, c.meeting_starts_at as starts_at,
        c.wellbeing, c.workload, c.progress
      from check_ins c
      join one_on_one_meetings m on m.org_id = c.org_id and m.id = c.meeting_id
      where c.org_id = ${orgId} and c.manager_id = ${managerId} and c.employee_id = ${employeeId}
        and c.meeting_starts_at >= ${since}
      order by c.meeting_starts_at, c.id
      limit 500`,
    );
  },

  /**
   * Each active direct report with the latest and the previous check-in given in a 1:1 with
   * this manager: one statement for the whole team.
   */
  async team(db: DbOrTx, orgId: string, managerId: string) {
    return queryRows<TeamRow>(
      db,
      sql`
      select p.id as person_id, p.name, s.id as series_id,
        l.meeting_starts_at as latest_at, lm.local_date::text as latest_date,
        l.wellbeing, l.workload, l.progress,
        pv.wellbeing as prev_wellbeing, pv.workload as prev_workload, pv.progress as prev_progress
      from people p
      left join one_on_one_series s
        on s.org_id = p.org_id and s.employee_id = p.id and s.manager_id = ${managerId}
        and s.ended_at is null
      left join lateral (
        select c.meeting_id, c.meeting_starts_at, c.wellbeing, c.workload, c.progress
        from check_ins c
        where c.org_id = p.org_id and c.manager_id = ${managerId} and c.employee_id = p.id
        order by c.meeting_starts_at desc, c.id desc limit 1) l on true
      left join one_on_one_meetings lm on lm.org_id = p.org_id and lm.id = l.meeting_id
      left join lateral (
        select c.wellbeing, c.workload, c.progress
        from check_ins c
        where c.org_id = p.org_id and c.manager_id = ${managerId} and c.employee_id = p.id
          and c.meeting_starts_at < l.meeting_starts_at
        order by c.meeting_starts_at desc, c.id desc limit 1) pv on true
      where p.org_id = ${orgId} and p.manager_id = ${managerId} and p.active
      order by p.name, p.id
      limit 2000`,
    );
  },
};
