/** The catalog keys for a mail's kind and status; unknown values are shown as they are. */

const KINDS: Record<string, string> = {
  'one_on_one.invitation': 'invitation',
  'one_on_one.updated': 'updated',
  'one_on_one.moved': 'moved',
  'one_on_one.cancelled': 'cancelled',
  'one_on_one.seriesEnded': 'seriesEnded',
  'one_on_one.reflection_block': 'reflectionBlock',
  'one_on_one.minutes': 'minutes',
  'reminder.add_topics': 'addTopics',
  'reminder.prepare': 'prepare',
  'reminder.reflect': 'reflect',
  'reminder.digest': 'digest',
  'reminder.conversation_prepare': 'conversationPrepare',
  'conversation.booked': 'conversationBooked',
  'conversation.moved': 'moved',
  'conversation.cancelled': 'cancelled',
  'round.reminder': 'roundReminder',
  'round.opened': 'roundOpened',
  'round.included': 'roundIncluded',
  'account.invitation': 'accountInvitation',
  'account.reset': 'accountReset',
  'account.password_changed': 'passwordChanged',
  'account.email_changed': 'emailChanged',
  'account.role_granted': 'roleGranted',
};

/** The kinds the mailbox can filter on (every kind Samtal writes). */
export const MAIL_KINDS: readonly string[] = Object.keys(KINDS);
const STATUSES = new Set(['pending', 'sent', 'kept', 'failed', 'cancelled']);

type T = (key: string) => string;

/** "Invitation", "Minutes", … in the UI language. */
export function kindLabel(t: T, kind: string): string {
  const key = KINDS[kind];
  return key ? t(`mailbox:kind.${key}`) : kind;
}

/** "Sent", "Kept here", … in the UI language. */
export function statusLabel(t: T, status: string): string {
  return STATUSES.has(status) ? t(`mailbox:status.${status}`) : status;
}

/** The longer explanation of a status, or null for one we do not know. */
export function statusHint(t: T, status: string): string | null {
  return STATUSES.has(status) ? t(`mailbox:statusHint.${status}`) : null;
}
