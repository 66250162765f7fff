import type { Actor } from '../../domain/roles';
import { mayInPair, type PairRef } from '../../domain/one-on-one/visibility';

/**
 * Check-ins, trends and task-status reviews belong to the pair of a 1:1 (never HR, never an
 * admin, never a later manager). Coaching signals belong to the manager they are about:
 * nobody else, whatever their role, reads or dismisses them.
 */
export type WellbeingAction =
  | {
      do: 'checkIn.read' | 'checkIn.write' | 'taskReview.read' | 'taskReview.write';
      pair: PairRef;
    }
  /** Marks a task-status review as gone through in a 1:1: the manager runs the meeting. */
  | { do: 'taskReview.markReviewed'; pair: PairRef }
  | { do: 'coaching.read' | 'coaching.dismiss'; orgId: string; managerId: string };

const WELLBEING_ACTIONS = new Set<string>([
  'checkIn.read',
  'checkIn.write',
  'taskReview.read',
  'taskReview.write',
  'taskReview.markReviewed',
  'coaching.read',
  'coaching.dismiss',
]);

/** True for the actions this module decides. */
export function isWellbeingAction(action: { do: string }): action is WellbeingAction {
  return WELLBEING_ACTIONS.has(action.do);
}

/** The decision for a wellbeing or coaching action (the organisation is already checked). */
export function canWellbeing(actor: Actor, action: WellbeingAction): boolean {
  switch (action.do) {
    case 'checkIn.read':
    case 'taskReview.read':
      return mayInPair(actor.personId, action.pair, 'read');
    case 'checkIn.write':
    case 'taskReview.write':
      return mayInPair(actor.personId, action.pair, 'contribute');
    case 'taskReview.markReviewed':
      return mayInPair(actor.personId, action.pair, 'schedule');
    case 'coaching.read':
    case 'coaching.dismiss':
      return actor.personId === action.managerId;
  }
}
