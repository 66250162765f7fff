import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { PlanItemInput } from '../../domain/development/goals';
import type { Actor } from '../../domain/roles';
import { developmentPlanRepository as plans } from '../repositories/development-plan.repository';
import { assertNotSalary, assertWritable, loadConversationFor } from './goal-access';
import { systemClock, type Clock } from '../clock';

async function loadItem(db: DbOrTx, actor: Actor, id: string) {
  const item = await plans.findById(db, actor.orgId, id, true);
  if (!item) throw new AppError('not_found');
  const conv = await loadConversationFor(db, actor, item.conversationId, 'goals.write');
  return { item, conv };
}

/** The development plan of a conversation: competence, activity, support, due date. */
export function createDevelopmentPlanService(db: Db, clock: Clock = systemClock) {
  return {
    async forConversation(actor: Actor, conversationId: string) {
      const { conversation: c } = await loadConversationFor(
        db,
        actor,
        conversationId,
        'goals.read',
      );
      assertNotSalary(c.kind);
      return plans.forConversation(db, actor.orgId, c.id);
    },

    async create(actor: Actor, conversationId: string, input: PlanItemInput) {
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
        return plans.insert(tx, {
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

    /**
     * Changes a plan item. Its texts are frozen once the agreement is closed; marking it done
     * stays possible later (in the pair's 1:1s), since that is progress, not the agreement.
     */
    async update(actor: Actor, id: string, input: Partial<PlanItemInput> & { done?: boolean }) {
      return db.transaction(async (tx) => {
        const { item, conv } = await loadItem(tx, actor, id);
        const { done, ...texts } = input;
        if (Object.keys(texts).length > 0) assertWritable(conv.conversation.status);
        return plans.update(tx, actor.orgId, item.id, {
          ...texts,
          ...(done !== undefined ? { doneAt: done ? (item.doneAt ?? clock.now()) : null } : {}),
        });
      });
    },

    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const { item, conv } = await loadItem(tx, actor, id);
        assertWritable(conv.conversation.status);
        await plans.remove(tx, actor.orgId, item.id);
      });
    },
  };
}
