import { z } from 'zod';
import type { SalaryOutcomeRow } from '../repositories/salary-outcome.repository';
import { SalaryOutcomeSchema } from '../../contracts/salary-outcomes';

export function presentSalaryOutcome(o: SalaryOutcomeRow): z.infer<typeof SalaryOutcomeSchema> {
  return {
    conversationId: o.conversationId,
    employeeId: o.employeeId,
    managerId: o.managerId,
    changeKind: o.changeKind,
    amount: o.amount,
    currency: o.currency,
    effectiveDate: o.effectiveDate,
    criteria: o.criteria,
    comment: o.comment,
    recordedBy: o.recordedBy,
    updatedAt: o.updatedAt.toISOString(),
  };
}
