import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { conversations } from '../../db/schema/development';
import {
  developmentGoals,
  developmentProgressNotes,
  organisationGoals,
} from '../../db/schema/development-outcomes';
import { people } from '../../db/schema/organisation';
import { localiseOrganisationGoal } from '../../domain/development/organisation-goal';
import { touched } from './touched';

export type GoalRow = typeof developmentGoals.$inferSelect;
export type OrganisationGoalRow = typeof organisationGoals.$inferSelect;
export type ProgressNoteRow = typeof developmentProgressNotes.$inferSelect & { authorName: string };

type Pair = { managerId: string; employeeId: string };

/** Goals of development conversations, their progress notes, and HR's organisation goals. */
export const goalRepository = {
  async insert(db: DbOrTx, row: typeof developmentGoals.$inferInsert): Promise<GoalRow> {
    const [created] = await db.insert(developmentGoals).values(row).returning();
    return created!;
  },

  async findById(db: DbOrTx, orgId: string, id: string, lock = false) {
    const q = db
      .select()
      .from(developmentGoals)
      .where(and(eq(developmentGoals.orgId, orgId), eq(developmentGoals.id, id)))
      .limit(1);
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },

  async update(db: DbOrTx, orgId: string, id: string, patch: Partial<GoalRow>) {
    const [row] = await db
      .update(developmentGoals)
      .set(touched(patch))
      .where(and(eq(developmentGoals.orgId, orgId), eq(developmentGoals.id, id)))
      .returning();
    return row!;
  },

  async remove(db: DbOrTx, orgId: string, id: string) {
    await db
      .delete(developmentProgressNotes)
      .where(
        and(eq(developmentProgressNotes.orgId, orgId), eq(developmentProgressNotes.goalId, id)),
      );
    await db
      .delete(developmentGoals)
      .where(and(eq(developmentGoals.orgId, orgId), eq(developmentGoals.id, id)));
  },

  /** Goals set in one conversation, in the order they were written. */
  async forConversation(db: DbOrTx, orgId: string, conversationId: string) {
    return db
      .select()
      .from(developmentGoals)
      .where(
        and(eq(developmentGoals.orgId, orgId), eq(developmentGoals.conversationId, conversationId)),
      )
      .orderBy(asc(developmentGoals.createdAt), asc(developmentGoals.id));
  },

  /**
   * Last period's goals as a conversation looks back on them (domain `isLastPeriodGoal`): the
   * pair's goals from earlier conversations, open or judged in this one. Bounded: a pair has a
   * handful of goals a year.
   */
  async lastPeriod(db: DbOrTx, orgId: string, pair: Pair, conversationId: string) {
    return db
      .select()
      .from(developmentGoals)
      .where(
        and(
          eq(developmentGoals.orgId, orgId),
          eq(developmentGoals.employeeId, pair.employeeId),
          eq(developmentGoals.managerId, pair.managerId),
          ne(developmentGoals.conversationId, conversationId),
          or(
            isNull(developmentGoals.outcome),
            eq(developmentGoals.outcomeConversationId, conversationId),
          ),
        ),
      )
      .orderBy(asc(developmentGoals.createdAt), asc(developmentGoals.id))
      .limit(200);
  },

  /**
   * The pair's goals still being worked on, from agreements that are closed or signed (what
   * their 1:1s show). Goals of a conversation still under way are not agreed yet.
   */
  async openForPair(db: DbOrTx, orgId: string, pair: Pair) {
    return db
      .select({ goal: developmentGoals })
      .from(developmentGoals)
      .innerJoin(
        conversations,
        and(
          eq(conversations.orgId, developmentGoals.orgId),
          eq(conversations.id, developmentGoals.conversationId),
        ),
      )
      .where(
        and(
          eq(developmentGoals.orgId, orgId),
          eq(developmentGoals.employeeId, pair.employeeId),
          eq(developmentGoals.managerId, pair.managerId),
          isNull(developmentGoals.outcome),
          inArray(conversations.status, ['closed', 'signed']),
        ),
      )
      .orderBy(desc(developmentGoals.createdAt), asc(developmentGoals.id))
      .limit(100)
      .then((rows) => rows.map((r) => r.goal));
  },

  async insertProgress(db: DbOrTx, row: typeof developmentProgressNotes.$inferInsert) {
    const [created] = await db.insert(developmentProgressNotes).values(row).returning();
    return created!;
  },

  /** Progress notes of many goals and plan items in one query, oldest first. */
  async progressFor(
    db: DbOrTx,
    orgId: string,
    ids: { goalIds: string[]; planItemIds: string[] },
  ): Promise<ProgressNoteRow[]> {
    if (ids.goalIds.length === 0 && ids.planItemIds.length === 0) return [];
    const subject = [];
    if (ids.goalIds.length) subject.push(inArray(developmentProgressNotes.goalId, ids.goalIds));
    if (ids.planItemIds.length)
      subject.push(inArray(developmentProgressNotes.planItemId, ids.planItemIds));
    const rows = await db
      .select({ note: developmentProgressNotes, authorName: people.name })
      .from(developmentProgressNotes)
      .innerJoin(
        people,
        and(
          eq(people.orgId, developmentProgressNotes.orgId),
          eq(people.id, developmentProgressNotes.authorId),
        ),
      )
      .where(and(eq(developmentProgressNotes.orgId, orgId), or(...subject)))
      .orderBy(asc(developmentProgressNotes.createdAt), asc(developmentProgressNotes.id));
    return rows.map((r) => ({ ...r.note, authorName: r.authorName }));
  },

  async organisationGoals(db: DbOrTx, orgId: string, includeArchived: boolean) {
    return db
      .select()
      .from(organisationGoals)
      .where(
        and(
          eq(organisationGoals.orgId, orgId),
          includeArchived ? sql`true` : isNull(organisationGoals.archivedAt),
        ),
      )
      .orderBy(asc(organisationGoals.title), asc(organisationGoals.id))
      .limit(500);
  },

  async findOrganisationGoal(db: DbOrTx, orgId: string, id: string) {
    const [row] = await db
      .select()
      .from(organisationGoals)
      .where(and(eq(organisationGoals.orgId, orgId), eq(organisationGoals.id, id)))
      .limit(1);
    return row;
  },

  /** Titles of organisation goals in `locale` where given, else as first written. */
  async organisationGoalTitles(db: DbOrTx, orgId: string, ids: string[], locale?: string) {
    if (ids.length === 0) return new Map<string, string>();
    const rows = await db
      .select({
        id: organisationGoals.id,
        title: organisationGoals.title,
        description: organisationGoals.description,
        translations: organisationGoals.translations,
      })
      .from(organisationGoals)
      .where(and(eq(organisationGoals.orgId, orgId), inArray(organisationGoals.id, ids)));
    return new Map(
      rows.map((r) => [r.id, locale ? localiseOrganisationGoal(r, locale).title : r.title]),
    );
  },

  async insertOrganisationGoal(db: DbOrTx, row: typeof organisationGoals.$inferInsert) {
    const [created] = await db.insert(organisationGoals).values(row).returning();
    return created!;
  },

  async updateOrganisationGoal(
    db: DbOrTx,
    orgId: string,
    id: string,
    patch: Partial<OrganisationGoalRow>,
  ) {
    const [row] = await db
      .update(organisationGoals)
      .set(touched(patch))
      .where(and(eq(organisationGoals.orgId, orgId), eq(organisationGoals.id, id)))
      .returning();
    return row;
  },
};
