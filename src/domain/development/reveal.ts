import type { ConversationStatus } from './template';

/** Who prepares a conversation: the two of the pair, each on their own. */
export type PreparerRole = 'employee' | 'manager';

/** What the reveal rule needs to know about a conversation. */
export type RevealState = {
  status: ConversationStatus;
  employeeSubmittedAt: Date | null;
  managerSubmittedAt: Date | null;
};

/** Statuses in which the meeting has started (or is over): preparation is then shown openly. */
export const STARTED: readonly ConversationStatus[] = ['held', 'closed', 'signed'];

/** True once the meeting has been started, whatever the preparation. */
export function meetingStarted(status: ConversationStatus): boolean {
  return STARTED.includes(status);
}

/**
 * The reveal rule: the two prepare separately, and neither sees the other's answers until both
 * have submitted or the meeting has started. Then both see both, side by side.
 */
export function isRevealed(state: RevealState): boolean {
  if (meetingStarted(state.status)) return true;
  return state.employeeSubmittedAt !== null && state.managerSubmittedAt !== null;
}

/**
 * Whose answers `viewer` may read now: always their own; the other's only once revealed, and
 * then only if the other submitted (a draft stays its author's, even after the reveal).
 */
export function visiblePreparations(
  viewer: PreparerRole,
  state: RevealState,
): { own: true; other: boolean } {
  const other: PreparerRole = viewer === 'employee' ? 'manager' : 'employee';
  const otherSubmitted =
    (other === 'employee' ? state.employeeSubmittedAt : state.managerSubmittedAt) !== null;
  return { own: true, other: isRevealed(state) && otherSubmitted };
}

/** Preparation can be written (drafts saved, submitted) only before the meeting starts. */
export function mayPrepare(status: ConversationStatus): boolean {
  return status === 'not_booked' || status === 'booked';
}
