import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import { coachingDismissals } from '../../db/schema/index';

export type CoachingStatsRow = {
  employee_id: string;
  name: string;
  cadence: string | null;
  series_start: Date | string | null;
  held: number;
  /** JSON, so both drivers hand back plain ISO strings. */
  held_starts: string[] | null;
  cancelled: number;
  moved: number;
  status_only: number;
  reflections: number;
  topics_by_manager: number;
  topics_by_employee: number;
  employee_undiscussed: number;
  overdue_actions: number;
};

/**
 * The numbers behind a manager's coaching signals, in one statement for all their reports:
 * the meetings of the manager's series from the period's start on (found through the series
 * index, so five years of history are never read), their topics, check-ins, wellbeing notes
 * and reflections, and the pairs' overdue actions.
 */
export const coachingRepository = {
  async stats(db: DbOrTx, orgId: string, managerId: string, from: Date, to: Date) {
    return queryRows<CoachingStatsRow>(
      db,
      sql`
      with ser as (
        select s.org_id, s.id, s.employee_id, s.cadence, s.ended_at
        from one_on_one_series s
        where s.org_id = ${orgId} and s.manager_id = ${managerId}
          and (s.ended_at is null or s.ended_at >= ${from})
      ),
      mt as (
        select m.org_id, m.id, m.employee_id, m.status, m.status_reason_code, m.status_changed_at,
          m.original_starts_at, m.starts_at, m.held_at,
          least(m.starts_at, coalesce(m.held_at, m.starts_at)) as met_at
        from ser join one_on_one_meetings m on m.org_id = ser.org_id and m.series_id = ser.id
        where m.starts_at >= ${from}
      ),
      held as (
        select mt.* from mt where mt.status = 'held' and mt.met_at between ${from} and ${to}
      ),
      meet as (
        select mt.employee_id,
          count(*) filter (where mt.status = 'cancelled' and mt.status_reason_code is null
            and mt.status_changed_at between ${from} and ${to})::int as cancelled,
          count(*) filter (where mt.original_starts_at is not null and mt.status <> 'cancelled'
            and mt.status_reason_code is null and mt.original_starts_at <= ${to})::int as moved
        from mt group by mt.employee_id
      ),
      hs as (
        select h.employee_id, count(*)::int as held,
          json_agg(h.met_at order by h.met_at) as held_starts,
          count(*) filter (where not exists (
              select 1 from check_ins c where c.org_id = h.org_id and c.meeting_id = h.id)
            and not exists (
              select 1 from one_on_one_points pt
              join one_on_one_notes n on n.org_id = pt.org_id and n.point_id = pt.id
              where pt.org_id = h.org_id and pt.meeting_id = h.id and pt.section_key = 'wellbeing'
                and (btrim(n.body) <> '' or btrim(n.decision) <> ''))
          )::int as status_only,
          count(*) filter (where exists (
            select 1 from one_on_one_reflections r
            where r.org_id = h.org_id and r.meeting_id = h.id and r.author_id = ${managerId})
          )::int as reflections
        from held h group by h.employee_id
      ),
      tp as (
        select h.employee_id,
          count(*) filter (where pt.author_id = ${managerId})::int as by_manager,
          count(*) filter (where pt.author_id = h.employee_id)::int as by_employee,
          count(*) filter (where pt.author_id = h.employee_id and pt.discussed_at is null
            and pt.carried_to_meeting_id is null)::int as undiscussed
        from held h
        join one_on_one_points pt on pt.org_id = h.org_id and pt.meeting_id = h.id
        where pt.kind = 'topic'
        group by h.employee_id
      ),
      od as (
        select a.employee_id, count(*)::int as overdue
        from one_on_one_actions a
        join people mp on mp.org_id = a.org_id and mp.id = ${managerId}
        where a.org_id = ${orgId} and a.manager_id = ${managerId} and a.done_at is null
          and a.due_date < (${to}::timestamptz at time zone mp.time_zone)::date
          and a.due_date >= (${from}::timestamptz at time zone mp.time_zone)::date
        group by a.employee_id
      ),
      emp as (
        select distinct employee_id from ser
        union select employee_id from od
      )
      select e.employee_id, p.name,
        act.cadence, act.first_at as series_start,
        coalesce(hs.held, 0) as held, hs.held_starts,
        coalesce(meet.cancelled, 0) as cancelled, coalesce(meet.moved, 0) as moved,
        coalesce(hs.status_only, 0) as status_only, coalesce(hs.reflections, 0) as reflections,
        coalesce(tp.by_manager, 0) as topics_by_manager,
        coalesce(tp.by_employee, 0) as topics_by_employee,
        coalesce(tp.undiscussed, 0) as employee_undiscussed,
        coalesce(od.overdue, 0) as overdue_actions
      from emp e
      join people p on p.org_id = ${orgId} and p.id = e.employee_id
      left join lateral (
        select ser.cadence, (select min(m.starts_at) from one_on_one_meetings m
            where m.org_id = ser.org_id and m.series_id = ser.id) as first_at
        from ser where ser.employee_id = e.employee_id and ser.ended_at is null limit 1) act on true
      left join hs on hs.employee_id = e.employee_id
      left join meet on meet.employee_id = e.employee_id
      left join tp on tp.employee_id = e.employee_id
      left join od on od.employee_id = e.employee_id
      order by p.name, e.employee_id
      limit 2000`,
    );
  },

  async dismissals(db: DbOrTx, orgId: string, managerId: string) {
    return db
      .select()
      .from(coachingDismissals)
      .where(and(eq(coachingDismissals.orgId, orgId), eq(coachingDismissals.managerId, managerId)));
  },

  async dismiss(db: DbOrTx, row: typeof coachingDismissals.$inferInsert) {
    await db
      .insert(coachingDismissals)
      .values(row)
      .onConflictDoUpdate({
        target: [
          coachingDismissals.orgId,
          coachingDismissals.managerId,
          coachingDismissals.signalKey,
          coachingDismissals.subjectKey,
        ],
        set: {
          valueAtDismissal: row.valueAtDismissal,
          dismissedAt: row.dismissedAt ?? sql`now()`,
          until: row.until,
        },
      });
  },
};
