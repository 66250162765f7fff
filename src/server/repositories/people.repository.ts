import { and, arrayContains, asc, count, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from '../../db/client';
import { departments, organisations, people } from '../../db/schema/index';
import { identityChanged } from './identity-changes';
import { pgArray } from './people-import.repository';
import { touched } from './touched';

export type PersonRow = typeof people.$inferSelect;
/**
 * A person as written by the people form and imports. Roles are not part of it: they change
 * only through services/role-changes.ts (decision 016).
 */
export type NewPerson = Omit<typeof people.$inferInsert, 'roles'>;

export type PeopleFilter = {
  id?: string;
  search?: string;
  departmentId?: string;
  managerId?: string;
  includeInactive?: boolean;
  /** Keyset cursor: the (name, id) of the last row of the previous page. */
  after?: { name: string; id: string };
  limit: number;
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type ListShape = {
  id: boolean;
  activeOnly: boolean;
  department: boolean;
  manager: boolean;
  search: boolean;
  after: boolean;
};

/**
 * The people list as a prepared statement per combination of filters, built once per
 * database handle: building this query with Drizzle cost more CPU than running it (decision
 * 015). Values are placeholders; the statement's name says which filters it has.
 */
const listStatements = new WeakMap<object, Map<string, ReturnType<typeof buildList>>>();

function listStatement(db: DbOrTx, shape: ListShape) {
  const key = Object.entries(shape)
    .map(([k, on]) => (on ? k : ''))
    .filter(Boolean)
    .join('_');
  let byShape = listStatements.get(db);
  if (!byShape) listStatements.set(db, (byShape = new Map()));
  let statement = byShape.get(key);
  // A search stays unnamed: PostgreSQL then plans it for the term at hand (walk the name
  // index or use the trigram index); a named statement soon gets one generic plan for all.
  const name = shape.search ? '' : `people_list_${key}`;
  if (!statement) byShape.set(key, (statement = buildList(db, shape, name)));
  return statement;
}

function buildList(db: DbOrTx, shape: ListShape, name: string) {
  const p = (key: string) => sql.placeholder(key);
  const h = alias(people, 'h');
  const conds: SQL[] = [eq(h.orgId, p('orgId'))];
  if (shape.id) conds.push(eq(h.id, p('id')));
  if (shape.activeOnly) conds.push(eq(h.active, true));
  if (shape.department) conds.push(eq(h.departmentId, p('departmentId')));
  if (shape.manager) conds.push(eq(h.managerId, p('managerId')));
  if (shape.search) conds.push(sql`${h.searchText} like lower(${p('pattern')})`);
  if (shape.after)
    conds.push(
      or(
        gt(h.name, p('afterName')),
        and(eq(h.name, p('afterName')), gt(h.id, p('afterId'))),
      ) as SQL,
    );
  const page = db
    .select({ id: h.id, name: h.name })
    .from(h)
    .where(and(...conds))
    .orderBy(asc(h.name), asc(h.id))
    .limit(p('limit'))
    .as('page');
  const manager = sql.raw('manager');
  return db
    .select({
      person: people,
      departmentName: departments.name,
      managerName: sql<string | null>`${manager}.name`,
    })
    .from(page)
    .innerJoin(people, and(eq(people.orgId, p('orgId')), eq(people.id, page.id)))
    .leftJoin(
      departments,
      and(eq(departments.orgId, people.orgId), eq(departments.id, people.departmentId)),
    )
    .leftJoin(
      sql`${people} as ${manager}`,
      sql`${manager}.org_id = ${people.orgId} and ${manager}.id = ${people.managerId}`,
    )
    .orderBy(asc(page.name), asc(page.id))
    .prepare(name);
}

/** People of one organisation. Every query is scoped by org id. */
export const peopleRepository = {
  async findById(db: DbOrTx, orgId: string, id: string): Promise<PersonRow | undefined> {
    const [row] = await db
      .select()
      .from(people)
      .where(and(eq(people.orgId, orgId), eq(people.id, id)))
      .limit(1);
    return row;
  },

  async findByIds(db: DbOrTx, orgId: string, ids: string[]): Promise<PersonRow[]> {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(people)
      .where(and(eq(people.orgId, orgId), inArray(people.id, ids)));
  },

  /**
   * People with this e-mail in any organisation, active or not (sign-in happens before the
   * tenant is known; a failed sign-in is recorded in each organisation the address belongs to).
   */
  async findByEmailAnyOrg(db: DbOrTx, email: string) {
    return db
      .select({ person: people, org: organisations })
      .from(people)
      .innerJoin(organisations, eq(organisations.id, people.orgId))
      .where(eq(people.email, email))
      .limit(5);
  },

  /**
   * Active people who sign in with this address, or have signed in with it before HR changed
   * it ("forgot password" from the address a person knows as theirs).
   */
  async findActiveForReset(db: DbOrTx, email: string): Promise<PersonRow[]> {
    return db
      .select()
      .from(people)
      .where(
        and(or(eq(people.email, email), eq(people.recoveryEmail, email)), eq(people.active, true)),
      )
      .limit(5);
  },

  /**
   * A successful sign-in: when, with which address (where resets go from now on), and the
   * password's hash when it was upgraded. Not an identity change: a session reads none of it.
   */
  async recordSignIn(
    db: DbOrTx,
    orgId: string,
    id: string,
    values: { at: Date; email: string; passwordHash?: string },
  ): Promise<void> {
    await db
      .update(people)
      .set({
        lastSignedInAt: values.at,
        recoveryEmail: values.email,
        ...(values.passwordHash ? { passwordHash: values.passwordHash } : {}),
      })
      .where(and(eq(people.orgId, orgId), eq(people.id, id)));
  },

  /** Writes granted roles; only services/role-changes.ts calls it. */
  async setRoles(
    db: DbOrTx,
    orgId: string,
    rows: { id: string; roles: string[] }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const ids = pgArray(rows.map((r) => r.id));
    const roles = pgArray(rows.map((r) => pgArray(r.roles)));
    await db.execute(sql`
      update people as p set roles = v.roles::text[], updated_at = now()
      from unnest(${ids}::uuid[], ${roles}::text[]) as v(id, roles)
      where p.org_id = ${orgId} and p.id = v.id`);
    identityChanged();
  },

  /** Active people holding `admin` in an organisation. */
  async countActiveAdmins(db: DbOrTx, orgId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(people)
      .where(
        and(
          eq(people.orgId, orgId),
          eq(people.active, true),
          arrayContains(people.roles, ['admin']),
        ),
      );
    return row?.n ?? 0;
  },

  /**
   * True when the address is anyone's in the organisation, as their address or the one they
   * signed in with, active or not, in any letter case.
   */
  async addressInOrganisation(db: DbOrTx, orgId: string, email: string): Promise<boolean> {
    const address = email.trim().toLowerCase();
    const [row] = await db
      .select({ id: people.id })
      .from(people)
      .where(
        and(
          eq(people.orgId, orgId),
          or(
            sql`lower(${people.email}) = ${address}`,
            sql`lower(${people.recoveryEmail}) = ${address}`,
          ),
        ),
      )
      .limit(1);
    return !!row;
  },

  async findByEmail(db: DbOrTx, orgId: string, email: string) {
    const [row] = await db
      .select()
      .from(people)
      .where(and(eq(people.orgId, orgId), eq(people.email, email)))
      .limit(1);
    return row;
  },

  async findByEmployeeNumber(db: DbOrTx, orgId: string, employeeNumber: string) {
    const [row] = await db
      .select()
      .from(people)
      .where(and(eq(people.orgId, orgId), eq(people.employeeNumber, employeeNumber)))
      .limit(1);
    return row;
  },

  /**
   * One page of people, ordered by name then id, with department and manager names. The page
   * is found first, on `h` alone: with a search, walking people_org_name_search_idx (which
   * holds active and search_text) skips non-matches without reading their rows, or for a
   * rare term the trigram index finds the few matches (decision 015); then only the page's
   * rows are read, with their names.
   */
  async list(db: DbOrTx, orgId: string, f: PeopleFilter) {
    const shape: ListShape = {
      id: Boolean(f.id),
      activeOnly: !f.includeInactive && !f.id,
      department: Boolean(f.departmentId),
      manager: Boolean(f.managerId),
      search: Boolean(f.search),
      after: Boolean(f.after),
    };
    // search_text is name, e-mail and employee number lower-cased, split by chr(1): a term
    // without control characters matches within one field, as ILIKE on each would.
    const term = [...(f.search ?? '').trim()].filter((c) => c >= ' ').join('');
    return listStatement(db, shape).execute({
      orgId,
      id: f.id,
      departmentId: f.departmentId,
      managerId: f.managerId,
      pattern: `%${escapeLike(term)}%`,
      afterName: f.after?.name,
      afterId: f.after?.id,
      limit: f.limit,
    });
  },

  async insert(db: DbOrTx, row: NewPerson): Promise<PersonRow> {
    const [created] = await db.insert(people).values(row).returning();
    if (!created) throw new Error('insert returned nothing');
    // A new report changes their manager's session (directReports).
    identityChanged();
    return created;
  },

  async update(
    db: DbOrTx,
    orgId: string,
    id: string,
    patch: Partial<NewPerson>,
  ): Promise<PersonRow | undefined> {
    const [row] = await db
      .update(people)
      .set(touched(patch))
      .where(and(eq(people.orgId, orgId), eq(people.id, id)))
      .returning();
    identityChanged();
    return row;
  },

  /**
   * True when `candidateManagerId`, or anyone above them, is `personId`: making the candidate
   * the person's manager would close a loop. One recursive query, bounded by the tree's depth.
   */
  async isInChainAbove(
    db: DbOrTx,
    orgId: string,
    personId: string,
    candidateManagerId: string,
  ): Promise<boolean> {
    const rows = await queryRows<{ hit: boolean }>(
      db,
      sql`
      with recursive chain(id, manager_id, depth) as (
        select id, manager_id, 0 from people where org_id = ${orgId} and id = ${candidateManagerId}
        union all
        select p.id, p.manager_id, c.depth + 1 from people p
          join chain c on p.org_id = ${orgId} and p.id = c.manager_id
          where c.depth < 10000 and c.id <> ${personId}
      )
      select exists(select 1 from chain where id = ${personId}) as hit`,
    );
    return Boolean(rows[0]?.hit);
  },
};
