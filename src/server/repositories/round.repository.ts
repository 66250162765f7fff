import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import { conversationRounds, conversations } from '../../db/schema/index';
import type { RoundInput, RoundScope, SkipReason } from '../../domain/development/round';
import { SALARY_HELD_STATUSES, type SalaryFirstRule } from '../../domain/development/salary-first';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../../domain/development/template';
import { touched } from './touched';

export type RoundRow = typeof conversationRounds.$inferSelect;
export type StatusCounts = Record<ConversationStatus, number> & { total: number };
export type ProgressRow = { id: string | null; name: string | null; counts: StatusCounts };

/**
 * The people a scope includes, as a recursive CTE prefix named `scope` (id, name, manager_id):
 * active people only. Sub-units and a manager's whole organisation are walked in SQL, so a
 * round over 50,000 people is a single statement.
 */
function scopeCte(orgId: string, scope: RoundScope): SQL {
  switch (scope.type) {
    case 'all':
      return sql`scope as (
        select p.id, p.name, p.manager_id from people p where p.org_id = ${orgId} and p.active)`;
    case 'department':
      return sql`units as (
          select d.id from departments d where d.org_id = ${orgId} and d.id = ${scope.departmentId}
          ${
            scope.includeSubunits
              ? sql`union select d.id from departments d join units u on d.parent_id = u.id
                    where d.org_id = ${orgId}`
              : sql``
          }),
        scope as (
          select p.id, p.name, p.manager_id from people p
          where p.org_id = ${orgId} and p.active and p.department_id in (select id from units))`;
    case 'manager':
      return sql`tree as (
          select p.id from people p where p.org_id = ${orgId} and p.manager_id = ${scope.managerId}
          ${
            scope.wholeOrganisation
              ? sql`union select p.id from people p join tree t on p.manager_id = t.id
                    where p.org_id = ${orgId}`
              : sql``
          }),
        scope as (
          select p.id, p.name, p.manager_id from people p
          where p.org_id = ${orgId} and p.active and p.id in (select id from tree))`;
  }
}

const num = (v: unknown) => Number(v ?? 0);
const countsOf = (r: Record<string, unknown>): StatusCounts => {
  const c = { total: num(r.total) } as StatusCounts;
  for (const s of CONVERSATION_STATUSES) c[s] = num(r[s]);
  return c;
};
const countColumns = sql.raw(
  CONVERSATION_STATUSES.map((s) => `count(*) filter (where c.status = '${s}') as ${s}`).join(', '),
);

