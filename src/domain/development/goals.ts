import { z } from 'zod';
import { textBlock as multiLineText, textLine } from '../text';

/** How a goal from last period went, judged together in the next conversation. */
export const GOAL_OUTCOMES = ['achieved', 'partly', 'not_achieved', 'dropped'] as const;
export type GoalOutcome = (typeof GOAL_OUTCOMES)[number];

/** Kinds of development activity (seed 004: courses, mentoring, new responsibility, …). */
export const PLAN_ACTIVITIES = ['course', 'mentoring', 'responsibility', 'other'] as const;
export type PlanActivity = (typeof PLAN_ACTIVITIES)[number];

/**
 * Competence areas a plan item may be filed under (optional; seed 004: the organisation's
 * competence supply). A fixed list so HR can count needs per unit without reading any text.
 */
export const COMPETENCE_AREAS = [
  'professional',
  'leadership',
  'collaboration',
  'communication',
  'digital',
  'customer',
  'methods',
  'health_safety',
  'language',
  'other',
] as const;
export type CompetenceArea = (typeof COMPETENCE_AREAS)[number];

/** At most this many steps on one goal: a plan to follow, not a task list. */
export const MAX_GOAL_STEPS = 50;

const isoDate = z.iso.date();
const line = (max: number) => textLine().trim().min(1).max(max);
const textBlock = multiLineText().trim().max(5000);

/** A new goal as the pair writes it in the conversation. */
export const GoalInputSchema = z.object({
  title: line(300),
  description: textBlock.default(''),
  /** "How we will know": what makes the goal reached. */
  successMeasure: textBlock.default(''),
  dueDate: isoDate.nullable().default(null),
  /** The expectation of the role the goal serves (seed 003), in the pair's own words. */
  roleExpectation: textBlock.default(''),
  organisationGoalId: z.uuid().nullable().default(null),
});
export type GoalInput = z.infer<typeof GoalInputSchema>;

/** A change to a goal: only the fields given (no defaults, so nothing is blanked by omission). */
export const GoalPatchSchema = z
  .object({
    title: line(300),
    description: textBlock,
    successMeasure: textBlock,
    dueDate: isoDate.nullable(),
    roleExpectation: textBlock,
    organisationGoalId: z.uuid().nullable(),
  })
  .partial();

/** The outcome of an earlier goal, with a comment. */
export const GoalOutcomeInputSchema = z.object({
  outcome: z.enum(GOAL_OUTCOMES),
  comment: textBlock.default(''),
});
export type GoalOutcomeInput = z.infer<typeof GoalOutcomeInputSchema>;

/** One line of the development plan. */
export const PlanItemInputSchema = z.object({
  competence: line(300),
  competenceArea: z.enum(COMPETENCE_AREAS).nullable().default(null),
  activity: z.enum(PLAN_ACTIVITIES),
  activityDetail: textBlock.default(''),
  /** What the employee needs from the manager to get there. */
  support: textBlock.default(''),
  dueDate: isoDate.nullable().default(null),
});
export type PlanItemInput = z.infer<typeof PlanItemInputSchema>;

/** A change to a plan item: only the fields given, and whether it is done. */
export const PlanItemPatchSchema = z
  .object({
    competence: line(300),
    competenceArea: z.enum(COMPETENCE_AREAS).nullable(),
    activity: z.enum(PLAN_ACTIVITIES),
    activityDetail: textBlock,
    support: textBlock,
    dueDate: isoDate.nullable(),
    done: z.boolean(),
  })
  .partial();

/** A progress note on a goal or plan item, written in a later 1:1. */
export const ProgressNoteInputSchema = z.object({ body: line(5000) });

/** A new step of a goal, added last. */
export const GoalStepInputSchema = z.object({ title: line(300) });

/** A change to a step: its wording and/or whether it is done. */
export const GoalStepPatchSchema = z.object({ title: line(300), done: z.boolean() }).partial();

/** The goal's steps in their new order: every step id exactly once. */
export const GoalStepOrderSchema = z.object({
  stepIds: z.array(z.uuid()).min(1).max(MAX_GOAL_STEPS),
});

/** Progress of a goal: steps done of all its steps (no steps: 0 of 0). */
export function stepProgress(steps: readonly { done: boolean }[]): {
  done: number;
  total: number;
} {
  return { done: steps.filter((s) => s.done).length, total: steps.length };
}

/**
 * Whether `ids` is a reordering of `current`: the same ids, each once. A stale list (a step
 * added or removed meanwhile by the other one of the pair) is not, and is refused.
 */
export function isReordering(current: readonly string[], ids: readonly string[]): boolean {
  if (current.length !== ids.length) return false;
  const set = new Set(ids);
  return set.size === ids.length && current.every((id) => set.has(id));
}

type GoalLike = {
  conversationId: string;
  outcome: GoalOutcome | null;
  outcomeConversationId: string | null;
};

/**
 * The goals a conversation looks back on: the pair's goals set in earlier conversations that
 * are still open, or whose outcome was recorded in this very conversation (so they stay on
 * its page once judged). Goals judged in an earlier conversation are history.
 */
export function isLastPeriodGoal(goal: GoalLike, conversationId: string): boolean {
  if (goal.conversationId === conversationId) return false;
  return goal.outcome === null || goal.outcomeConversationId === conversationId;
}

/** Goals still being worked on (shown in the pair's 1:1s): not yet judged. */
export function isOpenGoal(goal: Pick<GoalLike, 'outcome'>): boolean {
  return goal.outcome === null;
}
