/** Goals, development plans, progress notes and organisation goals (decision 012). */
import { z } from 'zod';
import { COMPETENCE_AREAS, GOAL_OUTCOMES, PLAN_ACTIVITIES } from '../domain/development/goals';
import { LOCALES } from '../i18n';

const iso = z.iso.datetime();

export const ProgressNoteSchema = z.object({
  id: z.uuid(),
  authorId: z.uuid(),
  authorName: z.string(),
  body: z.string(),
  createdAt: iso,
});

/** One step towards a goal, in the pair's order; done when ticked (who, when). */
export const GoalStepSchema = z.object({
  id: z.uuid(),
  goalId: z.uuid(),
  position: z.int(),
  title: z.string(),
  done: z.boolean(),
  doneAt: iso.nullable(),
  doneById: z.uuid().nullable(),
});

export type GoalStepDto = z.infer<typeof GoalStepSchema>;

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
  steps: z.array(GoalStepSchema),
  /** Steps done of all steps (0 of 0 for a goal without steps). */
  stepProgress: z.object({ done: z.int(), total: z.int() }),
});

export type GoalDto = z.infer<typeof GoalSchema>;

export const PlanItemSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  competence: z.string(),
  competenceArea: z.enum(COMPETENCE_AREAS).nullable(),
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
