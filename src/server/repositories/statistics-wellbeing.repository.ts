import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import type { Decision } from '../../domain/statistics/disclosure';
import type { GroupKind, WellbeingGroupRow } from '../../domain/statistics/groups';
import { pgArray } from './people-import.repository';

export type StoredWellbeingRow = {
  kind: GroupKind;
  group_key: string;
  status: Decision;
  people: number | null;
  wellbeing: number | null;
  workload: number | null;
  progress: number | null;
};

/** Fixed quarterly wellbeing figures (decision 014): written once per quarter, then only read. */
export const statisticsWellbeingRepository = {
  async isFixed(db: DbOrTx, orgId: string, period: string): Promise<boolean> {
    const rows = await queryRows<{ one: number }>(
      db,
      sql`select 1 as one from statistics_wellbeing_periods
        where org_id = ${orgId} and period = ${period}`,
    );
    return rows.length > 0;
  },

  /** Serialises the fixing of one quarter across requests and server instances. */
  async lockPeriod(db: DbOrTx, orgId: string, period: string): Promise<void> {
    await db.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`wellbeing:${orgId}:${period}`}))`,
    );
  },

  /** Each person's own average per measure over their check-ins in [from, until). */
  async personAverages(db: DbOrTx, orgId: string, from: Date, until: Date) {
    return queryRows<{
      department_id: string | null;
      manager_id: string | null;
      wellbeing: number;
      workload: number;
      progress: number;
    }>(
      db,
      sql`select p.department_id, p.manager_id,
          avg(c.wellbeing)::float8 as wellbeing, avg(c.workload)::float8 as workload,
          avg(c.progress)::float8 as progress
        from check_ins c
        join people p on p.org_id = c.org_id and p.id = c.employee_id
        where c.org_id = ${orgId} and c.meeting_starts_at >= ${from}
          and c.meeting_starts_at < ${until}
        group by c.employee_id, p.department_id, p.manager_id`,
    );
  },

  /** Fresh planner statistics once a quarter is fixed (the page looks groups up by key). */
  async analyze(db: DbOrTx): Promise<void> {
    await db.execute(sql`analyze statistics_wellbeing_groups`);
  },

  /** Every person's manager (the whole reporting tree, for "everyone below a manager"). */
  async reportingLines(db: DbOrTx, orgId: string) {
    return queryRows<{ id: string; manager_id: string | null }>(
      db,
      sql`select id, manager_id from people where org_id = ${orgId}`,
    );
  },

  async store(
    db: DbOrTx,
    orgId: string,
    period: string,
    people: number,
    rows: readonly WellbeingGroupRow[],
  ): Promise<void> {
    await db.execute(sql`insert into statistics_wellbeing_periods (org_id, period, people)
      values (${orgId}, ${period}, ${people}) on conflict do nothing`);
    const CHUNK = 5000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      const shown = (r: WellbeingGroupRow) => r.status === 'published';
      await db.execute(sql`insert into statistics_wellbeing_groups
          (org_id, period, kind, group_key, status, people, wellbeing, workload, progress)
        select ${orgId}, ${period}, v.kind, v.group_key, v.status, v.people, v.wellbeing,
          v.workload, v.progress
        from unnest(${pgArray(part.map((r) => r.kind))}::text[],
          ${pgArray(part.map((r) => r.id ?? 'all'))}::text[],
          ${pgArray(part.map((r) => r.status))}::text[],
          ${pgArray(part.map((r) => (shown(r) ? String(r.people) : null)))}::int[],
          ${pgArray(part.map((r) => numberOrNull(r.wellbeing)))}::real[],
          ${pgArray(part.map((r) => numberOrNull(r.workload)))}::real[],
          ${pgArray(part.map((r) => numberOrNull(r.progress)))}::real[])
          as v(kind, group_key, status, people, wellbeing, workload, progress)
        on conflict do nothing`);
    }
  },

  /** The stored rows of the given groups (keys as stored: an id, or 'all'). */
  async groups(
    db: DbOrTx,
    orgId: string,
    period: string,
    keys: readonly { kind: GroupKind; key: string }[],
  ) {
    if (keys.length === 0) return [];
    return queryRows<StoredWellbeingRow>(
      db,
      sql`select g.kind, g.group_key, g.status, g.people, g.wellbeing, g.workload, g.progress
        from unnest(${pgArray(keys.map((k) => k.kind))}::text[], ${pgArray(keys.map((k) => k.key))}::text[]) as k(kind, group_key)
        -- Driven by the few keys asked for: one primary-key lookup each.
        cross join lateral (select * from statistics_wellbeing_groups x
          where x.org_id = ${orgId} and x.period = ${period} and x.kind = k.kind
            and x.group_key = k.group_key) g`,
    );
  },
};

const numberOrNull = (n: number | null) => (n === null ? null : String(n));
