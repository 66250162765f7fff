import {
  cleanTranslations,
  type OrganisationGoalTranslations,
} from '../../domain/development/organisation-goal';
import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { GoalInput, GoalOutcomeInput } from '../../domain/development/goals';
import type { Actor } from '../../domain/roles';
import { authorize } from '../policies/index';
import { goalRepository as goals, type GoalRow } from '../repositories/goal.repository';
import { developmentPlanRepository as plans } from '../repositories/development-plan.repository';
import { goalStepRepository as steps } from '../repositories/goal-step.repository';
import {
  assertNotSalary,
  assertWritable,
  conversationPair,
  loadConversationFor,
} from './goal-access';
import { systemClock, type Clock } from '../clock';

/** Titles of the organisation goals a set of goals point at, in the reader's language. */
function orgGoalTitles(db: DbOrTx, actor: Actor, rows: GoalRow[]) {
  return goals.organisationGoalTitles(
    db,
    actor.orgId,
    [...new Set(rows.flatMap((g) => g.organisationGoalId ?? []))],
    actor.locale,
  );
}

async function checkOrganisationGoal(db: DbOrTx, orgId: string, id: string | null | undefined) {
  if (!id) return;
  const g = await goals.findOrganisationGoal(db, orgId, id);
  if (!g || g.archivedAt)
    throw AppError.at('organisationGoalId', 'goals.organisation_goal_not_found');
}

/** Loads a goal with its conversation and checks `action` on the pair. */
async function loadGoal(
  db: DbOrTx,
  actor: Actor,
  id: string,
  action: 'goals.write' | 'goals.progress',
) {
  const goal = await goals.findById(db, actor.orgId, id, true);
  if (!goal) throw new AppError('not_found');
  const conv = await loadConversationFor(db, actor, goal.conversationId, action);
  return { goal, conv };
}

