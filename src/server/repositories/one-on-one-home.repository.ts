import { sql, type Placeholder } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';

type SQLValue = Placeholder | string;

export type OverviewRow = {
  person_id: string;
  name: string;
  series_id: string | null;
  cadence: string | null;
  start_date: string | null;
  next_id: string | null;
  next_at: Date | string | null;
  last_id: string | null;
  last_at: Date | string | null;
  last_date: string | null;
  open_actions: number;
  overdue_actions: number;
  development_signed_at: Date | string | null;
};

/**
 * The manager's overview as one statement's text: each active direct report with the running
 * series, next and last held 1:1 of the pair, and the pair's open and overdue actions
 * (overdue in each owner's own time zone). Conversation meetings (no series) are not 1:1s:
 * they count for neither next nor last. The values are given as parameters or placeholders
 * (the home page's statement embeds it); `after` is `now` less RUNNING_GRACE_MS.
 */
export function managerOverviewSql(v: {
  orgId: SQLValue;
  managerId: SQLValue;
  after: SQLValue;
  now: SQLValue;
}) {
  const { orgId, managerId, after, now } = v;
  return sql`
      select p.id as person_id, p.name,
      s.id as series_id, s.cadence, s.start_date::text as start_date,
      nx.id as next_id, nx.starts_at as next_at,
      lh.id as last_id, lh.starts_at as last_at, lh.local_date::text as last_date,
      coalesce(ac.open_actions, 0)::int as open_actions,
      coalesce(ac.overdue_actions, 0)::int as overdue_actions,
      dv.signed_at as development_signed_at
    from people p
    left join one_on_one_series s
      on s.org_id = p.org_id and s.employee_id = p.id and s.manager_id = ${managerId}
      and s.ended_at is null
    left join lateral (
      select m.id, m.starts_at from one_on_one_meetings m
      where m.org_id = p.org_id and m.employee_id = p.id and m.manager_id = ${managerId}
        and m.kind = 'one_on_one' and m.status in ('planned', 'moved') and m.starts_at > ${after}::timestamptz
      order by m.starts_at limit 1) nx on true
    left join lateral (
      -- The day it actually took place (decision 020): started, or finished early.
      select m.id,
        coalesce(m.started_at, case when m.held_at < m.starts_at then m.held_at end, m.starts_at)
          as starts_at,
        coalesce(m.held_on, m.local_date) as local_date
      from one_on_one_meetings m
      where m.org_id = p.org_id and m.employee_id = p.id and m.manager_id = ${managerId}
        and m.kind = 'one_on_one' and m.status = 'held'
      order by m.starts_at desc limit 1) lh on true
    left join lateral (
      select count(*) as open_actions,
        count(*) filter (
          where a.due_date < (${now}::timestamptz at time zone o.time_zone)::date
        ) as overdue_actions
      from one_on_one_actions a
      join people o on o.org_id = a.org_id and o.id = a.owner_id
      where a.org_id = p.org_id and a.manager_id = ${managerId} and a.employee_id = p.id
        and a.done_at is null) ac on true
    left join lateral (
      -- The latest signed development conversation, with any manager (seed 003: yearly).
      select max(c.signed_at) as signed_at from conversations c
      where c.org_id = p.org_id and c.employee_id = p.id and c.kind = 'development'
        and c.status = 'signed') dv on true
    where p.org_id = ${orgId} and p.manager_id = ${managerId} and p.active
    order by p.name, p.id
    limit 2000`;
}

/** An overview row with its instants as Dates. */
export type OverviewItemRow = Omit<OverviewRow, 'next_at' | 'last_at' | 'development_signed_at'> & {
  next_at: Date | null;
  last_at: Date | null;
  development_signed_at: Date | null;
};

/** An overview row as PostgreSQL sends it (or as JSON): instants as Dates. */
export function overviewRowOf(r: OverviewRow): OverviewItemRow {
  return {
    ...r,
    next_at: r.next_at ? new Date(r.next_at) : null,
    last_at: r.last_at ? new Date(r.last_at) : null,
    development_signed_at: r.development_signed_at ? new Date(r.development_signed_at) : null,
  };
}

/** The queries behind the homes: one statement for a whole team, whatever its size. */
/** A meeting that started this recently and is not finished still counts as the next one. */
export const RUNNING_GRACE_MS = 3 * 3_600_000;

export const oneOnOneHomeRepository = {
  /**
   * Each active direct report with the running series, next and last held 1:1 of the pair,
   * and the pair's open and overdue actions (overdue in each owner's own time zone).
   * Conversation meetings (no series) are not 1:1s: they count for neither next nor last.
   */
  async managerOverview(db: DbOrTx, orgId: string, managerId: string, now: Date) {
    const after = new Date(now.getTime() - RUNNING_GRACE_MS).toISOString();
    const rows = await queryRows<OverviewRow>(
      db,
      managerOverviewSql({ orgId, managerId, after, now: now.toISOString() }),
    );
    return rows.map(overviewRowOf);
  },
};
