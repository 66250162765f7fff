import { z } from 'zod';
import { SALARY_CHANGE_KINDS } from '../../domain/development/salary';
import type { SalaryOutcomeRow } from '../repositories/salary-outcome.repository';

export const SalaryOutcomeSchema = z.object({
  conversationId: z.uuid(),
  employeeId: z.uuid(),
  managerId: z.uuid(),
  changeKind: z.enum(SALARY_CHANGE_KINDS),
  amount: z.string(),
  currency: z.string(),
  effectiveDate: z.iso.date(),
  criteria: z.string(),
  comment: z.string(),
  recordedBy: z.uuid(),
  updatedAt: z.iso.datetime(),
});

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
