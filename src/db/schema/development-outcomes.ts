import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CompetenceArea, GoalOutcome, PlanActivity } from '../../domain/development/goals';
import type { OrganisationGoalTranslations } from '../../domain/development/organisation-goal';
import type { SalaryChangeKind } from '../../domain/development/salary';
import type { Agreement } from '../../domain/development/versions';
import { conversations } from './development';
import { people } from './organisation';
import { createdAt, orgId, ts, updatedAt } from './columns';
import { goalDocument } from './search-vector';

/** Goals of the organisation HR keeps, which personal goals may point at. */
export const organisationGoals = pgTable(
  'organisation_goals',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** The goal in other languages (locale → texts); the reader's, else title/description. */
    translations: jsonb('translations')
      .$type<OrganisationGoalTranslations>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    archivedAt: ts('archived_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('organisation_goals_list_idx').on(t.orgId, t.archivedAt, t.title),
  ],
);

/**
 * A goal set in a conversation. The pair (copied from the conversation) decides who sees it;
 * its outcome is recorded in a later conversation of the same pair.
 */
export const developmentGoals = pgTable(
  'development_goals',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    managerId: uuid('manager_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    successMeasure: text('success_measure').notNull().default(''),
    dueDate: date('due_date', { mode: 'string' }),
    roleExpectation: text('role_expectation').notNull().default(''),
    organisationGoalId: uuid('organisation_goal_id'),
    outcome: text('outcome').$type<GoalOutcome>(),
    outcomeComment: text('outcome_comment').notNull().default(''),
    outcomeConversationId: uuid('outcome_conversation_id'),
    outcomeSetBy: uuid('outcome_set_by'),
    outcomeSetAt: ts('outcome_set_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.conversationId],
      foreignColumns: [conversations.orgId, conversations.id],
      name: 'development_goals_conversation_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.outcomeConversationId],
      foreignColumns: [conversations.orgId, conversations.id],
      name: 'development_goals_outcome_conversation_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.employeeId],
      foreignColumns: [people.orgId, people.id],
      name: 'development_goals_employee_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.organisationGoalId],
      foreignColumns: [organisationGoals.orgId, organisationGoals.id],
      name: 'development_goals_organisation_goal_fk',
    }),
    index('development_goals_conversation_idx').on(t.orgId, t.conversationId, t.createdAt),
    // Last period's goals and the 1:1 panel: the pair's goals, newest first.
    index('development_goals_pair_idx').on(t.orgId, t.employeeId, t.managerId, t.createdAt),
    index('development_goals_organisation_goal_idx')
      .on(t.orgId, t.organisationGoalId)
      .where(sql`${t.organisationGoalId} is not null`),
    // Search (decision 027).
    index('development_goals_search_idx').using('gin', goalDocument(t)),
  ],
);

/** One line of the development plan agreed in a conversation. */
export const developmentPlanItems = pgTable(
  'development_plan_items',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    managerId: uuid('manager_id').notNull(),
    competence: text('competence').notNull(),
    /** Optional fixed area (domain COMPETENCE_AREAS), which HR may count per unit (k ≥ 5). */
    competenceArea: text('competence_area').$type<CompetenceArea>(),
    activity: text('activity').$type<PlanActivity>().notNull(),
    activityDetail: text('activity_detail').notNull().default(''),
    support: text('support').notNull().default(''),
    dueDate: date('due_date', { mode: 'string' }),
    doneAt: ts('done_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.conversationId],
      foreignColumns: [conversations.orgId, conversations.id],
      name: 'development_plan_items_conversation_fk',
    }),
    index('development_plan_items_conversation_idx').on(t.orgId, t.conversationId, t.createdAt),
    index('development_plan_items_pair_idx').on(t.orgId, t.employeeId, t.managerId, t.createdAt),
  ],
);

/**
 * The ordered steps the pair breaks a goal into, ticked off in later 1:1s. Progress is steps
 * done of all steps. Pair content, like the goal (never HR's).
 */
export const developmentGoalSteps = pgTable(
  'development_goal_steps',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    goalId: uuid('goal_id').notNull(),
    /** 0, 1, 2, … in the pair's order. */
    position: integer('position').notNull(),
    title: text('title').notNull(),
    doneAt: ts('done_at'),
    doneBy: uuid('done_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.goalId],
      foreignColumns: [developmentGoals.orgId, developmentGoals.id],
      name: 'development_goal_steps_goal_fk',
    }).onDelete('cascade'),
    index('development_goal_steps_goal_idx').on(t.orgId, t.goalId, t.position),
  ],
);

/** Progress noted on a goal or a plan item in a later 1:1: who wrote what, when. */
export const developmentProgressNotes = pgTable(
  'development_progress_notes',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    goalId: uuid('goal_id'),
    planItemId: uuid('plan_item_id'),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.goalId],
      foreignColumns: [developmentGoals.orgId, developmentGoals.id],
      name: 'development_progress_notes_goal_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.planItemId],
      foreignColumns: [developmentPlanItems.orgId, developmentPlanItems.id],
      name: 'development_progress_notes_plan_item_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.authorId],
      foreignColumns: [people.orgId, people.id],
      name: 'development_progress_notes_author_fk',
    }),
    check('development_progress_notes_subject_ck', sql`num_nonnulls(goal_id, plan_item_id) = 1`),
    index('development_progress_notes_goal_idx')
      .on(t.orgId, t.goalId, t.createdAt)
      .where(sql`${t.goalId} is not null`),
    index('development_progress_notes_plan_idx')
      .on(t.orgId, t.planItemId, t.createdAt)
      .where(sql`${t.planItemId} is not null`),
  ],
);

/**
 * The frozen agreement of a closed conversation. Version 1 is made by closing; each later
 * correction adds one (who, when, what changed). Never updated, except the employee's
 * acknowledgement of that version.
 */
export const conversationVersions = pgTable(
  'conversation_versions',
  {
    orgId: orgId(),
    conversationId: uuid('conversation_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Agreement>().notNull(),
    summary: text('summary'),
    changes: jsonb('changes').$type<string[]>().notNull().default([]),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgementComment: text('acknowledgement_comment'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.conversationId, t.version] }),
    foreignKey({
      columns: [t.orgId, t.conversationId],
      foreignColumns: [conversations.orgId, conversations.id],
      name: 'conversation_versions_conversation_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.createdBy],
      foreignColumns: [people.orgId, people.id],
      name: 'conversation_versions_created_by_fk',
    }),
  ],
);

/** The outcome of a salary conversation; seen by the pair and the 'salary' role only. */
export const salaryOutcomes = pgTable(
  'salary_outcomes',
  {
    orgId: orgId(),
    conversationId: uuid('conversation_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    managerId: uuid('manager_id').notNull(),
    changeKind: text('change_kind').$type<SalaryChangeKind>().notNull(),
    amount: text('amount').notNull(),
    currency: text('currency').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    criteria: text('criteria').notNull().default(''),
    comment: text('comment').notNull().default(''),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.conversationId] }),
    foreignKey({
      columns: [t.orgId, t.conversationId],
      foreignColumns: [conversations.orgId, conversations.id],
      name: 'salary_outcomes_conversation_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.employeeId],
      foreignColumns: [people.orgId, people.id],
      name: 'salary_outcomes_employee_fk',
    }),
    // The salary role's list: newest effective date first, per organisation.
    index('salary_outcomes_list_idx').on(t.orgId, t.effectiveDate, t.conversationId),
    index('salary_outcomes_employee_idx').on(t.orgId, t.employeeId, t.effectiveDate),
  ],
);
