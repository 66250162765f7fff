import { and, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  conversationRounds,
  conversations,
  conversationTemplates,
  conversationTemplateVersions,
} from '../../db/schema/development';
import { oneOnOneMeetings } from '../../db/schema/one-on-one';
import type { ConversationStatus } from '../../domain/development/template';
import { touched } from './touched';

export type ConversationRow = typeof conversations.$inferSelect;
export type ConversationMeetingRow = typeof oneOnOneMeetings.$inferSelect;

const personName = (col: typeof conversations.managerId | typeof conversations.employeeId) =>
  sql<string>`(select p.name from people p where p.org_id = ${conversations.orgId} and p.id = ${col})`;

const listColumns = {
  conversation: conversations,
  roundName: conversationRounds.name,
  roundDeadline: conversationRounds.deadline,
  /** Seed 004: the round's salary-first rule and the status of the employee's salary talk. */
  salaryFirst: conversationRounds.salaryFirst,
  salaryStatus: sql<ConversationStatus | null>`(select s.status from conversations s
    where s.org_id = ${conversations.orgId} and s.round_id = ${conversationRounds.salaryRoundId}
      and s.employee_id = ${conversations.employeeId} limit 1)`,
  managerName: personName(conversations.managerId),
  employeeName: personName(conversations.employeeId),
  meeting: {
    startsAt: oneOnOneMeetings.startsAt,
    timeZone: oneOnOneMeetings.timeZone,
    durationMinutes: oneOnOneMeetings.durationMinutes,
    placeKind: oneOnOneMeetings.placeKind,
    placeDetail: oneOnOneMeetings.placeDetail,
  },
};

