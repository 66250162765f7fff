/**
 * Seed 004: the salary conversation comes before the development conversation and is kept
 * apart from it. HR can tie a development round to a salary round: then each pair's salary
 * conversation in that round should be held first — the round either only warns, or requires
 * it (the development conversation cannot be started until then). Pure: no I/O.
 */
import type { ConversationKind, ConversationStatus } from './template';

export const SALARY_FIRST_RULES = ['warn', 'require'] as const;
export type SalaryFirstRule = (typeof SALARY_FIRST_RULES)[number];

/** What a development conversation's round asks about the pair's salary conversation. */
export type SalaryOrder = {
  rule: SalaryFirstRule;
  /** Whether the employee's conversation in the salary round has taken place. */
  held: boolean;
};

/** A salary conversation counts as held once it took place (held, closed or signed). */
export const SALARY_HELD_STATUSES = [
  'held',
  'closed',
  'signed',
] as const satisfies readonly ConversationStatus[];

export function salaryHeld(status: ConversationStatus): boolean {
  return (SALARY_HELD_STATUSES as readonly ConversationStatus[]).includes(status);
}

/**
 * The order a development conversation shows, or null when its round sets none or the
 * employee has no conversation in the salary round (nothing to hold first). Only the rule and
 * whether it was held travel: never the salary conversation itself (kept apart, seed 004).
 */
export function salaryOrder(
  kind: ConversationKind,
  rule: SalaryFirstRule | null,
  salaryStatus: ConversationStatus | null,
): SalaryOrder | null {
  if (kind !== 'development' || !rule || !salaryStatus) return null;
  return { rule, held: salaryHeld(salaryStatus) };
}

/** True when starting the development conversation must wait for the salary conversation. */
export function salaryBlocksStart(order: SalaryOrder | null): boolean {
  return order !== null && order.rule === 'require' && !order.held;
}
