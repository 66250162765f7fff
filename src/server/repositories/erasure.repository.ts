import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import { ERASURE_MAP } from '../../domain/privacy/erasure-map';
import {
  deletedColumns,
  keptColumns,
  type ErasureKeptKind,
} from '../../domain/privacy/erasure-preview';

/** A case-insensitive regular expression matching `text` literally (PostgreSQL ARE). */
function literalPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/**
 * The rows of `table` the scrub reads for `person` (ERASURE_MAP's `reach`, decision 024), as a
 * condition on that table's own columns: every row of the organisation, the rows of their
 * pairs, or the rows pointing at such a row of a parent table.
 */
function reachOf(person: ErasedPerson, table: string): ReturnType<typeof sql> {
  const reach = ERASURE_MAP[table]?.reach ?? 'pair';
  if (reach === 'organisation') return sql`true`;
  if (reach === 'pair') return sql`(manager_id = ${person.id} or employee_id = ${person.id})`;
  return sql`(${sql.join(
    reach.via.map(
      ({ column, parent }) =>
        sql`${ident(column)} in (select id from ${ident(parent)}
              where org_id = ${person.orgId} and ${reachOf(person, parent)})`,
    ),
    sql` or `,
  )})`;
}

export type ErasedPerson = {
  orgId: string;
  id: string;
  name: string;
  email: string;
  recoveryEmail: string | null;
};

/**
 * The rows the erasure deletes, table by table, in the order it deletes them: the one
 * definition both the erasure and its preview use (decision 024).
 */
function goneRows(person: ErasedPerson): { table: string; where: ReturnType<typeof sql> }[] {
  const { orgId, id } = person;
  // Live documents of their meetings: binary, rebuilt from the shared notes when opened.
  const meetingsOf = sql`select m.id from one_on_one_meetings m
    where m.org_id = ${orgId} and (m.manager_id = ${id} or m.employee_id = ${id})`;
  const rows: { table: string; where: ReturnType<typeof sql> }[] = [
    {
      table: 'meeting_doc_updates',
      where: sql`org_id = ${orgId} and meeting_id in (${meetingsOf})`,
    },
    { table: 'meeting_docs', where: sql`org_id = ${orgId} and meeting_id in (${meetingsOf})` },
  ];
  // The generic rules: their own rows go.
  for (const { table, columns } of deletedColumns()) {
    const any = sql.join(
      columns.map((c) => sql`${ident(c)} = ${id}`),
      sql` or `,
    );
    // Coaching signals the manager set aside about them as a report go too.
    const extra = table === 'coaching_dismissals' ? sql` or subject_key = ${id}` : sql``;
    rows.push({ table, where: sql`org_id = ${orgId} and (${any}${extra})` });
  }
  // The sign-in throttle: keys by address (before anyone is known) and by account.
  const keys = [`email:${person.email}`, `reset:${orgId}:${id}`];
  if (person.recoveryEmail) keys.push(`email:${person.recoveryEmail}`);
  rows.push({
    table: 'login_attempts',
    where: sql`key in (${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )})`,
  });
  return rows;
}

/**
 * What erasing the person would do, in counts only (decision 024): rows per table that would
 * go (the same definition the erasure deletes by) and shared rows per kind that stay with the
 * person shown as "former employee". Never any content.
 */
export async function erasurePreviewCounts(
  db: DbOrTx,
  person: ErasedPerson,
): Promise<{
  gone: { table: string; count: number }[];
  kept: { kind: ErasureKeptKind; count: number }[];
}> {
  const n = async (q: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(db, q))[0]?.n ?? 0;
  const gone: { table: string; count: number }[] = [];
  for (const { table, where } of goneRows(person)) {
    gone.push({
      table,
      count: await n(sql`select count(*)::int as n from ${ident(table)} where ${where}`),
    });
  }
  const kept: { kind: ErasureKeptKind; count: number }[] = [];
  for (const { table, kind, columns } of keptColumns()) {
    const any = sql.join(
      columns.map((c) => sql`${ident(c)} = ${person.id}`),
      sql` or `,
    );
    kept.push({
      kind,
      count: await n(
        sql`select count(*)::int as n from ${ident(table)} where org_id = ${person.orgId} and (${any})`,
      ),
    });
  }
  return { gone, kept };
}