/** Conversations of a pair, with their round, names and booked meeting. Scoped by org id. */
export const conversationRepository = {
  /**
   * One page of the conversations a person takes part in as `as`, newest first; keyset cursor
   * on (created_at, id). Served by conversations_manager_status_idx / conversations_employee_idx.
   */
  async listFor(
    db: DbOrTx,
    orgId: string,
    personId: string,
    opts: { as: 'manager' | 'employee'; after?: { createdAt: Date; id: string }; limit: number },
  ) {
    const conds: SQL[] = [
      eq(conversations.orgId, orgId),
      opts.as === 'manager'
        ? eq(conversations.managerId, personId)
        : eq(conversations.employeeId, personId),
    ];
    if (opts.after)
      conds.push(
        sql`(${conversations.createdAt}, ${conversations.id}) < (${opts.after.createdAt}, ${opts.after.id})`,
      );
    return db
      .select(listColumns)
      .from(conversations)
      .leftJoin(
        conversationRounds,
        and(
          eq(conversationRounds.orgId, conversations.orgId),
          eq(conversationRounds.id, conversations.roundId),
        ),
      )
      .leftJoin(
        oneOnOneMeetings,
        and(
          eq(oneOnOneMeetings.orgId, conversations.orgId),
          eq(oneOnOneMeetings.id, conversations.meetingId),
        ),
      )
      .where(and(...conds))
      .orderBy(desc(conversations.createdAt), desc(conversations.id))
      .limit(opts.limit);
  },

  /** Counts of a person's conversations still to book or hold, for the homes (one statement). */
  async openCounts(db: DbOrTx, orgId: string, personId: string) {
    const [row] = await db
      .select({
        toBook: sql<number>`count(*) filter (where ${conversations.managerId} = ${personId}
          and ${conversations.status} = 'not_booked')::int`,
        upcoming: sql<number>`count(*) filter (where ${conversations.status} = 'booked')::int`,
      })
      .from(conversations)
      .where(
        and(
          eq(conversations.orgId, orgId),
          or(eq(conversations.managerId, personId), eq(conversations.employeeId, personId)),
          sql`${conversations.status} in ('not_booked', 'booked')`,
        ),
      );
    return row ?? { toBook: 0, upcoming: 0 };
  },

  /** A conversation with what its page needs: template content, round, names, meeting. */
  async findForPage(db: DbOrTx, orgId: string, id: string) {
    const [row] = await db
      .select({
        ...listColumns,
        content: conversationTemplateVersions.content,
        meetingRow: oneOnOneMeetings,
      })
      .from(conversations)
      .innerJoin(
        conversationTemplateVersions,
        and(
          eq(conversationTemplateVersions.orgId, conversations.orgId),
          eq(conversationTemplateVersions.id, conversations.templateVersionId),
        ),
      )
      .leftJoin(
        conversationRounds,
        and(
          eq(conversationRounds.orgId, conversations.orgId),
          eq(conversationRounds.id, conversations.roundId),
        ),
      )
      .leftJoin(
        oneOnOneMeetings,
        and(
          eq(oneOnOneMeetings.orgId, conversations.orgId),
          eq(oneOnOneMeetings.id, conversations.meetingId),
        ),
      )
      .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)))
      .limit(1);
    return row;
  },

  /** A conversation locked for a write, with its template content. */
  async lock(db: DbOrTx, orgId: string, id: string) {
    const [row] = await db
      .select({ conversation: conversations, content: conversationTemplateVersions.content })
      .from(conversations)
      .innerJoin(
        conversationTemplateVersions,
        and(
          eq(conversationTemplateVersions.orgId, conversations.orgId),
          eq(conversationTemplateVersions.id, conversations.templateVersionId),
        ),
      )
      .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)))
      .limit(1)
      .for('update', { of: conversations });
    return row;
  },

  /**
   * The salary-first rule of a conversation's round and the status of the employee's
   * conversation in the salary round it names (seed 004), for the start check.
   */
  async salaryOrderOf(db: DbOrTx, c: ConversationRow) {
    if (!c.roundId) return { rule: null, status: null };
    const [row] = await db
      .select({ rule: listColumns.salaryFirst, status: listColumns.salaryStatus })
      .from(conversations)
      .innerJoin(
        conversationRounds,
        and(
          eq(conversationRounds.orgId, conversations.orgId),
          eq(conversationRounds.id, conversations.roundId),
        ),
      )
      .where(and(eq(conversations.orgId, c.orgId), eq(conversations.id, c.id)))
      .limit(1);
    return row ?? { rule: null, status: null };
  },

  /** The conversation a meeting belongs to (for writes that start from a point or action). */
  async byMeeting(db: DbOrTx, orgId: string, meetingId: string) {
    const [row] = await db
      .select()
      .from(conversations)
      .where(and(eq(conversations.orgId, orgId), eq(conversations.meetingId, meetingId)))
      .limit(1);
    return row;
  },

  async insert(db: DbOrTx, row: typeof conversations.$inferInsert): Promise<ConversationRow> {
    const [created] = await db.insert(conversations).values(row).returning();
    return created!;
  },

  async update(db: DbOrTx, orgId: string, id: string, patch: Partial<ConversationRow>) {
    const [row] = await db
      .update(conversations)
      .set(touched(patch))
      .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)))
      .returning();
    return row!;
  },

  /**
   * The follow-up of a conversation, if one exists. Looked up through the employee (indexed)
   * rather than the parent column, which has no index of its own.
   */
  async followUpOf(db: DbOrTx, parent: ConversationRow) {
    const [row] = await db
      .select()
      .from(conversations)
      .where(
        and(
          eq(conversations.orgId, parent.orgId),
          eq(conversations.employeeId, parent.employeeId),
          eq(conversations.parentConversationId, parent.id),
        ),
      )
      .orderBy(desc(conversations.createdAt))
      .limit(1);
    return row;
  },

  /** The newest version of one of the organisation's built-in templates, if materialised. */
  async builtinLatestVersion(db: DbOrTx, orgId: string, builtinKey: string) {
    const [row] = await db
      .select({
        id: conversationTemplateVersions.id,
        content: conversationTemplateVersions.content,
      })
      .from(conversationTemplateVersions)
      .innerJoin(
        conversationTemplates,
        and(
          eq(conversationTemplates.orgId, conversationTemplateVersions.orgId),
          eq(conversationTemplates.id, conversationTemplateVersions.templateId),
        ),
      )
      .where(
        and(
          eq(conversationTemplates.orgId, orgId),
          eq(conversationTemplates.builtinKey, builtinKey),
          isNull(conversationTemplates.archivedAt),
        ),
      )
      .orderBy(desc(conversationTemplateVersions.version))
      .limit(1);
    return row;
  },

  /** A conversation's meeting row, locked: booking, moving and cancelling change it. */
  async meetingOf(db: DbOrTx, orgId: string, meetingId: string) {
    const [row] = await db
      .select()
      .from(oneOnOneMeetings)
      .where(and(eq(oneOnOneMeetings.orgId, orgId), eq(oneOnOneMeetings.id, meetingId)))
      .limit(1)
      .for('update');
    return row;
  },

  /** Adds the single meeting of a conversation (kind = the conversation's, no series). */
  async insertMeeting(db: DbOrTx, row: typeof oneOnOneMeetings.$inferInsert) {
    const [created] = await db.insert(oneOnOneMeetings).values(row).returning();
    return created!;
  },

  async updateMeeting(
    db: DbOrTx,
    orgId: string,
    id: string,
    patch: Partial<ConversationMeetingRow>,
  ) {
    const [row] = await db
      .update(oneOnOneMeetings)
      .set(touched(patch))
      .where(and(eq(oneOnOneMeetings.orgId, orgId), eq(oneOnOneMeetings.id, id)))
      .returning();
    return row!;
  },
};
