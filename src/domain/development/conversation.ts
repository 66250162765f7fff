import { Temporal } from 'temporal-polyfill';
import type { MeetingKind } from '../one-on-one/actions';
import type { ConversationKind, ConversationStatus } from './template';

// A conversation's meeting carries the conversation's kind; every kind must be a meeting kind.
type KindsAgree = ConversationKind extends MeetingKind ? true : never;
const _kindsAgree: KindsAgree = true;

/** Default minutes booked for a development conversation (seed 003: a calm hour). */
export const DEFAULT_CONVERSATION_MINUTES = 60;
/** Shortest and longest bookable conversation. */
export const CONVERSATION_MINUTES_MIN = 15;
export const CONVERSATION_MINUTES_MAX = 240;
/** Months after a development conversation that its follow-up is proposed (seed 004). */
const FOLLOW_UP_MONTHS = 3;

/** Notes, actions, points and preparation change only until the manager closes. */
export function isWritable(status: ConversationStatus): boolean {
  return status !== 'closed' && status !== 'signed';
}

/** A time can be booked (or moved) until the meeting has started. */
export function mayBook(status: ConversationStatus): boolean {
  return status === 'not_booked' || status === 'booked';
}

/** The meeting can be started once booked (or again, harmlessly, once held). */
export function mayStart(status: ConversationStatus): boolean {
  return status === 'booked' || status === 'held';
}

/** Which conversations get a follow-up proposed once held. */
export function proposesFollowUp(kind: ConversationKind, status: ConversationStatus): boolean {
  return kind === 'development' && status !== 'not_booked' && status !== 'booked';
}

/**
 * The proposed follow-up date: `months` after the day the conversation was held, in the
 * manager's zone, moved off a weekend to the Monday after.
 */
export function followUpDate(heldAt: Date, timeZone: string, months = FOLLOW_UP_MONTHS): string {
  const held = Temporal.Instant.fromEpochMilliseconds(heldAt.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  let d = held.add({ months });
  if (d.dayOfWeek === 6) d = d.add({ days: 2 });
  if (d.dayOfWeek === 7) d = d.add({ days: 1 });
  return d.toString();
}

/** The kinds a manager may book on their own, outside a round (seed 004). */
export const OWN_CONVERSATION_KINDS = ['development', 'salary', 'wellbeing'] as const;
export type OwnConversationKind = (typeof OWN_CONVERSATION_KINDS)[number];
