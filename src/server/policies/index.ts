import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { isOwnPrivateContent, mayInPair, type PairRef } from '../../domain/one-on-one/visibility';
import { canGoals, isGoalsAction, type GoalsAction } from './goals.policies';
import { canWellbeing, isWellbeingAction, type WellbeingAction } from './wellbeing.policies';
import {
  canConversation,
  isConversationAction,
  type ConversationAction,
} from './conversation.policies';
import { canRound, isRoundAction, type RoundAction } from './round.policies';

/**
 * Who may do what, declared in one place. Every route asks here; nothing else decides.
 * A resource always carries its organisation id: another tenant's resource is "not found",
 * never "forbidden", so its existence does not leak.
 */
type PersonRef = { orgId: string; id: string; managerId: string | null };

export type Action =
  | { do: 'person.read'; person: PersonRef }
  | { do: 'person.manage'; orgId: string }
  | { do: 'people.list'; orgId: string }
  | { do: 'people.import'; orgId: string }
  | { do: 'department.read'; orgId: string }
  | { do: 'department.manage'; orgId: string }
  | { do: 'team.read'; orgId: string }
  | { do: 'org.read'; orgId: string }
  | { do: 'org.manage'; orgId: string }
  /** The mailbox: envelopes of outgoing mail, never their content (decision 025). */
  | { do: 'mailbox.read'; orgId: string }
  /** Sending a mail again from the mailbox (decision 025). */
  | { do: 'mailbox.resend'; orgId: string }
  /** HR statistics: counts and anonymous aggregates only (decision 014). */
  | { do: 'statistics.read'; orgId: string }
  /** The audit log: who did what, never content (decision 016). */
  | { do: 'audit.read'; orgId: string }
  /** Erasing a person who has left, and its preview (decision 024): HR and administrators. */
  | { do: 'person.erase'; orgId: string }
  /** How many people still have private notes in plain text: a number, never content (018). */
  | { do: 'sealing.status.read'; orgId: string }
  /** SCIM provisioning tokens (decision 022): administrators only. */
  | { do: 'scim.tokens.manage'; orgId: string }
  /** Whether provisioning may create units: HR (who owns units) and administrators. */
  | { do: 'scim.settings.manage'; orgId: string }
  /** Identity providers and "single sign-on required" (decision 019): administrators only. */
  | { do: 'sso.manage'; orgId: string }
  | OneOnOneAction
  | ConversationAction
  | RoundAction
  | WellbeingAction
  | GoalsAction;

/**
 * 1:1 conversations. Content is decided by being one of the pair of the series (see
 * domain/one-on-one/visibility.ts): never by role, so HR and admins see no content, and
 * never by the current reporting line, so a new manager inherits nothing.
 */
export type OneOnOneAction =
  | { do: 'oneOnOne.series.create'; employee: PersonRef }
  | { do: 'oneOnOne.template.read' | 'oneOnOne.template.manage'; orgId: string }
  | {
      do:
        | 'oneOnOne.series.read'
        | 'oneOnOne.series.manage'
        | 'oneOnOne.meeting.read'
        | 'oneOnOne.meeting.schedule'
        | 'oneOnOne.meeting.finish'
        | 'oneOnOne.meeting.start'
        | 'oneOnOne.point.add'
        | 'oneOnOne.point.arrange'
        | 'oneOnOne.sharedNote.read'
        | 'oneOnOne.sharedNote.write'
        | 'oneOnOne.action.read'
        | 'oneOnOne.action.write'
        | 'oneOnOne.minutes.read'
        | 'oneOnOne.minutes.acknowledge'
        | 'oneOnOne.motivation.read'
        | 'oneOnOne.motivation.write';
      pair: PairRef;
    }
  | { do: 'oneOnOne.point.edit'; pair: PairRef; authorId: string | null }
  | {
      do:
        | 'oneOnOne.privateNote.read'
        | 'oneOnOne.privateNote.write'
        | 'oneOnOne.reflection.read'
        | 'oneOnOne.reflection.write'
        | 'oneOnOne.reminder.read'
        | 'oneOnOne.reminder.write';
      pair: PairRef;
      authorId: string;
    };

const isHr = (a: Actor) => a.roles.includes('hr') || a.roles.includes('admin');

function orgOf(action: Action): string {
  if ('person' in action) return action.person.orgId;
  if ('employee' in action) return action.employee.orgId;
  if ('pair' in action) return action.pair.orgId;
  return action.orgId;
}

