import {
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PreparerRole } from '../../domain/development/reveal';
import type { Answers } from '../../domain/development/template';
import { conversations } from './development';
import { organisations, people } from './organisation';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One person's written preparation for a conversation: their answers to the template's
 * questions, a draft until submitted. Read by its author only until the reveal (see
 * domain/development/reveal.ts); the other's answers are never loaded before that.
 */
export const conversationPreparations = pgTable(
  'conversation_preparations',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    id: uuid('id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    authorId: uuid('author_id').notNull(),
    /** Which of the pair wrote it (the manager may change later; the role stays). */
    authorRole: text('author_role').$type<PreparerRole>().notNull(),
    answers: jsonb('answers').$type<Answers>().notNull(),
    /** Every draft save raises it; a save naming an older version is refused. */
    version: integer('version').notNull().default(1),
    submittedAt: ts('submitted_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.conversationId],
      foreignColumns: [conversations.orgId, conversations.id],
      name: 'conversation_preparations_conversation_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.authorId],
      foreignColumns: [people.orgId, people.id],
      name: 'conversation_preparations_author_fk',
    }),
    uniqueIndex('conversation_preparations_role_uq').on(t.orgId, t.conversationId, t.authorRole),
  ],
);