/** Goals set and judged in development conversations, and HR's organisation goals. */
export function createGoalService(db: Db, clock: Clock = systemClock) {
  return {
    /** Last period's goals (with their outcome) and this conversation's new goals. */
    async forConversation(actor: Actor, conversationId: string) {
      const { conversation: c } = await loadConversationFor(
        db,
        actor,
        conversationId,
        'goals.read',
      );
      assertNotSalary(c.kind);
      const pair = conversationPair(c);
      const [lastPeriod, current] = await Promise.all([
        goals.lastPeriod(db, actor.orgId, pair, c.id),
        goals.forConversation(db, actor.orgId, c.id),
      ]);
      const all = [...lastPeriod, ...current];
      const [titles, goalSteps] = await Promise.all([
        orgGoalTitles(db, actor, all),
        steps.forGoals(
          db,
          actor.orgId,
          all.map((g) => g.id),
        ),
      ]);
      return { conversation: c, lastPeriod, goals: current, titles, steps: goalSteps };
    },

    async create(actor: Actor, conversationId: string, input: GoalInput) {
      return db.transaction(async (tx) => {
        const { conversation: c } = await loadConversationFor(
          tx,
          actor,
          conversationId,
          'goals.write',
          {
            lock: true,
          },
        );
        assertNotSalary(c.kind);
        assertWritable(c.status);
        await checkOrganisationGoal(tx, actor.orgId, input.organisationGoalId);
        return goals.insert(tx, {
          orgId: actor.orgId,
          id: randomUUID(),
          conversationId: c.id,
          employeeId: c.employeeId,
          managerId: c.managerId,
          ...input,
          createdBy: actor.personId,
        });
      });
    },

    async update(actor: Actor, id: string, input: Partial<GoalInput>) {
      return db.transaction(async (tx) => {
        const { goal, conv } = await loadGoal(tx, actor, id, 'goals.write');
        assertWritable(conv.conversation.status);
        await checkOrganisationGoal(tx, actor.orgId, input.organisationGoalId);
        const row = await goals.update(tx, actor.orgId, goal.id, input);
        return { goal: row, steps: await steps.forGoals(tx, actor.orgId, [row.id]) };
      });
    },

    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const { goal, conv } = await loadGoal(tx, actor, id, 'goals.write');
        assertWritable(conv.conversation.status);
        if (goal.outcome !== null) throw new AppError('goals.already_judged');
        await goals.remove(tx, actor.orgId, goal.id);
      });
    },

    /** Records how an earlier goal went, in the conversation that looks back on it. */
    async setOutcome(
      actor: Actor,
      conversationId: string,
      goalId: string,
      input: GoalOutcomeInput,
    ) {
      return db.transaction(async (tx) => {
        const { conversation: c } = await loadConversationFor(
          tx,
          actor,
          conversationId,
          'goals.write',
          {
            lock: true,
          },
        );
        assertWritable(c.status);
        const goal = await goals.findById(tx, actor.orgId, goalId, true);
        // Only the same pair's goal from an earlier conversation, not yet judged elsewhere.
        if (
          !goal ||
          goal.employeeId !== c.employeeId ||
          goal.managerId !== c.managerId ||
          goal.conversationId === c.id ||
          (goal.outcomeConversationId !== null && goal.outcomeConversationId !== c.id)
        )
          throw new AppError('not_found');
        const row = await goals.update(tx, actor.orgId, goalId, {
          outcome: input.outcome,
          outcomeComment: input.comment,
          outcomeConversationId: c.id,
          outcomeSetBy: actor.personId,
          outcomeSetAt: clock.now(),
        });
        return { goal: row, steps: await steps.forGoals(tx, actor.orgId, [row.id]) };
      });
    },

    /**
     * What the pair agreed and is still working on, for their 1:1s: open goals and plan items
     * of closed or signed agreements, each with its progress notes.
     */
    async forPair(actor: Actor, otherPersonId: string) {
      // The actor is one of the pair; which one follows from the other person's side.
      const candidates = [
        { orgId: actor.orgId, managerId: actor.personId, employeeId: otherPersonId },
        { orgId: actor.orgId, managerId: otherPersonId, employeeId: actor.personId },
      ];
      const results = await Promise.all(
        candidates.map(async (pair) => {
          authorize(actor, { do: 'goals.read', pair });
          const [g, p] = await Promise.all([
            goals.openForPair(db, actor.orgId, pair),
            plans.openForPair(db, actor.orgId, pair),
          ]);
          return { goals: g, plan: p };
        }),
      );
      const goalRows = results.flatMap((r) => r.goals);
      const planRows = results.flatMap((r) => r.plan);
      const [titles, goalSteps, progress] = await Promise.all([
        orgGoalTitles(db, actor, goalRows),
        steps.forGoals(
          db,
          actor.orgId,
          goalRows.map((g) => g.id),
        ),
        goals.progressFor(db, actor.orgId, {
          goalIds: goalRows.map((g) => g.id),
          planItemIds: planRows.map((p) => p.id),
        }),
      ]);
      return { goals: goalRows, plan: planRows, titles, progress, steps: goalSteps };
    },

    /** A progress note on an agreed goal or plan item; allowed after sign-off (it is not the agreement). */
    async addProgress(
      actor: Actor,
      subject: { goalId?: string; planItemId?: string },
      body: string,
    ) {
      return db.transaction(async (tx) => {
        if (subject.goalId) await loadGoal(tx, actor, subject.goalId, 'goals.progress');
        else {
          const item = await plans.findById(tx, actor.orgId, subject.planItemId!);
          if (!item) throw new AppError('not_found');
          await loadConversationFor(tx, actor, item.conversationId, 'goals.progress');
        }
        const note = await goals.insertProgress(tx, {
          orgId: actor.orgId,
          id: randomUUID(),
          goalId: subject.goalId ?? null,
          planItemId: subject.planItemId ?? null,
          authorId: actor.personId,
          body: body.trim(),
        });
        return { ...note, authorName: actor.name };
      });
    },

    async organisationGoals(actor: Actor, includeArchived: boolean) {
      authorize(actor, { do: 'organisationGoals.read', orgId: actor.orgId });
      return goals.organisationGoals(db, actor.orgId, includeArchived);
    },

    async createOrganisationGoal(
      actor: Actor,
      input: { title: string; description: string; translations?: OrganisationGoalTranslations },
    ) {
      authorize(actor, { do: 'organisationGoals.manage', orgId: actor.orgId });
      return goals.insertOrganisationGoal(db, {
        orgId: actor.orgId,
        id: randomUUID(),
        title: input.title,
        description: input.description,
        translations: cleanTranslations(input.translations ?? {}),
        createdBy: actor.personId,
      });
    },

    async updateOrganisationGoal(
      actor: Actor,
      id: string,
      input: {
        title?: string;
        description?: string;
        translations?: OrganisationGoalTranslations;
        archived?: boolean;
      },
    ) {
      authorize(actor, { do: 'organisationGoals.manage', orgId: actor.orgId });
      const row = await goals.updateOrganisationGoal(db, actor.orgId, id, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.translations !== undefined
          ? { translations: cleanTranslations(input.translations) }
          : {}),
        ...(input.archived !== undefined
          ? { archivedAt: input.archived ? clock.now() : null }
          : {}),
      });
      if (!row) throw new AppError('not_found');
      return row;
    },
  };
}