/**
 * Erases one person as ERASURE_MAP says, in the caller's transaction (decision 024): their
 * own rows go, shared rows keep the other party with the person shown as `label`, their name
 * and addresses are replaced in every free text that stays, the audit log loses their client
 * addresses, and the person row becomes "former employee". Returns how many rows changed.
 */
export async function erasePersonRows(
  tx: DbOrTx,
  person: ErasedPerson,
  label: string,
  now: Date,
): Promise<{ deleted: number; scrubbed: number }> {
  const { orgId, id } = person;
  let deleted = 0;
  let scrubbed = 0;
  const count = async (q: ReturnType<typeof sql>) =>
    (
      await queryRows<{ n: number }>(
        tx,
        sql`with x as (${q} returning 1) select count(*)::int as n from x`,
      )
    )[0]?.n ?? 0;

  for (const { where, table } of goneRows(person)) {
    deleted += await count(sql`delete from ${ident(table)} where ${where}`);
  }
  // References to them that are cleared.
  for (const [table, rule] of Object.entries(ERASURE_MAP)) {
    if (rule.special === 'person-row') continue;
    for (const [column, what] of Object.entries(rule.personColumns)) {
      if (what !== 'null') continue;
      await tx.execute(
        sql`update ${ident(table)} set ${ident(column)} = null
            where org_id = ${orgId} and ${ident(column)} = ${id}`,
      );
    }
  }
  // Their reports lose them as manager.
  await tx.execute(
    sql`update people set manager_id = null where org_id = ${orgId} and manager_id = ${id}`,
  );

  // Name and addresses in the free texts that stay: their pairs' records, the outbox.
  const needles = [person.name, person.email, person.recoveryEmail]
    .filter((x): x is string => Boolean(x && x.trim().length >= 3))
    .map(literalPattern);
  const pattern = `(${[...new Set(needles)].join('|')})`;
  const types = await queryRows<{ table_name: string; column_name: string; data_type: string }>(
    tx,
    sql`select table_name, column_name, data_type from information_schema.columns
        where table_schema = 'public'`,
  );
  const typeOf = new Map(types.map((c) => [`${c.table_name}.${c.column_name}`, c.data_type]));
  for (const [table, rule] of Object.entries(ERASURE_MAP)) {
    for (const column of rule.scrub ?? []) {
      const type = typeOf.get(`${table}.${column}`);
      if (!type) throw new Error(`ERASURE_MAP names ${table}.${column}, which does not exist`);
      const col = ident(column);
      const json = type === 'jsonb' || type === 'json';
      const value = json ? sql`${col}::text` : col;
      const replaced = sql`regexp_replace(${value}, ${pattern}, ${label}, 'gi')`;
      scrubbed += await count(
        sql`update ${ident(table)} set ${col} = ${json ? sql`${replaced}::jsonb` : replaced}
            where org_id = ${orgId} and ${reachOf(person, table)} and ${value} ~* ${pattern}`,
      );
    }
  }

  // The audit log stays (who, whom, what, when); their client addresses go (0020).
  await tx.execute(sql`set local samtal.audit_erasure = 'on'`);
  await tx.execute(
    sql`update audit_events set ip = null
        where org_id = ${orgId} and actor_id = ${id} and ip is not null`,
  );
  await tx.execute(sql`set local samtal.audit_erasure = 'off'`);

  // The person row becomes "former employee".
  await tx.execute(
    sql`update people set name = ${label}, email = ${`erased-${id}@erased.invalid`},
          employee_number = null, job_title = null, department_id = null, locale = null,
          manager_id = null, roles = '{}', password_hash = null, recovery_email = null,
          last_signed_in_at = null, active = false,
          deactivated_at = coalesce(deactivated_at, ${now}), erased_at = ${now}, updated_at = ${now}
        where org_id = ${orgId} and id = ${id}`,
  );
  return { deleted, scrubbed };
}
