import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import type { ConversationStatus } from '../../domain/development/template';
import { pgArray } from './people-import.repository';

/** The 1:1s a quarter's cadence counts: due by the pair's date in [from, to], up to `now`. */
export const cadenceMeetings = (orgId: string, from: string, to: string, now: Date) =>
  sql`m.org_id = ${orgId} and m.series_id is not null
    and m.local_date >= ${from}::date and m.local_date <= ${to}::date
    and m.starts_at < ${now}
    and (m.status <> 'cancelled' or m.status_reason_code is null)`;

/** Figures keyed by the employee's department and the pair's manager; the service rolls them up. */
export type CountRow = { department_id: string | null; manager_id: string | null };

/**
 * The queries behind HR statistics (decision 014): the set-based ones a refresh runs (each
 * reads the whole organisation once and groups by department and manager) and the small ones a
 * page runs (a unit's or manager's children and path). Nothing here reads a conversation's
 * content.
 */
export const statisticsRepository = {
  async departments(db: DbOrTx, orgId: string) {
    return queryRows<{ id: string; name: string; parent_id: string | null }>(
      db,
      sql`select id, name, parent_id from departments where org_id = ${orgId}`,
    );
  },

  /** Everyone who has active direct reports, with their own manager (the manager tree). */
  async managers(db: DbOrTx, orgId: string) {
    return queryRows<{ id: string; name: string; manager_id: string | null }>(
      db,
      sql`select p.id, p.name, p.manager_id from people p
        where p.org_id = ${orgId} and p.id in (
          select r.manager_id from people r
          where r.org_id = ${orgId} and r.active and r.manager_id is not null)`,
    );
  },

  /**
   * Active employees (people with a manager) by whole weeks since their last held 1:1, as of
   * `today` (the organisation's date); a year back at most (older: the last bucket). One probe
   * per person into one_on_one_meetings_held_date_idx (not a year of the organisation's
   * meetings).
   */
  async weeksSinceHeld(db: DbOrTx, orgId: string, today: string) {
    return queryRows<CountRow & { days: number | null; n: number }>(
      db,
      sql`select p.department_id, p.manager_id, (${today}::date - h.last) as days, count(*)::int as n
        from people p
        left join lateral (
          select m.local_date as last from one_on_one_meetings m
          where m.org_id = ${orgId} and m.employee_id = p.id and m.status = 'held'
            and m.series_id is not null
            and m.local_date > ${today}::date - 372 and m.local_date <= ${today}::date
          order by m.local_date desc limit 1) h on true
        where p.org_id = ${orgId} and p.active and p.manager_id is not null
        group by p.department_id, p.manager_id, days`,
    );
  },

  /**
   * 1:1s due by the pair's date in [from, to] and up to `now`, per quarter, and how many were
   * held. Meetings the system cancelled (a new manager, a changed series) were never the
   * pair's to keep and do not count. (The current quarter's; closed quarters are kept per
   * pair, see statisticsRollupRepository.recountPairs.)
   */
  async cadence(db: DbOrTx, orgId: string, from: string, to: string, now: Date) {
    return queryRows<CountRow & { period: string; planned: number; held: number }>(
      db,
      sql`select to_char(m.local_date, 'YYYY"-Q"Q') as period, p.department_id, m.manager_id,
          count(*)::int as planned, count(*) filter (where m.status = 'held')::int as held
        from one_on_one_meetings m
        join people p on p.org_id = m.org_id and p.id = m.employee_id
        where ${cadenceMeetings(orgId, from, to, now)}
        group by 1, p.department_id, m.manager_id`,
    );
  },

  /**
   * Active employees (people with a manager) without a signed development conversation, with
   * any manager, at or after `cutoff` (seed 003; the cut-off is `annualCutoff`).
   */
  async withoutAnnual(db: DbOrTx, orgId: string, cutoff: Date) {
    return queryRows<CountRow & { n: number }>(
      db,
      sql`select p.department_id, p.manager_id, count(*)::int as n
        from people p
        where p.org_id = ${orgId} and p.active and p.manager_id is not null
          and not exists (select 1 from conversations c
            where c.org_id = p.org_id and c.employee_id = p.id and c.kind = 'development'
              and c.status = 'signed' and c.signed_at >= ${cutoff})
        group by p.department_id, p.manager_id`,
    );
  },

  /** Open actions past their due date where their owner lives. */
  async overdueActions(db: DbOrTx, orgId: string, now: Date) {
    return queryRows<CountRow & { overdue: number }>(
      db,
      sql`select p.department_id, a.manager_id, count(*)::int as overdue
        from one_on_one_actions a
        join people p on p.org_id = a.org_id and p.id = a.employee_id
        join people o on o.org_id = a.org_id and o.id = a.owner_id
        where a.org_id = ${orgId} and a.done_at is null
          and a.due_date < (${now}::timestamptz at time zone o.time_zone)::date
        group by p.department_id, a.manager_id`,
    );
  },

  /** The organisation's latest conversation rounds, for the round picker. */
  async rounds(db: DbOrTx, orgId: string) {
    return queryRows<{ id: string; name: string; period_start: string; period_end: string }>(
      db,
      sql`select id, name, period_start::text as period_start, period_end::text as period_end
        from conversation_rounds where org_id = ${orgId}
        order by period_start desc, created_at desc limit 50`,
    );
  },

  /** Conversations of the given rounds counted by status (statuses only, never content). */
  async conversations(db: DbOrTx, orgId: string, roundIds: readonly string[]) {
    if (roundIds.length === 0) return [];
    return queryRows<CountRow & { round_id: string; status: ConversationStatus; n: number }>(
      db,
      sql`select c.round_id, p.department_id, c.manager_id, c.status, count(*)::int as n
        from conversations c
        join people p on p.org_id = c.org_id and p.id = c.employee_id
        where c.org_id = ${orgId} and c.round_id = any(${pgArray(roundIds)}::uuid[])
        group by c.round_id, p.department_id, c.manager_id, c.status`,
    );
  },

  /** A unit's sub-units (or the top units), by name, and whether each has sub-units itself. */
  async departmentChildren(db: DbOrTx, orgId: string, parentId: string | null) {
    return queryRows<{ id: string; name: string; has_children: boolean }>(
      db,
      sql`select d.id, d.name, exists (select 1 from departments c
            where c.org_id = d.org_id and c.parent_id = d.id) as has_children
        from departments d
        where d.org_id = ${orgId} and ${parentId === null ? sql`d.parent_id is null` : sql`d.parent_id = ${parentId}`}
        order by d.name, d.id`,
    );
  },

  /** A unit and the units above it, top first (empty when it is not this organisation's). */
  async departmentPath(db: DbOrTx, orgId: string, id: string) {
    return queryRows<{ id: string; name: string }>(
      db,
      sql`with recursive up(id, name, parent_id, depth) as (
          select id, name, parent_id, 0 from departments where org_id = ${orgId} and id = ${id}
          union all
          select d.id, d.name, d.parent_id, up.depth + 1 from departments d
          join up on d.org_id = ${orgId} and d.id = up.parent_id where up.depth < 100)
        select id, name from up order by depth desc`,
    );
  },

  /**
   * The managers reporting to a manager (or the top managers), by name: whether each has
   * managers below them (then their organisation is more than their team).
   */
  async managerChildren(db: DbOrTx, orgId: string, managerId: string | null) {
    return queryRows<{ id: string; name: string; has_children: boolean }>(
      db,
      sql`select p.id, p.name, exists (select 1 from people r
            where r.org_id = p.org_id and r.manager_id = p.id and r.active and exists (
              select 1 from people rr where rr.org_id = r.org_id and rr.manager_id = r.id
                and rr.active)) as has_children
        from people p
        where p.org_id = ${orgId}
          and ${managerId === null ? sql`p.manager_id is null` : sql`p.manager_id = ${managerId}`}
          and exists (select 1 from people r where r.org_id = p.org_id and r.manager_id = p.id
            and r.active)
        order by p.name, p.id`,
    );
  },

  /** A manager and their managers, top first (empty when not a manager here). */
  async managerPath(db: DbOrTx, orgId: string, id: string) {
    return queryRows<{ id: string; name: string }>(
      db,
      sql`with recursive up(id, name, manager_id, depth) as (
          select p.id, p.name, p.manager_id, 0 from people p
          where p.org_id = ${orgId} and p.id = ${id} and exists (select 1 from people r
            where r.org_id = p.org_id and r.manager_id = p.id and r.active)
          union all
          select p.id, p.name, p.manager_id, up.depth + 1 from people p
          join up on p.org_id = ${orgId} and p.id = up.manager_id where up.depth < 100)
        select id, name from up order by depth desc`,
    );
  },

  async organisationZone(db: DbOrTx, orgId: string): Promise<string> {
    const [row] = await queryRows<{ zone: string }>(
      db,
      sql`select default_time_zone as zone from organisations where id = ${orgId}`,
    );
    return row?.zone ?? 'Europe/Stockholm';
  },
};
