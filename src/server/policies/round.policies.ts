import type { Actor } from '../../domain/roles';

/**
 * Rounds and conversation templates are HR's: HR (or an admin) opens rounds, follows their
 * progress as counts and manages templates. Nobody else reads them through these actions; the
 * pair reach their own conversation through the conversation policies.
 */
export type RoundAction = {
  do: 'round.read' | 'round.manage' | 'conversationTemplate.read' | 'conversationTemplate.manage';
  orgId: string;
};

const ROUND_ACTIONS = new Set<string>([
  'round.read',
  'round.manage',
  'conversationTemplate.read',
  'conversationTemplate.manage',
]);

export function isRoundAction(action: { do: string }): action is RoundAction {
  return ROUND_ACTIONS.has(action.do);
}

export function canRound(actor: Actor, _action: RoundAction): boolean {
  return actor.roles.includes('hr') || actor.roles.includes('admin');
}
