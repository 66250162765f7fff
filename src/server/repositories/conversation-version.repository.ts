import { and, asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import {
  conversationRounds,
  conversations,
  conversationTemplateVersions,
} from '../../db/schema/development';
import { conversationVersions } from '../../db/schema/development-outcomes';
import { oneOnOneActions, oneOnOneNotes, oneOnOnePoints } from '../../db/schema/one-on-one';
import { organisations, people } from '../../db/schema/organisation';
import { touched } from './touched';

export type ConversationRow = typeof conversations.$inferSelect;
export type VersionRow = typeof conversationVersions.$inferSelect;

const employee = alias(people, 'employee');
const manager = alias(people, 'manager');

/**
 * The conversation as goals, sign-off, PDF and salary need it, and its frozen versions.
 * (Rounds and bookings have their own repositories; this reads only what this part needs.)
 */
export const conversationVersionRepository = {
  /** A conversation with the pair's names, the employee's language and zone, and its round. */
  async findConversation(db: DbOrTx, orgId: string, id: string, lock = false) {
    const q = db
      .select({
        conversation: conversations,
        employeeName: employee.name,
        employeeLocale: employee.locale,
        employeeTimeZone: employee.timeZone,
        managerName: manager.name,
        orgLocale: organisations.defaultLocale,
        roundName: conversationRounds.name,
      })
      .from(conversations)
      .innerJoin(
        employee,
        and(eq(employee.orgId, conversations.orgId), eq(employee.id, conversations.employeeId)),
      )
      .innerJoin(
        manager,
        and(eq(manager.orgId, conversations.orgId), eq(manager.id, conversations.managerId)),
      )
      .innerJoin(organisations, eq(organisations.id, conversations.orgId))
      .leftJoin(
        conversationRounds,
        and(
          eq(conversationRounds.orgId, conversations.orgId),
          eq(conversationRounds.id, conversations.roundId),
        ),
      )
      .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)))
      .limit(1);
    const [row] = lock ? await q.for('update', { of: conversations }) : await q;
    return row;
  },

  async setStatus(
    db: DbOrTx,
    orgId: string,
    id: string,
    patch: Pick<Partial<ConversationRow>, 'status' | 'closedAt' | 'signedAt' | 'heldAt'>,
  ) {
    await db
      .update(conversations)
      .set(touched(patch))
      .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)));
  },

  async templateContent(db: DbOrTx, orgId: string, templateVersionId: string) {
    const [row] = await db
      .select({ content: conversationTemplateVersions.content })
      .from(conversationTemplateVersions)
      .where(
        and(
          eq(conversationTemplateVersions.orgId, orgId),
          eq(conversationTemplateVersions.id, templateVersionId),
        ),
      )
      .limit(1);
    return row?.content;
  },

  /** The agreed notes of the meeting: each section point with its shared note. */
  async sectionNotes(db: DbOrTx, orgId: string, meetingId: string) {
    return db
      .select({
        sectionKey: oneOnOnePoints.sectionKey,
        title: oneOnOnePoints.title,
        body: oneOnOneNotes.body,
        decision: oneOnOneNotes.decision,
      })
      .from(oneOnOnePoints)
      .leftJoin(
        oneOnOneNotes,
        and(
          eq(oneOnOneNotes.orgId, oneOnOnePoints.orgId),
          eq(oneOnOneNotes.pointId, oneOnOnePoints.id),
        ),
      )
      .where(and(eq(oneOnOnePoints.orgId, orgId), eq(oneOnOnePoints.meetingId, meetingId)))
      .orderBy(asc(oneOnOnePoints.position));
  },

  /** The closing plan: actions agreed in the meeting, with their owner's name. */
  async meetingActions(db: DbOrTx, orgId: string, meetingId: string) {
    return db
      .select({
        id: oneOnOneActions.id,
        title: oneOnOneActions.title,
        ownerName: people.name,
        dueDate: oneOnOneActions.dueDate,
      })
      .from(oneOnOneActions)
      .innerJoin(
        people,
        and(eq(people.orgId, oneOnOneActions.orgId), eq(people.id, oneOnOneActions.ownerId)),
      )
      .where(and(eq(oneOnOneActions.orgId, orgId), eq(oneOnOneActions.meetingId, meetingId)))
      .orderBy(asc(oneOnOneActions.createdAt), asc(oneOnOneActions.id));
  },

  async insertVersion(db: DbOrTx, row: typeof conversationVersions.$inferInsert) {
    const [created] = await db.insert(conversationVersions).values(row).returning();
    return created!;
  },

  /** Every version of a conversation with who made it, newest first (a handful per conversation). */
  async versions(db: DbOrTx, orgId: string, conversationId: string) {
    return db
      .select({ version: conversationVersions, createdByName: people.name })
      .from(conversationVersions)
      .innerJoin(
        people,
        and(
          eq(people.orgId, conversationVersions.orgId),
          eq(people.id, conversationVersions.createdBy),
        ),
      )
      .where(
        and(
          eq(conversationVersions.orgId, orgId),
          eq(conversationVersions.conversationId, conversationId),
        ),
      )
      .orderBy(desc(conversationVersions.version));
  },

  async findVersion(db: DbOrTx, orgId: string, conversationId: string, version?: number) {
    const [row] = await db
      .select()
      .from(conversationVersions)
      .where(
        and(
          eq(conversationVersions.orgId, orgId),
          eq(conversationVersions.conversationId, conversationId),
          ...(version !== undefined ? [eq(conversationVersions.version, version)] : []),
        ),
      )
      .orderBy(desc(conversationVersions.version))
      .limit(1);
    return row;
  },

  async acknowledge(
    db: DbOrTx,
    orgId: string,
    conversationId: string,
    version: number,
    ack: { by: string; at: Date; comment: string | null },
  ) {
    await db
      .update(conversationVersions)
      .set({ acknowledgedBy: ack.by, acknowledgedAt: ack.at, acknowledgementComment: ack.comment })
      .where(
        and(
          eq(conversationVersions.orgId, orgId),
          eq(conversationVersions.conversationId, conversationId),
          eq(conversationVersions.version, version),
        ),
      );
  },
};
