import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../domain/errors';
import { isReordering, MAX_GOAL_STEPS } from '../../domain/development/goals';
import type { Actor } from '../../domain/roles';
import { goalRepository as goals } from '../repositories/goal.repository';
import { goalStepRepository as steps } from '../repositories/goal-step.repository';
import { loadConversationFor } from './goal-access';
import { systemClock, type Clock } from '../clock';

/**
 * Loads (and locks) a goal whose steps the actor changes: one of the pair only (anyone else
 * gets "not found"), and only while the goal is open. Steps are the pair's working plan
 * towards the goal, so, like progress notes, they stay editable after the agreement is closed
 * or signed (decision 026); once the outcome is recorded they are history.
 */
async function openGoalFor(db: DbOrTx, actor: Actor, goalId: string) {
  const goal = await goals.findById(db, actor.orgId, goalId, true);
  if (!goal) throw new AppError('not_found');
  await loadConversationFor(db, actor, goal.conversationId, 'goals.progress');
  if (goal.outcome !== null) throw new AppError('goals.steps_closed');
  return goal;
}

async function loadStep(db: DbOrTx, actor: Actor, stepId: string) {
  const step = await steps.findById(db, actor.orgId, stepId);
  if (!step) throw new AppError('not_found');
  await openGoalFor(db, actor, step.goalId);
  return step;
}

/** Steps of goals: add, rename, tick, reorder, remove — by either of the pair. */
export function createGoalStepService(db: Db, clock: Clock = systemClock) {
  return {
    async add(actor: Actor, goalId: string, title: string) {
      return db.transaction(async (tx) => {
        const goal = await openGoalFor(tx, actor, goalId);
        const current = await steps.forGoals(tx, actor.orgId, [goal.id]);
        if (current.length >= MAX_GOAL_STEPS)
          throw new AppError('goals.too_many_steps', { max: MAX_GOAL_STEPS });
        return steps.insert(tx, {
          orgId: actor.orgId,
          id: randomUUID(),
          goalId: goal.id,
          position: current.length,
          title,
          createdBy: actor.personId,
        });
      });
    },

    /** Renames and/or ticks a step; ticking records who and when, unticking clears both. */
    async update(actor: Actor, stepId: string, input: { title?: string; done?: boolean }) {
      return db.transaction(async (tx) => {
        const step = await loadStep(tx, actor, stepId);
        const tick =
          input.done === undefined || input.done === (step.doneAt !== null)
            ? {}
            : input.done
              ? { doneAt: clock.now(), doneBy: actor.personId }
              : { doneAt: null, doneBy: null };
        return steps.update(tx, actor.orgId, step.id, {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...tick,
        });
      });
    },

    /** Puts the goal's steps in the order given (every step exactly once, else 409). */
    async reorder(actor: Actor, goalId: string, stepIds: string[]) {
      return db.transaction(async (tx) => {
        const goal = await openGoalFor(tx, actor, goalId);
        const current = await steps.forGoals(tx, actor.orgId, [goal.id]);
        if (
          !isReordering(
            current.map((s) => s.id),
            stepIds,
          )
        )
          throw new AppError('goals.steps_changed');
        await steps.reorder(tx, actor.orgId, goal.id, stepIds);
        return steps.forGoals(tx, actor.orgId, [goal.id]);
      });
    },

    async remove(actor: Actor, stepId: string) {
      await db.transaction(async (tx) => {
        const step = await loadStep(tx, actor, stepId);
        await steps.remove(tx, actor.orgId, step);
      });
    },
  };
}
