import type { Actor } from '../../domain/roles';
import { isOwnPrivateContent, mayInPair, type PairRef } from '../../domain/one-on-one/visibility';

/**
 * Development (and other) conversations belong to their pair: the employee and the manager on
 * the conversation, never the current reporting line and never a role. HR and admins count
 * statuses through the rounds, never through these actions. Whose preparation answers may be
 * read is the reveal rule's (domain/development/reveal.ts), applied on top of `content.read`.
 */
export type ConversationAction =
  | { do: 'conversation.list'; orgId: string }
  /** A manager books a conversation of their own with a current direct report (no round). */
  | {
      do: 'conversation.create';
      employee: { orgId: string; managerId: string | null; active: boolean };
    }
  | {
      do:
        | 'conversation.read'
        | 'conversation.prepare'
        | 'conversation.content.write'
        | 'conversation.book'
        | 'conversation.start';
      pair: PairRef;
    }
  | {
      do: 'conversation.privateNote.read' | 'conversation.privateNote.write';
      pair: PairRef;
      authorId: string;
    };

const CONVERSATION_ACTIONS = new Set<string>([
  'conversation.list',
  'conversation.create',
  'conversation.read',
  'conversation.prepare',
  'conversation.content.write',
  'conversation.book',
  'conversation.start',
  'conversation.privateNote.read',
  'conversation.privateNote.write',
]);

/** True for the actions this module decides. */
export function isConversationAction(action: { do: string }): action is ConversationAction {
  return CONVERSATION_ACTIONS.has(action.do);
}

/** The decision for a conversation action (the organisation is already checked). */
export function canConversation(actor: Actor, action: ConversationAction): boolean {
  switch (action.do) {
    case 'conversation.list':
      return true; // everyone lists their own conversations; the list may be empty
    case 'conversation.create':
      return action.employee.active && action.employee.managerId === actor.personId;
    case 'conversation.read':
      return mayInPair(actor.personId, action.pair, 'read');
    case 'conversation.prepare':
    case 'conversation.content.write':
      return mayInPair(actor.personId, action.pair, 'contribute');
    case 'conversation.book':
    case 'conversation.start':
      return mayInPair(actor.personId, action.pair, 'schedule');
    case 'conversation.privateNote.read':
    case 'conversation.privateNote.write':
      return isOwnPrivateContent(actor.personId, action.pair, action.authorId);
  }
}