export const roundRepository = {
  async insert(
    tx: DbOrTx,
    r: Omit<RoundInput, 'templateId'> & {
      orgId: string;
      templateVersionId: string;
      createdBy: string;
    },
  ): Promise<RoundRow> {
    const [row] = await tx
      .insert(conversationRounds)
      .values({
        orgId: r.orgId,
        id: randomUUID(),
        kind: r.kind,
        name: r.name,
        templateVersionId: r.templateVersionId,
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        deadline: r.deadline,
        scope: r.scope,
        salaryRoundId: r.salaryFirst?.roundId ?? null,
        salaryFirst: r.salaryFirst?.rule ?? null,
        createdBy: r.createdBy,
      })
      .returning();
    return row!;
  },

  /**
   * One conversation per included active person with their active manager, in one INSERT …
   * SELECT. Returns how many were created.
   */
  async createConversations(tx: DbOrTx, round: RoundRow): Promise<number> {
    const [row] = await queryRows<{ n: string | number }>(
      tx,
      sql`with recursive ${scopeCte(round.orgId, round.scope)},
        ins as (
          insert into conversations
            (org_id, id, round_id, kind, employee_id, manager_id, template_version_id, status)
          select ${round.orgId}, gen_random_uuid(), ${round.id}, ${round.kind}, s.id, s.manager_id,
                 ${round.templateVersionId}, 'not_booked'
          from scope s
          join people m on m.org_id = ${round.orgId} and m.id = s.manager_id and m.active
          on conflict do nothing
          returning 1)
        select count(*) as n from ins`,
    );
    return num(row?.n);
  },

  /**
   * A page of the round's managers (by id, after `after`) with how many conversations they
   * have in it: whom "a round has opened" goes to.
   */
  async managersPage(db: DbOrTx, orgId: string, roundId: string, after: string, limit: number) {
    const rows = await queryRows<{ manager_id: string; n: string | number }>(
      db,
      sql`select c.manager_id, count(*) as n from conversations c
        where c.org_id = ${orgId} and c.round_id = ${roundId} and c.manager_id > ${after}::uuid
        group by c.manager_id order by c.manager_id limit ${limit}`,
    );
    return rows.map((r) => ({ managerId: r.manager_id, count: num(r.n) }));
  },

  /** A page of the round's conversations by employee id (after `after`), with their manager. */
  async employeesPage(db: DbOrTx, orgId: string, roundId: string, after: string, limit: number) {
    const rows = await queryRows<{ id: string; employee_id: string; manager_id: string }>(
      db,
      sql`select c.id, c.employee_id, c.manager_id from conversations c
        where c.org_id = ${orgId} and c.round_id = ${roundId} and c.employee_id > ${after}::uuid
        order by c.employee_id limit ${limit}`,
    );
    return rows.map((r) => ({
      conversationId: r.id,
      employeeId: r.employee_id,
      managerId: r.manager_id,
    }));
  },

  /** Included people who got no conversation, and why (the first `limit` by name, and how many). */
  async skipped(tx: DbOrTx, round: RoundRow, limit: number) {
    const rows = await queryRows<{ id: string; name: string; reason: SkipReason; total: string }>(
      tx,
      sql`with recursive ${scopeCte(round.orgId, round.scope)}
        select s.id, s.name,
               case when s.manager_id is null then 'no_manager' else 'manager_inactive' end as reason,
               count(*) over () as total
        from scope s
        left join people m on m.org_id = ${round.orgId} and m.id = s.manager_id
        where s.manager_id is null or not m.active
        order by s.name, s.id
        limit ${limit}`,
    );
    return {
      total: num(rows[0]?.total),
      people: rows.map(({ id, name, reason }) => ({ id, name, reason })),
    };
  },

  async find(db: DbOrTx, orgId: string, id: string): Promise<RoundRow | undefined> {
    const [row] = await db
      .select()
      .from(conversationRounds)
      .where(and(eq(conversationRounds.orgId, orgId), eq(conversationRounds.id, id)))
      .limit(1);
    return row;
  },

  /** Closes (no more reminders) or reopens a round. */
  async setClosed(db: DbOrTx, orgId: string, id: string, closed: boolean) {
    const [row] = await db
      .update(conversationRounds)
      .set(
        touched({
          closedAt: closed ? sql`coalesce(${conversationRounds.closedAt}, now())` : null,
        }),
      )
      .where(and(eq(conversationRounds.orgId, orgId), eq(conversationRounds.id, id)))
      .returning();
    return row;
  },

  /** Newest first, keyset-paginated on (created_at, id). */
  async list(db: DbOrTx, orgId: string, limit: number, after?: { createdAt: Date; id: string }) {
    return db
      .select()
      .from(conversationRounds)
      .where(
        and(
          eq(conversationRounds.orgId, orgId),
          after
            ? or(
                lt(conversationRounds.createdAt, after.createdAt),
                and(
                  eq(conversationRounds.createdAt, after.createdAt),
                  lt(conversationRounds.id, after.id),
                ),
              )
            : undefined,
        ),
      )
      .orderBy(desc(conversationRounds.createdAt), desc(conversationRounds.id))
      .limit(limit);
  },

  /** Counts per status for each of the given rounds (index-only on (org, round, status)). */
  async totals(db: DbOrTx, orgId: string, roundIds: string[]): Promise<Map<string, StatusCounts>> {
    const out = new Map<string, StatusCounts>();
    if (roundIds.length === 0) return out;
    const rows = await db
      .select({
        roundId: conversations.roundId,
        status: conversations.status,
        n: sql<number>`count(*)::int`,
      })
      .from(conversations)
      .where(and(eq(conversations.orgId, orgId), inArray(conversations.roundId, roundIds)))
      .groupBy(conversations.roundId, conversations.status);
    for (const id of roundIds) out.set(id, countsOf({}));
    for (const r of rows) {
      const c = out.get(r.roundId!)!;
      c[r.status] = num(r.n);
      c.total += num(r.n);
    }
    return out;
  },

  /**
   * Counts per status grouped by the employee's department or by the manager on the
   * conversation, ordered by name, a page at a time. Statuses only: never any content.
   */
  async progress(
    db: DbOrTx,
    orgId: string,
    roundId: string,
    by: 'department' | 'manager',
    limit: number,
    offset: number,
  ): Promise<{ rows: ProgressRow[]; groups: number }> {
    const group =
      by === 'department'
        ? sql`select p.department_id as id, d.name as name, ${countColumns}, count(*) as total,
                count(*) over () as groups
              from conversations c
              join people p on p.org_id = c.org_id and p.id = c.employee_id
              left join departments d on d.org_id = c.org_id and d.id = p.department_id
              where c.org_id = ${orgId} and c.round_id = ${roundId}
              group by p.department_id, d.name
              order by d.name nulls last, p.department_id`
        : sql`select c.manager_id as id, m.name as name, ${countColumns}, count(*) as total,
                count(*) over () as groups
              from conversations c
              join people m on m.org_id = c.org_id and m.id = c.manager_id
              where c.org_id = ${orgId} and c.round_id = ${roundId}
              group by c.manager_id, m.name
              order by m.name, c.manager_id`;
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`${group} limit ${limit} offset ${offset}`,
    );
    // Past the last page the window function has no row to ride on: ask for the count itself.
    const groups =
      rows.length === 0 && offset > 0
        ? num(
            (await queryRows<{ n: unknown }>(db, sql`select count(*) as n from (${group}) g`))[0]
              ?.n,
          )
        : num(rows[0]?.groups);
    return {
      groups,
      rows: rows.map((r) => ({
        id: (r.id as string | null) ?? null,
        name: (r.name as string | null) ?? null,
        counts: countsOf(r),
      })),
    };
  },

  /**
   * Managers with conversations not yet booked or held in open rounds whose deadline falls
   * between the two dates, across organisations (the reminder job serves every tenant). A
   * manager already sent the last stage's reminder is left out.
   */
  async behindManagers(db: DbOrTx, from: string, to: string, limit: number, roundId?: string) {
    const rows = await queryRows<
      Omit<BehindManager, 'notBooked' | 'booked' | 'salaryPending'> & {
        not_booked: unknown;
        booked: unknown;
        salary_pending: unknown;
      }
    >(
      db,
      sql`select r.org_id, r.id as round_id, r.name as round_name, r.deadline::text as deadline,
               c.manager_id,
               count(*) filter (where c.status = 'not_booked') as not_booked,
               count(*) filter (where c.status = 'booked') as booked,
               r.salary_first, sr.name as salary_round_name,
               -- Seed 004: pairs whose salary conversation (in the tied round) is still to hold.
               count(*) filter (where exists (
                 select 1 from conversations s
                 where s.org_id = c.org_id and s.round_id = r.salary_round_id
                   and s.employee_id = c.employee_id
                   and s.status not in (${sql.join(
                     SALARY_HELD_STATUSES.map((st) => sql`${st}`),
                     sql`, `,
                   )}))) as salary_pending
        from conversation_rounds r
        join conversations c on c.org_id = r.org_id and c.round_id = r.id
          and c.status in ('not_booked', 'booked')
        left join conversation_rounds sr on sr.org_id = r.org_id and sr.id = r.salary_round_id
        where r.closed_at is null
          and ${roundId ? sql`r.id = ${roundId}` : sql`r.deadline between ${from} and ${to}`}
${
  roundId
    ? sql``
    : sql`and not exists (
            select 1 from mail_outbox o
            where o.org_id = r.org_id
              and o.dedupe_key = 'round.reminder:' || r.id::text || ':' || c.manager_id::text || ':hold')`
}
        group by r.org_id, r.id, r.name, r.deadline, r.salary_first, sr.name, c.manager_id
        order by r.deadline, r.id, c.manager_id
        limit ${limit}`,
    );
    return rows.map((r) => ({
      ...r,
      notBooked: num(r.not_booked),
      booked: num(r.booked),
      salaryPending: num(r.salary_pending),
    }));
  },
};

export type BehindManager = {
  org_id: string;
  round_id: string;
  round_name: string;
  deadline: string;
  manager_id: string;
  notBooked: number;
  booked: number;
  /** Seed 004: the salary round to hold first, and how it is asked (null: none). */
  salary_first: SalaryFirstRule | null;
  salary_round_name: string | null;
  /** The manager's pairs in this round whose salary conversation is still to be held. */
  salaryPending: number;
};
