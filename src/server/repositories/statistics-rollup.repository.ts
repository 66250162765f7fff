import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import type { ConversationStatus } from '../../domain/development/template';
import { annualGapShown, type Figures } from '../../domain/statistics/figures';
import type { GroupKind } from '../../domain/statistics/groups';
import { pgArray } from './people-import.repository';
import { cadenceMeetings, type CountRow } from './statistics.repository';

export type GroupRef = { kind: GroupKind; key: string };
export type GroupFigures = { kind: GroupKind; key: string; figures: Figures };
export type StoredGroup = {
  kind: GroupKind;
  group_key: string;
  employees: number;
  planned: number;
  held: number;
  overdue_actions: number;
  weeks_since_held: number[];
  without_annual: number | null;
};
export type StoredRoundGroup = {
  kind: GroupKind;
  group_key: string;
} & Record<ConversationStatus, number>;

const CHUNK = 5000;
const ints = (values: readonly number[]) => `{${values.join(',')}}`;

/**
 * The stored counts HR statistics read (decision 014): written by a refresh, a few rows read
 * per page. Keys: a department's or manager's id, or 'all'.
 */
export const statisticsRollupRepository = {
  async refreshes(db: DbOrTx, orgId: string) {
    const rows = await queryRows<{ period: string; as_of: string; computed_at: Date | string }>(
      db,
      sql`select period, as_of, computed_at from statistics_refreshes where org_id = ${orgId}`,
    );
    return rows.map((r) => ({ ...r, computed_at: new Date(r.computed_at) }));
  },

  /** Organisations whose statistics were looked at lately (their rollups are worth keeping). */
  async recentlyUsed(db: DbOrTx, since: Date): Promise<string[]> {
    const rows = await queryRows<{ org_id: string }>(
      db,
      sql`select distinct org_id from statistics_refreshes where computed_at >= ${since}`,
    );
    return rows.map((r) => r.org_id);
  },

  /** Serialises refreshes of one organisation; false when another refresh holds it. */
  async tryLock(db: DbOrTx, orgId: string): Promise<boolean> {
    const [row] = await queryRows<{ ok: boolean }>(
      db,
      sql`select pg_try_advisory_xact_lock(hashtext(${`statistics:${orgId}`})) as ok`,
    );
    return Boolean(row?.ok);
  },

  async lock(db: DbOrTx, orgId: string): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`statistics:${orgId}`}))`);
  },

  async markRefreshed(db: DbOrTx, orgId: string, period: string, asOf: string, at: Date) {
    await db.execute(sql`insert into statistics_refreshes (org_id, period, as_of, computed_at)
      values (${orgId}, ${period}, ${asOf}, ${at})
      on conflict (org_id, period) do update set as_of = excluded.as_of,
        computed_at = excluded.computed_at`);
  },

  /** Fresh planner statistics after a refresh, so the page's key lookups use the primary keys. */
  async analyze(db: DbOrTx): Promise<void> {
    await db.execute(sql`analyze statistics_groups, statistics_round_groups`);
  },

  /** When each kept quarter's pair counts were counted. */
  async pairPeriods(db: DbOrTx, orgId: string): Promise<Map<string, Date>> {
    const rows = await queryRows<{ period: string; computed_at: Date | string }>(
      db,
      sql`select period, computed_at from statistics_pair_periods where org_id = ${orgId}`,
    );
    return new Map(rows.map((r) => [r.period, new Date(r.computed_at)]));
  },

  /** The quarters whose 1:1s changed since they were kept (rows left by the trigger). */
  async touches(db: DbOrTx, orgId: string) {
    return queryRows<{ id: string; period: string }>(
      db,
      sql`select id::text as id, period from statistics_touches where org_id = ${orgId}`,
    );
  },

  /** Removes the touches a refresh saw (never ones written after it looked). */
  async clearTouches(db: DbOrTx, orgId: string, ids: readonly string[]) {
    if (ids.length === 0) return;
    await db.execute(sql`delete from statistics_touches
      where org_id = ${orgId} and id = any(${pgArray(ids)}::bigint[])`);
  },

  /**
   * Organisations with touch rows that mark nothing new: for a quarter with nothing kept, or a
   * second row for the same quarter (organisations that stopped using statistics).
   */
  async looseTouchOrgs(db: DbOrTx): Promise<string[]> {
    const rows = await queryRows<{ org_id: string }>(
      db,
      sql`select distinct t.org_id from statistics_touches t
        where not exists (select 1 from statistics_pair_periods k
            where k.org_id = t.org_id and k.period = t.period)
          or exists (select 1 from statistics_touches d
            where d.org_id = t.org_id and d.period = t.period and d.id < t.id)`,
    );
    return rows.map((r) => r.org_id);
  },

  /**
   * Removes an organisation's loose touch rows (see looseTouchOrgs), keeping one per kept
   * quarter. Under the organisation's lock, so no refresh is between reading and keeping.
   */
  async tidyTouches(db: DbOrTx, orgId: string) {
    await db.execute(sql`delete from statistics_touches t
      where t.org_id = ${orgId} and (
        not exists (select 1 from statistics_pair_periods k
          where k.org_id = t.org_id and k.period = t.period)
        or exists (select 1 from statistics_touches d
          where d.org_id = t.org_id and d.period = t.period and d.id < t.id))`);
  },

  /** Forgets kept pair counts of quarters older than `period` (the picker no longer offers them). */
  async forgetPairsBefore(db: DbOrTx, orgId: string, period: string) {
    await db.execute(sql`delete from statistics_pair_quarters
      where org_id = ${orgId} and period < ${period}`);
    await db.execute(sql`delete from statistics_pair_periods
      where org_id = ${orgId} and period < ${period}`);
  },

  /**
   * Recounts the pair counts of the quarters in [from, to] (up to `now`) from the 1:1s and
   * keeps them: the same meetings as the cadence, grouped by pair instead of unit.
   */
  async recountPairs(
    db: DbOrTx,
    orgId: string,
    periods: readonly string[],
    range: { from: string; to: string },
    now: Date,
  ) {
    await db.execute(sql`delete from statistics_pair_quarters
      where org_id = ${orgId} and period = any(${pgArray(periods)}::text[])`);
    await db.execute(sql`insert into statistics_pair_quarters (org_id, period, employee_id,
        manager_id, planned, held)
      select ${orgId}, to_char(m.local_date, 'YYYY"-Q"Q'), m.employee_id, m.manager_id,
        count(*)::int, count(*) filter (where m.status = 'held')::int
      from one_on_one_meetings m
      where ${cadenceMeetings(orgId, range.from, range.to, now)}
      group by 2, 3, 4`);
    await db.execute(sql`insert into statistics_pair_periods (org_id, period, computed_at)
      select ${orgId}, p, now() from unnest(${pgArray(periods)}::text[]) as p
      on conflict (org_id, period) do update set computed_at = excluded.computed_at`);
  },

  /**
   * Kept quarters' cadence by the employees' units of the moment and the pair's manager: what
   * statisticsRepository.cadence returns for them.
   */
  async pairCadence(db: DbOrTx, orgId: string, periods: readonly string[]) {
    if (periods.length === 0) return [];
    return queryRows<CountRow & { period: string; planned: number; held: number }>(
      db,
      sql`select c.period, p.department_id, c.manager_id, sum(c.planned)::int as planned,
          sum(c.held)::int as held
        from statistics_pair_quarters c
        join people p on p.org_id = c.org_id and p.id = c.employee_id
        where c.org_id = ${orgId} and c.period = any(${pgArray(periods)}::text[])
        group by c.period, p.department_id, c.manager_id`,
    );
  },

  /**
   * Replaces a quarter's group counts: rows that did not change are not written (most of a
   * refresh every ten minutes), groups that are gone are removed.
   */
  async replacePeriod(db: DbOrTx, orgId: string, period: string, rows: readonly GroupFigures[]) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      const col = (f: (r: GroupFigures) => number) => ints(part.map(f));
      // Arrays of arrays do not unnest row by row: the buckets travel as text and are cast.
      const weeks = pgArray(part.map((r) => ints(r.figures.weeksSinceHeld)));
      // A group too small to show it stores no figure at all (-1 travels as null).
      const annual = col((r) => annualGapShown(r.figures.employees, r.figures.withoutAnnual) ?? -1);
      await db.execute(sql`insert into statistics_groups as g (org_id, period, kind, group_key,
          employees, planned, held, overdue_actions, weeks_since_held, without_annual)
        select ${orgId}, ${period}, v.kind, v.group_key, v.employees, v.planned, v.held,
          v.overdue, v.weeks::int[], nullif(v.annual, -1)
        from unnest(${pgArray(part.map((r) => r.kind))}::text[],
          ${pgArray(part.map((r) => r.key))}::text[], ${col((r) => r.figures.employees)}::int[],
          ${col((r) => r.figures.planned)}::int[], ${col((r) => r.figures.held)}::int[],
          ${col((r) => r.figures.overdueActions)}::int[], ${weeks}::text[], ${annual}::int[])
          as v(kind, group_key, employees, planned, held, overdue, weeks, annual)
        on conflict (org_id, period, kind, group_key) do update set
          employees = excluded.employees, planned = excluded.planned, held = excluded.held,
          overdue_actions = excluded.overdue_actions,
          weeks_since_held = excluded.weeks_since_held, without_annual = excluded.without_annual
        where (g.employees, g.planned, g.held, g.overdue_actions, g.weeks_since_held,
            g.without_annual)
          is distinct from (excluded.employees, excluded.planned, excluded.held,
            excluded.overdue_actions, excluded.weeks_since_held, excluded.without_annual)`);
    }
    // Every group written is stored now: more rows than that means some groups are gone.
    const [stored] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from statistics_groups
        where org_id = ${orgId} and period = ${period}`,
    );
    if ((stored?.n ?? 0) <= rows.length) return;
    await db.execute(sql`delete from statistics_groups g
      where g.org_id = ${orgId} and g.period = ${period} and not exists (
        select 1 from unnest(${pgArray(rows.map((r) => r.kind))}::text[],
          ${pgArray(rows.map((r) => r.key))}::text[]) as k(kind, group_key)
        where k.kind = g.kind and k.group_key = g.group_key)`);
  },

  /** Replaces the conversation counts of every round (unchanged rows are not written). */
  async replaceRounds(
    db: DbOrTx,
    orgId: string,
    rows: readonly (GroupFigures & { roundId: string })[],
  ) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      const col = (s: ConversationStatus) => ints(part.map((r) => r.figures.conversations[s]));
      await db.execute(sql`insert into statistics_round_groups as g (org_id, round_id, kind,
          group_key, not_booked, booked, held, closed, signed)
        select ${orgId}, v.* from unnest(${pgArray(part.map((r) => r.roundId))}::uuid[],
          ${pgArray(part.map((r) => r.kind))}::text[], ${pgArray(part.map((r) => r.key))}::text[],
          ${col('not_booked')}::int[], ${col('booked')}::int[], ${col('held')}::int[],
          ${col('closed')}::int[], ${col('signed')}::int[])
          as v(round_id, kind, group_key, not_booked, booked, held, closed, signed)
        on conflict (org_id, round_id, kind, group_key) do update set
          not_booked = excluded.not_booked, booked = excluded.booked, held = excluded.held,
          closed = excluded.closed, signed = excluded.signed
        where (g.not_booked, g.booked, g.held, g.closed, g.signed)
          is distinct from (excluded.not_booked, excluded.booked, excluded.held,
            excluded.closed, excluded.signed)`);
    }
    const [stored] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from statistics_round_groups where org_id = ${orgId}`,
    );
    if ((stored?.n ?? 0) <= rows.length) return;
    await db.execute(sql`delete from statistics_round_groups g
      where g.org_id = ${orgId} and not exists (
        select 1 from unnest(${pgArray(rows.map((r) => r.roundId))}::uuid[],
          ${pgArray(rows.map((r) => r.kind))}::text[],
          ${pgArray(rows.map((r) => r.key))}::text[]) as k(round_id, kind, group_key)
        where k.round_id = g.round_id and k.kind = g.kind and k.group_key = g.group_key)`);
  },

  /** The stored counts of the given groups of a quarter. */
  async groups(db: DbOrTx, orgId: string, period: string, keys: readonly GroupRef[]) {
    return queryRows<StoredGroup>(
      db,
      sql`select g.kind, g.group_key, g.employees, g.planned, g.held, g.overdue_actions, g.weeks_since_held,
          g.without_annual
        from unnest(${pgArray(keys.map((k) => k.kind))}::text[], ${pgArray(keys.map((k) => k.key))}::text[]) as k(kind, group_key)
        -- Driven by the few keys asked for: one primary-key lookup each.
        cross join lateral (select * from statistics_groups x
          where x.org_id = ${orgId} and x.period = ${period} and x.kind = k.kind
            and x.group_key = k.group_key) g`,
    );
  },

  async roundGroups(db: DbOrTx, orgId: string, roundId: string, keys: readonly GroupRef[]) {
    return queryRows<StoredRoundGroup>(
      db,
      sql`select g.kind, g.group_key, g.not_booked, g.booked, g.held, g.closed, g.signed
        from unnest(${pgArray(keys.map((k) => k.kind))}::text[], ${pgArray(keys.map((k) => k.key))}::text[]) as k(kind, group_key)
        -- Driven by the few keys asked for: one primary-key lookup each.
        cross join lateral (select * from statistics_round_groups x
          where x.org_id = ${orgId} and x.round_id = ${roundId} and x.kind = k.kind
            and x.group_key = k.group_key) g`,
    );
  },
};
