/**
 * Presented policies: what the viewer may do with a resource, computed by the same policy
 * functions the routes enforce (src/server/policies), so the web app never keeps its own copy
 * of the role rules (Outline's presentPolicies).
 */
import type { Actor } from '../../domain/roles';
import type { PairRef } from '../../domain/one-on-one/visibility';
import type { MeetingPolicy, SeriesPolicy } from '../../contracts/one-on-ones';
import type { ConversationPolicy } from '../../contracts/conversations';
import { can } from '../policies/index';

/** What the viewer may do with a 1:1 series. */
export function presentSeriesPolicy(actor: Actor, pair: PairRef): SeriesPolicy {
  return {
    manage: can(actor, { do: 'oneOnOne.series.manage', pair }),
    schedule: can(actor, { do: 'oneOnOne.meeting.schedule', pair }),
    reflect: can(actor, { do: 'oneOnOne.reflection.write', pair, authorId: actor.personId }),
  };
}

/** What the viewer may do with one 1:1 meeting. */
export function presentMeetingPolicy(actor: Actor, pair: PairRef): MeetingPolicy {
  const own = { pair, authorId: actor.personId };
  return {
    schedule: can(actor, { do: 'oneOnOne.meeting.schedule', pair }),
    finish: can(actor, { do: 'oneOnOne.meeting.finish', pair }),
    start: can(actor, { do: 'oneOnOne.meeting.start', pair }),
    contribute: can(actor, { do: 'oneOnOne.point.add', pair }),
    acknowledge: can(actor, { do: 'oneOnOne.minutes.acknowledge', pair }),
    reflect: can(actor, { do: 'oneOnOne.reflection.write', ...own }),
    remind: can(actor, { do: 'oneOnOne.reminder.write', ...own }),
    coach: can(actor, { do: 'coaching.read', orgId: pair.orgId, managerId: pair.managerId }),
  };
}

/** What the viewer may do with a development (or other) conversation. */
export function presentConversationPolicy(actor: Actor, pair: PairRef): ConversationPolicy {
  return {
    book: can(actor, { do: 'conversation.book', pair }),
    start: can(actor, { do: 'conversation.start', pair }),
    close: can(actor, { do: 'agreement.close', pair }),
    sign: can(actor, { do: 'agreement.sign', pair }),
    correct: can(actor, { do: 'agreement.correct', pair }),
    writeSalaryOutcome: can(actor, { do: 'salaryOutcome.write', pair }),
  };
}
