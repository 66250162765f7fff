import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { SalaryOutcomeInput } from '../../domain/development/salary';
import type { Actor } from '../../domain/roles';
import { authorize } from '../policies/index';
import { recordAudit } from './audit.service';
import { salaryOutcomeRepository as repo } from '../repositories/salary-outcome.repository';
import { assertWritable, loadConversationFor } from './goal-access';

/**
 * Salary outcomes: recorded by the manager in a salary conversation; read by the pair and the
 * 'salary' role. Kept out of development conversations and 1:1s (seed 004).
 */
export function createSalaryOutcomeService(db: Db) {
  return {
    async get(actor: Actor, conversationId: string) {
      const { conversation: c } = await loadConversationFor(
        db,
        actor,
        conversationId,
        'salaryOutcome.read',
      );
      if (c.kind !== 'salary') throw new AppError('not_found');
      const outcome = (await repo.find(db, actor.orgId, c.id)) ?? null;
      // Read through the salary role, not as one of the pair: recorded (decision 016).
      if (outcome && actor.personId !== c.managerId && actor.personId !== c.employeeId) {
        await recordAudit(db, actor, {
          action: 'salary.outcome_read',
          subjectType: 'person',
          subjectId: c.employeeId,
        });
      }
      return { conversation: c, outcome };
    },

    async record(actor: Actor, conversationId: string, input: SalaryOutcomeInput) {
      return db.transaction(async (tx) => {
        const { conversation: c } = await loadConversationFor(
          tx,
          actor,
          conversationId,
          'salaryOutcome.write',
          { lock: true },
        );
        if (c.kind !== 'salary') throw new AppError('salary.not_salary_conversation');
        assertWritable(c.status);
        return repo.upsert(tx, {
          orgId: actor.orgId,
          conversationId: c.id,
          employeeId: c.employeeId,
          managerId: c.managerId,
          ...input,
          recordedBy: actor.personId,
        });
      });
    },

    /** Every outcome in the organisation, for the people granted the 'salary' role. */
    async list(actor: Actor, opts: { after?: { date: string; id: string }; limit: number }) {
      authorize(actor, { do: 'salaryOutcome.list', orgId: actor.orgId });
      const rows = await repo.list(db, actor.orgId, opts);
      await recordAudit(db, actor, {
        action: 'salary.outcomes_listed',
        subjectType: 'organisation',
        subjectId: actor.orgId,
        details: { count: Math.min(rows.length, opts.limit - 1) },
      });
      return rows;
    },
  };
}
