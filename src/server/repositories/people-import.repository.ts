import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { departments, people } from '../../db/schema/index';
import type {
  ExistingDepartment,
  ExistingPerson,
  PersonValues,
} from '../../domain/people-import/index';

/**
 * People per statement. Columns go in as one array parameter each (`unnest`), so a statement has
 * nine parameters whatever its size: building and parsing a 1,000-row VALUES list with 11,000
 * parameters took three times as long.
 */
const CHUNK = 5000;

/** Lock class for advisory locks taken by the import (the second key is the organisation). */
const IMPORT_LOCK_CLASS = 7_265_747;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An array literal for one column ({"a","b",NULL}); every element quoted, so any text survives. */
export function pgArray(values: readonly (string | null)[]): string {
  const quote = (v: string) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  return `{${values.map((v) => (v === null ? 'NULL' : quote(v))).join(',')}}`;
}

/**
 * `unnest(…) as v(…)`: the people as a table, one array parameter per column. Roles are not
 * among them: they change through services/role-changes.ts only (decision 016).
 */
function columnArrays(rows: PersonValues[]) {
  const col = (pick: (p: PersonValues) => string | null) => pgArray(rows.map(pick));
  return sql`unnest(
    ${col((p) => p.id)}::uuid[], ${col((p) => p.email)}::text[], ${col((p) => p.name)}::text[],
    ${col((p) => p.employeeNumber)}::text[], ${col((p) => p.jobTitle)}::text[],
    ${col((p) => p.departmentId)}::uuid[], ${col((p) => p.locale)}::text[],
    ${col((p) => p.timeZone)}::text[], ${col((p) => p.managerId)}::uuid[]
  ) as v(id, email, name, employee_number, job_title, department_id, locale, time_zone,
         manager_id)`;
}

/**
 * Refreshes the statistics of people and departments, which also makes PostgreSQL plan its
 * foreign-key checks afresh. Those plans are cached per connection; made while an organisation
 * was small they scan the whole table, and every row of a large import then pays for a scan of
 * all rows before it (50,000 new people took over 70 s instead of 6 s on PGlite). Run once the
 * table is large, the checks use the primary key's index.
 */
async function refreshPlans(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`analyze departments, people`);
}

/**
 * The bulk reads and writes of the people import. Whole organisations are read once and written
 * in chunks of multi-row statements; every statement is scoped by organisation id.
 */
export const peopleImportRepository = {
  /**
   * Serialises imports into one organisation until the transaction ends, so two imports
   * never diff against the same snapshot.
   */
  async lock(tx: DbOrTx, orgId: string): Promise<void> {
    await tx.execute(
      sql`select pg_advisory_xact_lock(${sql.raw(String(IMPORT_LOCK_CLASS))}, hashtext(${orgId}::text))`,
    );
  },

  async people(db: DbOrTx, orgId: string): Promise<ExistingPerson[]> {
    return db
      .select({
        id: people.id,
        email: people.email,
        name: people.name,
        employeeNumber: people.employeeNumber,
        jobTitle: people.jobTitle,
        departmentId: people.departmentId,
        locale: people.locale,
        timeZone: people.timeZone,
        managerId: people.managerId,
        roles: people.roles,
        active: people.active,
      })
      .from(people)
      .where(eq(people.orgId, orgId));
  },

  async departments(db: DbOrTx, orgId: string): Promise<ExistingDepartment[]> {
    return db
      .select({ id: departments.id, name: departments.name, parentId: departments.parentId })
      .from(departments)
      .where(eq(departments.orgId, orgId));
  },

  /** Inserts units in the order given (parents first: the parent key is checked per statement). */
  async insertDepartments(tx: DbOrTx, orgId: string, rows: ExistingDepartment[]): Promise<void> {
    for (const chunk of chunks(rows)) {
      await tx.insert(departments).values(chunk.map((d) => ({ orgId, ...d })));
    }
  },

  /**
   * Gives people a placeholder e-mail, so that others can take their address over in the same
   * import (the unique key is checked row by row). They get their new address in `update`.
   */
  async releaseEmails(tx: DbOrTx, orgId: string, ids: string[]): Promise<void> {
    for (const chunk of chunks(ids)) {
      await tx.execute(sql`
        update people set email = 'import-release:' || id::text
        where org_id = ${orgId} and id = any(${pgArray(chunk)}::uuid[])`);
    }
  },

  /** Inserts new people (managers first), in chunks; `onChunk` gets the number written so far. */
  async insertPeople(
    tx: DbOrTx,
    orgId: string,
    rows: PersonValues[],
    onChunk?: (written: number) => void,
  ): Promise<void> {
    let written = 0;
    for (const chunk of chunks(rows)) {
      await tx.execute(sql`
        insert into people (org_id, id, email, name, employee_number, job_title, department_id,
                            locale, time_zone, manager_id)
        select ${orgId}::uuid, v.id, v.email, v.name, v.employee_number, v.job_title,
               v.department_id, v.locale, v.time_zone, v.manager_id
        from ${columnArrays(chunk)}`);
      written += chunk.length;
      if (written === chunk.length && rows.length > chunk.length) await refreshPlans(tx);
      onChunk?.(written);
    }
  },

  /** Writes every field of changed people, one `update … from unnest(…)` per chunk. */
  async updatePeople(
    tx: DbOrTx,
    orgId: string,
    rows: PersonValues[],
    onChunk?: (written: number) => void,
  ): Promise<void> {
    // Changed managers and departments are checked against their tables, as on insert.
    if (rows.length >= 1000) await refreshPlans(tx);
    let written = 0;
    for (const chunk of chunks(rows)) {
      await tx.execute(sql`
        update people as p set
          email = v.email, name = v.name, employee_number = v.employee_number,
          job_title = v.job_title, department_id = v.department_id, locale = v.locale,
          time_zone = v.time_zone, manager_id = v.manager_id, updated_at = now()
        from ${columnArrays(chunk)}
        where p.org_id = ${orgId} and p.id = v.id`);
      written += chunk.length;
      onChunk?.(written);
    }
  },
};
