import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../../db/client';
import { auditEvents } from '../../db/schema/index';

/** One event for the audit log. Never given conversation content. */
export type AuditEntry = {
  orgId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  details?: Record<string, unknown>;
  /** The client address of the request that caused it. */
  ip?: string | null;
  at?: Date;
};

export type AuditFilter = {
  /** Events this person did or that were done to them. */
  personId?: string;
  kind?: string;
  /** `at >= from` */
  from?: Date;
  /** `at < to` */
  to?: Date;
  /**
   * Keyset cursor: the (at, id) of the last row of the previous page, `at` as PostgreSQL wrote
   * it (`at_key`), so no microseconds are lost on the way through JavaScript.
   */
  before?: { at: string; id: string };
  limit: number;
};

export type AuditRow = {
  id: string;
  at: Date;
  /** `at` to the microsecond, for the next page's cursor. */
  at_key: string;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  subject_type: string;
  subject_id: string | null;
  subject_name: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

function toRow(e: AuditEntry) {
  return {
    orgId: e.orgId,
    id: randomUUID(),
    actorId: e.actorId,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId ?? null,
    details: e.details ?? {},
    ip: e.ip ?? null,
    ...(e.at ? { at: e.at } : {}),
  };
}

/**
 * The conditions of one index range: the organisation, one equality (`column = value`, or none),
 * the kind, the period and the cursor. Written so each runs as one backward index scan that
 * stops after `limit` rows (indexes in schema/audit.ts).
 */
function rangeConditions(orgId: string, eq: SQL | null, f: AuditFilter): SQL {
  const conds: SQL[] = [sql`org_id = ${orgId}`];
  if (eq) conds.push(eq);
  if (f.kind) conds.push(sql`action = ${f.kind}`);
  if (f.from) conds.push(sql`at >= ${f.from}`);
  if (f.to) conds.push(sql`at < ${f.to}`);
  if (f.before) conds.push(sql`(at, id) < (${f.before.at}::timestamptz, ${f.before.id}::uuid)`);
  return sql.join(conds, sql` and `);
}

/** The audit log: append-only (the database refuses changes), scoped by organisation. */
export const auditRepository = {
  async record(db: DbOrTx, e: AuditEntry): Promise<void> {
    await db.insert(auditEvents).values(toRow(e));
  },

  async recordMany(db: DbOrTx, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await db.insert(auditEvents).values(entries.map(toRow));
  },

  /**
   * One page of the log, newest first, with the names of actor and subject. A person's events
   * are those they did and those done to them: two index scans merged, so a page costs the
   * same at 50,000 people and five years of events as on the first day.
   */
  async page(db: DbOrTx, orgId: string, f: AuditFilter): Promise<AuditRow[]> {
    const order = sql`order by at desc, id desc limit ${f.limit}`;
    const ids = f.personId
      ? sql`(select at, id from audit_events
               where ${rangeConditions(orgId, sql`actor_id = ${f.personId}`, f)} ${order})
            union
            (select at, id from audit_events
               where ${rangeConditions(orgId, sql`subject_id = ${f.personId}`, f)} ${order})`
      : sql`select at, id from audit_events where ${rangeConditions(orgId, null, f)} ${order}`;
    return queryRows<AuditRow>(
      db,
      sql`
      with page as (${ids})
      select e.id, e.at, e.at::text as at_key, e.action, e.actor_id,
             coalesce(a.name, t.name) as actor_name, e.subject_type,
             e.subject_id, coalesce(s.name, st.name) as subject_name, e.ip, e.details
      from page
      join audit_events e on e.org_id = ${orgId} and e.id = page.id
      left join people a on a.org_id = e.org_id and a.id = e.actor_id
      -- A provisioning token acts too (decision 022): it is named by its name.
      left join scim_tokens t on t.org_id = e.org_id and t.id = e.actor_id
      left join scim_tokens st on st.org_id = e.org_id and st.id = e.subject_id
                               and e.subject_type = 'scimToken'
      left join people s on s.org_id = e.org_id and s.id = e.subject_id
                         and e.subject_type = 'person'
      order by page.at desc, page.id desc
      limit ${f.limit}`,
    );
  },

  /**
   * The retention job's one way to remove entries: old ones only, inside a transaction that
   * sets `samtal.audit_retention`, which the append-only trigger lets through (drizzle/0015).
   * Returns how many were removed.
   */
  /**
   * The same, for one organisation and at most `limit` entries (the retention job's batches,
   * decision 024): its own transaction, so no lock is held long. Returns how many went.
   */
  async deleteOrgOlderThan(db: Db, orgId: string, before: Date, limit: number): Promise<number> {
    return db.transaction(async (tx) => {
      await tx.execute(sql`set local samtal.audit_retention = 'on'`);
      const rows = await queryRows<{ n: number }>(
        tx,
        sql`with due as (
              select id from audit_events where org_id = ${orgId} and at < ${before}
              order by at limit ${limit}),
            gone as (
              delete from audit_events e using due
              where e.org_id = ${orgId} and e.id = due.id returning 1)
            select count(*)::int as n from gone`,
      );
      return rows[0]?.n ?? 0;
    });
  },

  async deleteOlderThan(db: Db, before: Date): Promise<number> {
    return db.transaction(async (tx) => {
      await tx.execute(sql`set local samtal.audit_retention = 'on'`);
      const rows = await queryRows<{ n: number }>(
        tx,
        sql`with gone as (delete from audit_events where at < ${before} returning 1)
            select count(*)::int as n from gone`,
      );
      return rows[0]?.n ?? 0;
    });
  },
};
