import { z } from 'zod';
import { textBlock } from '../text';
import type { Role } from '../roles';

/** How the outcome is expressed: a new monthly salary, or a change in money or per cent. */
export const SALARY_CHANGE_KINDS = ['new_salary', 'change_amount', 'change_percent'] as const;
export type SalaryChangeKind = (typeof SALARY_CHANGE_KINDS)[number];

/** The outcome of a salary conversation (seed 004: kept apart from the development talk). */
export const SalaryOutcomeInputSchema = z.object({
  changeKind: z.enum(SALARY_CHANGE_KINDS),
  /** Money as a decimal string so no cent is lost to floating point. */
  amount: z
    .string()
    .trim()
    .regex(/^-?\d{1,9}(\.\d{1,2})?$/),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/),
  effectiveDate: z.iso.date(),
  /** The salary criteria discussed (e.g. the organisation's published criteria). */
  criteria: textBlock().trim().max(5000).default(''),
  comment: textBlock().trim().max(5000).default(''),
});
export type SalaryOutcomeInput = z.infer<typeof SalaryOutcomeInputSchema>;

/**
 * Who sees a salary outcome: the employee, the manager of the conversation, and people granted
 * the 'salary' role. Plain HR and admins see only that the conversation exists and its status.
 */
export function maySeeSalaryOutcome(
  actor: { personId: string; roles: readonly Role[] },
  pair: { managerId: string; employeeId: string },
): boolean {
  return (
    actor.personId === pair.employeeId ||
    actor.personId === pair.managerId ||
    actor.roles.includes('salary')
  );
}
