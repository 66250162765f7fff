import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import type { ConversationStatus } from '../../domain/development/template';

/** Figures keyed by the employee's department and the pair's manager; the service rolls them up. */
export type CountRow = { department_id: string | null; manager_id: string | null };

/**
 * The set-based queries behind HR statistics (decision 014): each reads the whole organisation
 * once and groups by (department, manager), so a page costs the same few statements for 100
 * people or 50,000. Nothing here reads a conversation's content.
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

  /** Active employees (people with a manager) and those without a held 1:1 since `since`. */
  async employees(db: DbOrTx, orgId: string, since: Date, now: Date) {
    return queryRows<CountRow & { employees: number; without_recent: number }>(
      db,
      sql`select p.department_id, p.manager_id, count(*)::int as employees,
          count(*) filter (where h.employee_id is null)::int as without_recent
        from people p
        left join (
          select distinct m.employee_id from one_on_one_meetings m
          where m.org_id = ${orgId} and m.status = 'held' and m.series_id is not null
            and m.starts_at >= ${since} and m.starts_at <= ${now}) h on h.employee_id = p.id
        where p.org_id = ${orgId} and p.active and p.manager_id is not null
        group by p.department_id, p.manager_id`,
    );
  },

  /**
   * 1:1s due in [from, until) and how many were held. Meetings the system cancelled (a new
   * manager, a changed series) were never the pair's to keep and do not count.
   */
  async cadence(db: DbOrTx, orgId: string, from: Date, until: Date) {
    return queryRows<CountRow & { planned: number; held: number }>(
      db,
      sql`select p.department_id, m.manager_id, count(*)::int as planned,
          count(*) filter (where m.status = 'held')::int as held
        from one_on_one_meetings m
        join people p on p.org_id = m.org_id and p.id = m.employee_id
        where m.org_id = ${orgId} and m.series_id is not null
          and m.starts_at >= ${from} and m.starts_at < ${until}
          and (m.status <> 'cancelled' or m.status_reason_code is null)
        group by p.department_id, m.manager_id`,
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

  /** Conversations of one round counted by status (statuses only, never content). */
  async conversations(db: DbOrTx, orgId: string, roundId: string) {
    return queryRows<CountRow & { status: ConversationStatus; n: number }>(
      db,
      sql`select p.department_id, c.manager_id, c.status, count(*)::int as n
        from conversations c
        join people p on p.org_id = c.org_id and p.id = c.employee_id
        where c.org_id = ${orgId} and c.round_id = ${roundId}
        group by p.department_id, c.manager_id, c.status`,
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
