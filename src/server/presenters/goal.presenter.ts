import { localiseOrganisationGoal } from '../../domain/development/organisation-goal';
import { LOCALES } from '../../i18n/index';
import { z } from 'zod';
import { stepProgress } from '../../domain/development/goals';
import type { PlanItemRow } from '../repositories/development-plan.repository';
import type { GoalStepRow } from '../repositories/goal-step.repository';
import type {
  GoalRow,
  OrganisationGoalRow,
  ProgressNoteRow,
} from '../repositories/goal.repository';
import {
  GoalDto,
  GoalStepDto,
  OrganisationGoalSchema,
  OrganisationGoalTranslationsSchema,
  PlanItemDto,
  ProgressNoteSchema,
} from '../../contracts/goals';

export function presentProgress(n: ProgressNoteRow): z.infer<typeof ProgressNoteSchema> {
  return {
    id: n.id,
    authorId: n.authorId,
    authorName: n.authorName,
    body: n.body,
    createdAt: n.createdAt.toISOString(),
  };
}

export function presentStep(s: GoalStepRow): GoalStepDto {
  return {
    id: s.id,
    goalId: s.goalId,
    position: s.position,
    title: s.title,
    done: s.doneAt !== null,
    doneAt: s.doneAt?.toISOString() ?? null,
    doneById: s.doneBy,
  };
}

export function presentGoal(
  g: GoalRow,
  orgGoalTitles: Map<string, string> = new Map(),
  progress: ProgressNoteRow[] = [],
  allSteps: GoalStepRow[] = [],
): GoalDto {
  const steps = allSteps
    .filter((s) => s.goalId === g.id)
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
    .map(presentStep);
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
    steps,
    stepProgress: stepProgress(steps),
  };
}

export function presentPlanItem(p: PlanItemRow, progress: ProgressNoteRow[] = []): PlanItemDto {
  return {
    id: p.id,
    conversationId: p.conversationId,
    competence: p.competence,
    competenceArea: p.competenceArea,
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