/** True when `actor` may perform `action`. */
export function can(actor: Actor, action: Action): boolean {
  if (orgOf(action) !== actor.orgId) return false;
  if (isWellbeingAction(action)) return canWellbeing(actor, action);
  if (isConversationAction(action)) return canConversation(actor, action);
  if (isRoundAction(action)) return canRound(actor, action);
  if (isGoalsAction(action)) return canGoals(actor, action);
  switch (action.do) {
    case 'person.read':
      return (
        isHr(actor) ||
        action.person.id === actor.personId ||
        action.person.managerId === actor.personId
      );
    case 'people.list':
    case 'statistics.read':
    case 'person.manage':
    case 'people.import':
    case 'department.manage':
    case 'scim.settings.manage':
    case 'person.erase':
      return isHr(actor);
    case 'department.read':
    case 'org.read':
      return true;
    case 'team.read':
      return true; // everyone may ask for their own direct reports; the list may be empty
    case 'mailbox.read':
    case 'mailbox.resend':
    case 'org.manage':
    case 'audit.read':
    case 'sealing.status.read':
    case 'scim.tokens.manage':
    case 'sso.manage':
      return actor.roles.includes('admin');
    case 'oneOnOne.series.create':
      return action.employee.managerId === actor.personId;
    case 'oneOnOne.template.read':
      return true;
    case 'oneOnOne.template.manage':
      return isHr(actor);
    case 'oneOnOne.series.read':
    case 'oneOnOne.meeting.read':
    case 'oneOnOne.sharedNote.read':
    case 'oneOnOne.action.read':
    case 'oneOnOne.minutes.read':
    case 'oneOnOne.motivation.read':
      return mayInPair(actor.personId, action.pair, 'read');
    case 'oneOnOne.motivation.write':
      return mayInPair(actor.personId, action.pair, 'motivate');
    case 'oneOnOne.series.manage':
    case 'oneOnOne.meeting.schedule':
    case 'oneOnOne.meeting.finish':
      return mayInPair(actor.personId, action.pair, 'schedule');
    case 'oneOnOne.meeting.start':
    case 'oneOnOne.point.add':
    case 'oneOnOne.point.arrange':
    case 'oneOnOne.sharedNote.write':
    case 'oneOnOne.action.write':
      return mayInPair(actor.personId, action.pair, 'contribute');
    case 'oneOnOne.point.edit':
      // A topic is edited or removed by whoever wrote it; template sections by nobody.
      return (
        action.authorId === actor.personId && mayInPair(actor.personId, action.pair, 'contribute')
      );
    case 'oneOnOne.minutes.acknowledge':
      return mayInPair(actor.personId, action.pair, 'acknowledge');
    case 'oneOnOne.privateNote.read':
    case 'oneOnOne.privateNote.write':
      return isOwnPrivateContent(actor.personId, action.pair, action.authorId);
    case 'oneOnOne.reflection.read':
    case 'oneOnOne.reflection.write':
      return (
        isOwnPrivateContent(actor.personId, action.pair, action.authorId) &&
        mayInPair(actor.personId, action.pair, 'reflect')
      );
    case 'oneOnOne.reminder.read':
    case 'oneOnOne.reminder.write':
      return (
        isOwnPrivateContent(actor.personId, action.pair, action.authorId) &&
        mayInPair(actor.personId, action.pair, 'remind')
      );
  }
}

/** The actor's part in a 1:1 pair, if any (for services choosing defaults, not deciding access). */
export { pairRoleOf } from '../../domain/one-on-one/visibility';

/** Throws unless `actor` may perform `action`: not_found across tenants, forbidden within. */
export function authorize(actor: Actor, action: Action): void {
  if (can(actor, action)) return;
  if (orgOf(action) !== actor.orgId) throw new AppError('not_found');
  if (action.do === 'person.read') throw new AppError('not_found');
  if ('pair' in action && !isInsider(actor, action)) throw new AppError('not_found');
  // The manager's reminders are not even there for anyone else, the employee included.
  if (isReminderAction(action)) throw new AppError('not_found');
  throw new AppError('auth.forbidden');
}

function isReminderAction(action: Action): boolean {
  return action.do === 'oneOnOne.reminder.read' || action.do === 'oneOnOne.reminder.write';
}

/**
 * Someone outside a 1:1 pair gets "not found" for anything in it, so its existence does not
 * leak; one of the pair who may not do a thing gets "forbidden".
 */
function isInsider(actor: Actor, action: Action): boolean {
  return 'pair' in action && mayInPair(actor.personId, action.pair, 'read');
}
