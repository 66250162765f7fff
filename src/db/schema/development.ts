import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { RoundScope } from '../../domain/development/round';
import type { SalaryFirstRule } from '../../domain/development/salary-first';
import type {
  ConversationKind,
  ConversationStatus,
  ConversationTemplateContent,
  LocalisedText,
} from '../../domain/development/template';
import { oneOnOneMeetings } from './one-on-one';
import { people } from './organisation';
import { createdAt, orgId, ts, updatedAt } from './columns';

/**
 * A conversation template of the organisation. Built-in ones (templates/development/*.json)
 * are materialised per organisation with their `builtin_key`; the content lives in versions.
 */
export const conversationTemplates = pgTable(
  'conversation_templates',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    kind: text('kind').$type<ConversationKind>().notNull(),
    name: jsonb('name').$type<LocalisedText>().notNull(),
    description: jsonb('description').$type<LocalisedText>(),
    builtinKey: text('builtin_key'),
    archivedAt: ts('archived_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('conversation_templates_builtin_uq')
      .on(t.orgId, t.builtinKey)
      .where(sql`${t.builtinKey} is not null`),
    index('conversation_templates_org_idx').on(t.orgId, t.archivedAt, t.createdAt),
  ],
);

/** One immutable version of a template's content: an edit adds a version, never rewrites one. */
export const conversationTemplateVersions = pgTable(
  'conversation_template_versions',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    templateId: uuid('template_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<ConversationTemplateContent>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.templateId],
      foreignColumns: [conversationTemplates.orgId, conversationTemplates.id],
      name: 'conversation_template_versions_template_fk',
    }),
    uniqueIndex('conversation_template_versions_uq').on(t.orgId, t.templateId, t.version),
  ],
);

/** A round HR opens: one conversation per included employee with their manager at the time. */
export const conversationRounds = pgTable(
  'conversation_rounds',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    kind: text('kind').$type<ConversationKind>().notNull(),
    name: text('name').notNull(),
    templateVersionId: uuid('template_version_id').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    scope: jsonb('scope').$type<RoundScope>().notNull(),
    /**
     * Seed 004: a development round may put a salary round first; each pair's salary
     * conversation in it should be held before the development conversation (`warn`), or
     * must be (`require`: starting is refused until then).
     */
    salaryRoundId: uuid('salary_round_id'),
    salaryFirst: text('salary_first').$type<SalaryFirstRule>(),
    createdBy: uuid('created_by'),
    closedAt: ts('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.templateVersionId],
      foreignColumns: [conversationTemplateVersions.orgId, conversationTemplateVersions.id],
      name: 'conversation_rounds_template_version_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.salaryRoundId],
      foreignColumns: [t.orgId, t.id],
      name: 'conversation_rounds_salary_round_fk',
    }),
    index('conversation_rounds_org_idx').on(t.orgId, t.createdAt),
    // The reminder job looks for open rounds whose deadline approaches.
    index('conversation_rounds_deadline_idx')
      .on(t.deadline)
      .where(sql`${t.closedAt} is null`),
  ],
);

/** A development, salary, wellbeing, check-in or follow-up conversation between a pair. */
export const conversations = pgTable(
  'conversations',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    roundId: uuid('round_id'),
    /** A follow-up points at the development conversation it follows up. */
    parentConversationId: uuid('parent_conversation_id'),
    kind: text('kind').$type<ConversationKind>().notNull(),
    employeeId: uuid('employee_id').notNull(),
    managerId: uuid('manager_id').notNull(),
    templateVersionId: uuid('template_version_id').notNull(),
    status: text('status').$type<ConversationStatus>().notNull().default('not_booked'),
    meetingId: uuid('meeting_id'),
    bookedAt: ts('booked_at'),
    heldAt: ts('held_at'),
    closedAt: ts('closed_at'),
    signedAt: ts('signed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.roundId],
      foreignColumns: [conversationRounds.orgId, conversationRounds.id],
      name: 'conversations_round_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.parentConversationId],
      foreignColumns: [t.orgId, t.id],
      name: 'conversations_parent_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.employeeId],
      foreignColumns: [people.orgId, people.id],
      name: 'conversations_employee_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.managerId],
      foreignColumns: [people.orgId, people.id],
      name: 'conversations_manager_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.templateVersionId],
      foreignColumns: [conversationTemplateVersions.orgId, conversationTemplateVersions.id],
      name: 'conversations_template_version_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.meetingId],
      foreignColumns: [oneOnOneMeetings.orgId, oneOnOneMeetings.id],
      name: 'conversations_meeting_fk',
    }),
    index('conversations_round_status_idx').on(t.orgId, t.roundId, t.status),
    index('conversations_manager_status_idx').on(t.orgId, t.managerId, t.status),
    index('conversations_employee_idx').on(t.orgId, t.employeeId, t.createdAt),
    uniqueIndex('conversations_round_employee_uq')
      .on(t.orgId, t.roundId, t.employeeId)
      .where(sql`${t.roundId} is not null`),
    index('conversations_meeting_idx')
      .on(t.orgId, t.meetingId)
      .where(sql`${t.meetingId} is not null`),
    // Retention (decision 024) walks an organisation's conversations in the order they were
    // held (or closed, if never marked held), keyset-paged.
    index('conversations_held_idx').on(t.orgId, sql`coalesce(${t.heldAt}, ${t.closedAt})`, t.id),
  ],
);
