import { maySeeSalaryOutcome } from '../../domain/development/salary';
import type { Actor } from '../../domain/roles';
import { mayInPair, type PairRef } from '../../domain/one-on-one/visibility';

/**
 * Goals, development plans, the signed agreement (versions, PDF) and salary outcomes (decision
 * 012). Content belongs to the pair of the conversation — never to a role and never to the
 * current reporting line — except a salary outcome, which the 'salary' role also reads.
 */
export type GoalsAction =
  | {
      do:
        | 'goals.read'
        | 'goals.write'
        | 'goals.progress'
        | 'agreement.read'
        | 'agreement.close'
        | 'agreement.sign'
        | 'agreement.correct'
        | 'salaryOutcome.read'
        | 'salaryOutcome.write';
      pair: PairRef;
    }
  | { do: 'organisationGoals.read' | 'organisationGoals.manage'; orgId: string }
  | { do: 'salaryOutcome.list'; orgId: string };

const GOALS_ACTIONS = new Set<string>([
  'goals.read',
  'goals.write',
  'goals.progress',
  'agreement.read',
  'agreement.close',
  'agreement.sign',
  'agreement.correct',
  'salaryOutcome.read',
  'salaryOutcome.write',
  'organisationGoals.read',
  'organisationGoals.manage',
  'salaryOutcome.list',
]);

/** True when the action is one of this module's. */
export function isGoalsAction(action: { do: string }): action is GoalsAction {
  return GOALS_ACTIONS.has(action.do);
}

/** Decides a goals action; the organisation has already been checked by the caller. */
export function canGoals(actor: Actor, action: GoalsAction): boolean {
  switch (action.do) {
    case 'goals.read':
    case 'goals.write':
    case 'goals.progress':
    case 'agreement.read':
      return mayInPair(actor.personId, action.pair, 'read');
    // The sign-off steps: which of the pair takes which is a domain rule (sign-off.ts); here
    // only who is one of the pair at all.
    case 'agreement.close':
    case 'agreement.correct':
    case 'salaryOutcome.write':
      return actor.personId === action.pair.managerId;
    case 'agreement.sign':
      return actor.personId === action.pair.employeeId;
    case 'salaryOutcome.read':
      return maySeeSalaryOutcome(actor, action.pair);
    case 'salaryOutcome.list':
      return actor.roles.includes('salary');
    case 'organisationGoals.read':
      return true;
    case 'organisationGoals.manage':
      return actor.roles.includes('hr') || actor.roles.includes('admin');
  }
}
