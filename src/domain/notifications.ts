/**
 * In-app notifications (issue #15): the kinds, and where each one leads. A notification
 * stores no text: the app renders it from its kind in the reader's language.
 */
export const NOTIFICATION_KINDS = [
  // Mailed too: written where the mail is queued, to the same person, when they get the mail.
  'one_on_one.invitation',
  'one_on_one.updated',
  'one_on_one.seriesEnded',
  'one_on_one.moved',
  'one_on_one.cancelled',
  'one_on_one.minutes',
  'reminder.add_topics',
  'reminder.prepare',
  'reminder.reflect',
  'reminder.conversation_prepare',
  'reminder.digest',
  'round.reminder',
  'round.opened',
  'round.included',
  'conversation.booked',
  'conversation.moved',
  'conversation.cancelled',
  'privacy.access_request',
  // In the app only.
  'one_on_one.topic_added',
  'one_on_one.action_assigned',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(k: string): k is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(k);
}

/** What a notification links to: ids only. */
export type NotificationTarget = {
  meetingId?: string | null;
  seriesId?: string | null;
  conversationId?: string | null;
  roundId?: string | null;
};

/** The app path a notification opens: the meeting, the conversation, the series or a list. */
export function notificationLink(kind: string, target: NotificationTarget): string {
  if (kind === 'reminder.digest') return '/actions';
  if (kind === 'round.reminder' || kind === 'round.opened') return '/conversations';
  if (kind === 'privacy.access_request') return '/settings';
  if (kind === 'reminder.reflect')
    return target.meetingId ? `/one-on-ones/meetings/${target.meetingId}/reflection` : '/';
  if (kind === 'one_on_one.minutes' && target.meetingId)
    return `/one-on-ones/meetings/${target.meetingId}/minutes`;
  if (target.conversationId) return `/conversations/${target.conversationId}`;
  if (target.meetingId) return `/one-on-ones/meetings/${target.meetingId}`;
  if (target.seriesId) return `/one-on-ones/series/${target.seriesId}`;
  return '/';
}

/** Read notifications are kept this long, then cleared (unread ones stay until read). */
export const READ_NOTIFICATION_RETENTION_DAYS = 90;
