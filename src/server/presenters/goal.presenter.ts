import { localiseOrganisationGoal } from '../../domain/development/organisation-goal';
import { LOCALES } from '../../i18n/index';
import { z } from 'zod';
import { GOAL_OUTCOMES, PLAN_ACTIVITIES } from '../../domain/development/goals';
import type { PlanItemRow } from '../repositories/development-plan.repository';
import type {
  GoalRow,
  OrganisationGoalRow,
  ProgressNoteRow,
} from '../repositories/goal.repository';

const iso = z.iso.datetime();

export const ProgressNoteSchema = z.object({
  id: z.uuid(),
  authorId: z.uuid(),
  authorName: z.string(),
  body: z.string(),
  createdAt: iso,
});

export const GoalSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  title: z.string(),
  description: z.string(),
  successMeasure: z.string(),
  dueDate: z.iso.date().nullable(),
  roleExpectation: z.string(),
  organisationGoalId: z.uuid().nullable(),
  organisationGoalTitle: z.string().nullable(),
  outcome: z.enum(GOAL_OUTCOMES).nullable(),
  outcomeComment: z.string(),
  outcomeSetAt: iso.nullable(),
  createdAt: iso,
  progress: z.array(ProgressNoteSchema),
});
export type GoalDto = z.infer<typeof GoalSchema>;

export const PlanItemSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  competence: z.string(),
  activity: z.enum(PLAN_ACTIVITIES),
  activityDetail: z.string(),
  support: z.string(),
  dueDate: z.iso.date().nullable(),
  done: z.boolean(),
  createdAt: iso,
  progress: z.array(ProgressNoteSchema),
});
export type PlanItemDto = z.infer<typeof PlanItemSchema>;

/** An organisation goal's texts per language (sv, da, nb, en); any may be left out. */
export const OrganisationGoalTranslationsSchema = z.partialRecord(
  z.enum(LOCALES),
  z.object({
    title: z.string().trim().max(300),
    description: z.string().trim().max(5000).default(''),
  }),
);

export const OrganisationGoalSchema = z.object({
  id: z.uuid(),
  /** In the reader's language where HR gave one, else as first written. */
  title: z.string(),
  description: z.string(),
  /** The goal as first written, and its other languages: what HR edits. */
  original: z.object({ title: z.string(), description: z.string() }),
  translations: OrganisationGoalTranslationsSchema,
  archived: z.boolean(),
});

export function presentProgress(n: ProgressNoteRow): z.infer<typeof ProgressNoteSchema> {
  return {
    id: n.id,
    authorId: n.authorId,
    authorName: n.authorName,
    body: n.body,
    createdAt: n.createdAt.toISOString(),
  };
}

export function presentGoal(
  g: GoalRow,
  orgGoalTitles: Map<string, string> = new Map(),
  progress: ProgressNoteRow[] = [],
): GoalDto {
  return {
    id: g.id,
    conversationId: g.conversationId,
    title: g.title,
    description: g.description,
    successMeasure: g.successMeasure,
    dueDate: g.dueDate,
    roleExpectation: g.roleExpectation,
    organisationGoalId: g.organisationGoalId,
    organisationGoalTitle: g.organisationGoalId
      ? (orgGoalTitles.get(g.organisationGoalId) ?? null)
      : null,
    outcome: g.outcome,
    outcomeComment: g.outcomeComment,
    outcomeSetAt: g.outcomeSetAt?.toISOString() ?? null,
    createdAt: g.createdAt.toISOString(),
    progress: progress.filter((p) => p.goalId === g.id).map(presentProgress),
  };
}

export function presentPlanItem(p: PlanItemRow, progress: ProgressNoteRow[] = []): PlanItemDto {
  return {
    id: p.id,
    conversationId: p.conversationId,
    competence: p.competence,
    activity: p.activity,
    activityDetail: p.activityDetail,
    support: p.support,
    dueDate: p.dueDate,
    done: p.doneAt !== null,
    createdAt: p.createdAt.toISOString(),
    progress: progress.filter((n) => n.planItemId === p.id).map(presentProgress),
  };
}

export function presentOrganisationGoal(
  g: OrganisationGoalRow,
  locale: string,
): z.infer<typeof OrganisationGoalSchema> {
  const shown = localiseOrganisationGoal(g, locale);
  const translations: z.infer<typeof OrganisationGoalTranslationsSchema> = {};
  for (const l of LOCALES) {
    const text = g.translations?.[l];
    if (text) translations[l] = { title: text.title, description: text.description };
  }
  return {
    id: g.id,
    title: shown.title,
    description: shown.description,
    original: { title: g.title, description: g.description },
    translations,
    archived: g.archivedAt !== null,
  };
}
