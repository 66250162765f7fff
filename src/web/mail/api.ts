/**
 * The mail and calendar calls of the web app: the admin's mailbox (envelopes), one's own mail,
 * one's own mail choices and the secret calendar subscription. The server's zod schemas for these are not exported from
 * src/server/routes/mail.routes.ts and calendar.routes.ts; the types below mirror them.
 */
import { http, type Page } from '../api';

/** What the outbox knows of a mail's delivery. */
export type MailStatus = 'pending' | 'sent' | 'kept' | 'failed' | 'cancelled';
export const MAIL_STATUSES: readonly MailStatus[] = [
  'pending',
  'sent',
  'kept',
  'failed',
  'cancelled',
];

/**
 * What an administrator sees of a mail: its envelope, never its subject or body (decision
 * 025). Dates as ISO strings.
 */
export type MailEnvelope = {
  id: string;
  kind: string;
  recipient: { id: string; name: string; email: string };
  locale: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  hasCalendar: boolean;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  resentAt: string | null;
};

/** The mailbox's filters. */
export type MailboxFilter = { status?: MailStatus; kind?: string };

/** One of the signed-in person's own mails, in their list. */
export type OwnMailSummary = {
  id: string;
  kind: string;
  locale: string;
  subject: string;
  status: MailStatus;
  hasCalendar: boolean;
  createdAt: string;
  sentAt: string | null;
};

/** One of the person's own mails as it was sent: bodies and calendar attachment. */
export type OwnMail = OwnMailSummary & {
  to: { name: string; email: string };
  text: string;
  html: string;
  calendarMethod: string | null;
  calendar: string | null;
};

/** A person's mail choices; quiet hours as "HH:MM" in their own time zone. */
export type NotificationSettings = {
  invitations: boolean;
  addTopics: boolean;
  addTopicsDays: number;
  prepare: boolean;
  reflect: boolean;
  minutes: boolean;
  digest: boolean;
  quietStart: string;
  quietEnd: string;
};

export type CalendarFeedStatus = { active: boolean; createdAt: string | null };
export type CalendarFeedAddress = { url: string; webcal: string };

export const mailKeys = {
  all: ['mail'] as const,
  mailbox: ['mail', 'mailbox'] as const,
  mailboxOf: (f: MailboxFilter) => ['mail', 'mailbox', f] as const,
  own: ['mail', 'own'] as const,
  ownMail: (id: string) => ['mail', 'own', id] as const,
  settings: ['mail', 'settings'] as const,
  feed: ['mail', 'calendar-feed'] as const,
};

export const mailApi = {
  mailbox: (cursor: string | null, filter: MailboxFilter = {}, limit = 30) =>
    http.get<Page<MailEnvelope>>('/api/admin/mailbox', { cursor, limit, ...filter }),
  sendAgain: (id: string) =>
    http.post<MailEnvelope>(`/api/admin/mailbox/${encodeURIComponent(id)}/send-again`),
  ownMails: (cursor: string | null, limit = 30) =>
    http.get<Page<OwnMailSummary>>('/api/me/mail', { cursor, limit }),
  ownMail: (id: string) => http.get<OwnMail>(`/api/me/mail/${encodeURIComponent(id)}`),
  settings: () => http.get<NotificationSettings>('/api/me/notification-settings'),
  saveSettings: (patch: Partial<NotificationSettings>) =>
    http.patch<NotificationSettings>('/api/me/notification-settings', patch),
  feed: () => http.get<CalendarFeedStatus>('/api/me/calendar-feed'),
  rotateFeed: () => http.post<CalendarFeedAddress>('/api/me/calendar-feed'),
};

/** True for people who may see the envelopes of the organisation's outgoing mail. */
export function isAdmin(me: { roles: readonly string[] } | null | undefined): boolean {
  return !!me && me.roles.includes('admin');
}
