import { eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import { departments, people } from '../../db/schema/index';
import type {
  ExistingDepartment,
  ExistingPerson,
  PersonValues,
} from '../../domain/people-import/index';

/** Rows per statement: well under PostgreSQL's 65,535 parameters at 11 per person. */
const CHUNK = 1000;

/** Lock class for advisory locks taken by the import (the second key is the organisation). */
const IMPORT_LOCK_CLASS = 7_265_747;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A text[] literal, quoted so any role name survives ("{"hr","admin"}"). */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
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
      const list = sql.join(
        chunk.map((id) => sql`${id}::uuid`),
        sql`, `,
      );
      await tx.execute(sql`
        update people set email = 'import-release:' || id::text
        where org_id = ${orgId} and id in (${list})`);
    }
  },

  /** Inserts new people, in chunks; `onChunk` gets the number written so far. */
  async insertPeople(
    tx: DbOrTx,
    orgId: string,
    rows: PersonValues[],
    onChunk?: (written: number) => void,
  ): Promise<void> {
    let written = 0;
    for (const chunk of chunks(rows)) {
      await tx.insert(people).values(chunk.map((p) => ({ orgId, ...p })));
      written += chunk.length;
      onChunk?.(written);
    }
  },

  /** Writes every field of changed people with one `update … from (values …)` per chunk. */
  async updatePeople(
    tx: DbOrTx,
    orgId: string,
    rows: PersonValues[],
    onChunk?: (written: number) => void,
  ): Promise<void> {
    let written = 0;
    for (const chunk of chunks(rows)) {
      const values: SQL[] = chunk.map(
        (p) =>
          sql`(${p.id}::uuid, ${p.email}::text, ${p.name}::text, ${p.employeeNumber}::text,
               ${p.jobTitle}::text, ${p.departmentId}::uuid, ${p.locale}::text,
               ${p.timeZone}::text, ${p.managerId}::uuid, ${textArray(p.roles)}::text[])`,
      );
      await queryRows(
        tx,
        sql`
        update people as p set
          email = v.email, name = v.name, employee_number = v.employee_number,
          job_title = v.job_title, department_id = v.department_id, locale = v.locale,
          time_zone = v.time_zone, manager_id = v.manager_id, roles = v.roles,
          updated_at = now()
        from (values ${sql.join(values, sql`, `)})
          as v(id, email, name, employee_number, job_title, department_id, locale,
               time_zone, manager_id, roles)
        where p.org_id = ${orgId} and p.id = v.id`,
      );
      written += chunk.length;
      onChunk?.(written);
    }
  },
};
