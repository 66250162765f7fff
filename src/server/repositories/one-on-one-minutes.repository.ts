import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { oneOnOneMinutes, oneOnOneReflections } from '../../db/schema/index';
import { touched } from './touched';

export type MinutesRow = typeof oneOnOneMinutes.$inferSelect;
export type ReflectionRow = typeof oneOnOneReflections.$inferSelect;

/** Minutes, the mail outbox, and the manager's reflections. Scoped by org id. */
export const oneOnOneMinutesRepository = {
  /** Stores the minutes once; a second finish keeps the first snapshot. */
  async insertOnce(db: DbOrTx, row: typeof oneOnOneMinutes.$inferInsert) {
    await db.insert(oneOnOneMinutes).values(row).onConflictDoNothing();
    return (await this.find(db, row.orgId, row.meetingId))!;
  },

  async find(db: DbOrTx, orgId: string, meetingId: string): Promise<MinutesRow | undefined> {
    const [row] = await db
      .select()
      .from(oneOnOneMinutes)
      .where(and(eq(oneOnOneMinutes.orgId, orgId), eq(oneOnOneMinutes.meetingId, meetingId)))
      .limit(1);
    return row;
  },

  async acknowledge(db: DbOrTx, orgId: string, meetingId: string, at: Date) {
    await db
      .update(oneOnOneMinutes)
      .set({ acknowledgedAt: at })
      .where(
        and(
          eq(oneOnOneMinutes.orgId, orgId),
          eq(oneOnOneMinutes.meetingId, meetingId),
          sql`${oneOnOneMinutes.acknowledgedAt} is null`,
        ),
      );
  },

  /** The employee's minutes, newest first, keyset-paged on (created_at, meeting id). */
  async listForEmployee(
    db: DbOrTx,
    orgId: string,
    employeeId: string,
    opts: { after?: { at: Date; id: string }; limit: number },
  ) {
    const conds: SQL[] = [
      eq(oneOnOneMinutes.orgId, orgId),
      eq(oneOnOneMinutes.employeeId, employeeId),
    ];
    if (opts.after)
      conds.push(
        sql`(${oneOnOneMinutes.createdAt}, ${oneOnOneMinutes.meetingId}) < (${opts.after.at}, ${opts.after.id}::uuid)`,
      );
    return db
      .select()
      .from(oneOnOneMinutes)
      .where(and(...conds))
      .orderBy(desc(oneOnOneMinutes.createdAt), desc(oneOnOneMinutes.meetingId))
      .limit(opts.limit);
  },

  async reflection(db: DbOrTx, orgId: string, meetingId: string, authorId: string) {
    const [row] = await db
      .select()
      .from(oneOnOneReflections)
      .where(
        and(
          eq(oneOnOneReflections.orgId, orgId),
          eq(oneOnOneReflections.meetingId, meetingId),
          eq(oneOnOneReflections.authorId, authorId),
        ),
      )
      .limit(1);
    return row;
  },

  async upsertReflection(db: DbOrTx, row: typeof oneOnOneReflections.$inferInsert) {
    const [saved] = await db
      .insert(oneOnOneReflections)
      .values(row)
      .onConflictDoUpdate({
        target: [
          oneOnOneReflections.orgId,
          oneOnOneReflections.meetingId,
          oneOnOneReflections.authorId,
        ],
        set: touched({
          topics: row.topics,
          notes: row.notes,
          ciphertext: row.ciphertext ?? null,
          iv: row.iv ?? null,
          keyVersion: row.keyVersion ?? null,
        }),
      })
      .returning();
    return saved!;
  },

  /** The author's reflections, newest meeting first, with the employee's name. */
  async listReflections(
    db: DbOrTx,
    orgId: string,
    authorId: string,
    opts: { after?: { at: Date; id: string }; limit: number },
  ) {
    const conds: SQL[] = [
      eq(oneOnOneReflections.orgId, orgId),
      eq(oneOnOneReflections.authorId, authorId),
    ];
    if (opts.after)
      conds.push(
        sql`(${oneOnOneReflections.meetingStartsAt}, ${oneOnOneReflections.id}) < (${opts.after.at}, ${opts.after.id}::uuid)`,
      );
    return db
      .select({
        reflection: oneOnOneReflections,
        employeeName: sql<string>`(select p.name from one_on_one_meetings m join people p on p.org_id = m.org_id and p.id = m.employee_id where m.org_id = one_on_one_reflections.org_id and m.id = one_on_one_reflections.meeting_id)`,
      })
      .from(oneOnOneReflections)
      .where(and(...conds))
      .orderBy(desc(oneOnOneReflections.meetingStartsAt), desc(oneOnOneReflections.id))
      .limit(opts.limit);
  },
};
