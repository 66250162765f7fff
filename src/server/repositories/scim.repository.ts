import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import { people, scimIdentities, scimSettings, scimTokens } from '../../db/schema/index';
import type { UserLookup } from '../../domain/scim/filter';
import type { PersonRow } from './people.repository';
import { pgArray } from './people-import.repository';
import { touched } from './touched';

export type ScimTokenRow = typeof scimTokens.$inferSelect;
export type ScimIdentityRow = typeof scimIdentities.$inferSelect;

/** A person as a SCIM User: the person, their unit's name and what the provider knows them by. */
export type ScimUserRow = {
  person: PersonRow;
  departmentName: string | null;
  identity: ScimIdentityRow | null;
};

type RawUser = {
  id: string;
  department_name: string | null;
  identity: Record<string, unknown> | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The condition a lookup adds; null when it can match nobody (an id that is no uuid). */
function lookupCondition(lookup: UserLookup): SQL | null {
  switch (lookup.by) {
    case 'none':
      return sql`true`;
    case 'id':
      return UUID.test(lookup.value) ? sql`p.id = ${lookup.value}::uuid` : null;
    case 'email':
      return sql`p.email = ${lookup.value.trim().toLowerCase()}`;
    case 'externalId':
      return sql`i.external_id = ${lookup.value}`;
    case 'userName':
      // A person HR made (no identity yet) is found by the e-mail address they sign in with.
      return sql`(lower(i.user_name) = lower(${lookup.value})
                  or (i.person_id is null and p.email = ${lookup.value.trim().toLowerCase()}))`;
  }
}

/** Provisioning's SQL: tokens, identities, settings, and people read as SCIM Users. */
export const scimRepository = {
  async insertToken(db: DbOrTx, row: typeof scimTokens.$inferInsert): Promise<ScimTokenRow> {
    const [created] = await db.insert(scimTokens).values(row).returning();
    if (!created) throw new Error('insert returned nothing');
    return created;
  },

  async tokens(db: DbOrTx, orgId: string): Promise<ScimTokenRow[]> {
    return db
      .select()
      .from(scimTokens)
      .where(eq(scimTokens.orgId, orgId))
      .orderBy(desc(scimTokens.createdAt));
  },

  async revokeToken(db: DbOrTx, orgId: string, id: string, by: string, at: Date) {
    const [row] = await db
      .update(scimTokens)
      .set({ revokedAt: at, revokedBy: by })
      .where(and(eq(scimTokens.orgId, orgId), eq(scimTokens.id, id), isNull(scimTokens.revokedAt)))
      .returning();
    return row;
  },

  async findToken(db: DbOrTx, orgId: string, id: string): Promise<ScimTokenRow | undefined> {
    const [row] = await db
      .select()
      .from(scimTokens)
      .where(and(eq(scimTokens.orgId, orgId), eq(scimTokens.id, id)))
      .limit(1);
    return row;
  },

  /** The unrevoked token with this hash, in whichever organisation it belongs to. */
  async activeTokenByHash(db: DbOrTx, hash: string): Promise<ScimTokenRow | undefined> {
    const [row] = await db
      .select()
      .from(scimTokens)
      .where(and(eq(scimTokens.tokenHash, hash), isNull(scimTokens.revokedAt)))
      .limit(1);
    return row;
  },

  async touchToken(db: DbOrTx, orgId: string, id: string, at: Date): Promise<void> {
    await db
      .update(scimTokens)
      .set({ lastUsedAt: at })
      .where(and(eq(scimTokens.orgId, orgId), eq(scimTokens.id, id)));
  },

  async settings(db: DbOrTx, orgId: string) {
    const [row] = await db.select().from(scimSettings).where(eq(scimSettings.orgId, orgId));
    return { createDepartments: row?.createDepartments ?? false };
  },

  async saveSettings(db: DbOrTx, orgId: string, createDepartments: boolean, by: string) {
    await db
      .insert(scimSettings)
      .values({ orgId, createDepartments, updatedBy: by })
      .onConflictDoUpdate({
        target: scimSettings.orgId,
        set: touched({ createDepartments, updatedBy: by }),
      });
  },

  /**
   * One page of the organisation's SCIM Users (people not erased and not deleted through
   * SCIM), in id order, and how many there are in all.
   */
  async users(
    db: DbOrTx,
    orgId: string,
    lookup: UserLookup,
    page: { offset: number; limit: number },
  ): Promise<{ rows: ScimUserRow[]; total: number }> {
    const cond = lookupCondition(lookup);
    if (!cond) return { rows: [], total: 0 };
    const from = sql`from people p
      left join scim_identities i on i.org_id = p.org_id and i.person_id = p.id
      where p.org_id = ${orgId} and p.erased_at is null and i.deleted_at is null and ${cond}`;
    const [counted] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n ${from}`);
    const total = counted?.n ?? 0;
    if (page.limit === 0 || page.offset >= total) return { rows: [], total };
    const ids = await queryRows<{ id: string }>(
      db,
      sql`select p.id ${from} order by p.id limit ${page.limit} offset ${page.offset}`,
    );
    return {
      rows: await this.byIds(
        db,
        orgId,
        ids.map((r) => r.id),
      ),
      total,
    };
  },

  /** SCIM Users by person id, in the order given; a deleted or erased one is left out. */
  async byIds(db: DbOrTx, orgId: string, ids: string[]): Promise<ScimUserRow[]> {
    if (ids.length === 0) return [];
    const list = pgArray(ids);
    const persons = await db
      .select()
      .from(people)
      .where(and(eq(people.orgId, orgId), sql`${people.id} = any(${list}::uuid[])`));
    const extra = await queryRows<RawUser>(
      db,
      sql`select p.id, d.name as department_name,
                 case when i.person_id is null then null else row_to_json(i) end as identity
          from people p
          left join departments d on d.org_id = p.org_id and d.id = p.department_id
          left join scim_identities i on i.org_id = p.org_id and i.person_id = p.id
          where p.org_id = ${orgId} and p.id = any(${list}::uuid[])`,
    );
    const byId = new Map(persons.map((p) => [p.id, p]));
    const extras = new Map(extra.map((e) => [e.id, e]));
    return ids.flatMap((id) => {
      const person = byId.get(id);
      const e = extras.get(id);
      if (!person || !e || person.erasedAt) return [];
      const identity = e.identity ? identityFromJson(e.identity) : null;
      if (identity?.deletedAt) return [];
      return [{ person, departmentName: e.department_name, identity }];
    });
  },

  /** A person's identity row, deleted or not. */
  async identity(db: DbOrTx, orgId: string, personId: string) {
    const [row] = await db
      .select()
      .from(scimIdentities)
      .where(and(eq(scimIdentities.orgId, orgId), eq(scimIdentities.personId, personId)));
    return row;
  },

  /** Who else has this externalId or (case-insensitively) this userName, if anyone. */
  async holders(
    db: DbOrTx,
    orgId: string,
    values: { externalId: string | null; userName: string },
  ) {
    return db
      .select({
        personId: scimIdentities.personId,
        externalId: scimIdentities.externalId,
        userName: scimIdentities.userName,
      })
      .from(scimIdentities)
      .where(
        and(
          eq(scimIdentities.orgId, orgId),
          sql`(${scimIdentities.externalId} = ${values.externalId}
               or lower(${scimIdentities.userName}) = lower(${values.userName}))`,
        ),
      );
  },

  /** The person an externalId names (a manager reference), deleted through SCIM or not. */
  async personByExternalId(db: DbOrTx, orgId: string, externalId: string) {
    const [row] = await db
      .select({ personId: scimIdentities.personId })
      .from(scimIdentities)
      .where(and(eq(scimIdentities.orgId, orgId), eq(scimIdentities.externalId, externalId)));
    return row?.personId;
  },

  /** Writes what the provider knows a person by; every write counts up the version. */
  async saveIdentity(
    db: DbOrTx,
    row: {
      orgId: string;
      personId: string;
      externalId: string | null;
      userName: string;
      givenName: string | null;
      familyName: string | null;
      deletedAt: Date | null;
    },
  ): Promise<void> {
    await db
      .insert(scimIdentities)
      .values(row)
      .onConflictDoUpdate({
        target: [scimIdentities.orgId, scimIdentities.personId],
        set: touched({
          externalId: row.externalId,
          userName: row.userName,
          givenName: row.givenName,
          familyName: row.familyName,
          deletedAt: row.deletedAt,
          version: sql`${scimIdentities.version} + 1`,
        }),
      });
  },
};

/** row_to_json gives snake_case keys and ISO strings. */
function identityFromJson(j: Record<string, unknown>): ScimIdentityRow {
  const date = (v: unknown) => (typeof v === 'string' ? new Date(v) : null);
  return {
    orgId: j.org_id as string,
    personId: j.person_id as string,
    externalId: (j.external_id as string | null) ?? null,
    userName: j.user_name as string,
    givenName: (j.given_name as string | null) ?? null,
    familyName: (j.family_name as string | null) ?? null,
    version: Number(j.version),
    deletedAt: date(j.deleted_at),
    createdAt: date(j.created_at) ?? new Date(0),
    updatedAt: date(j.updated_at) ?? new Date(0),
  };
}
