/** Salary outcomes of a salary conversation. */
import { z } from 'zod';
import { SALARY_CHANGE_KINDS } from '../domain/development/salary';

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
