/**
 * The mail and calendar calls of the web app: the admin's mailbox, one's own mail choices and
 * the secret calendar subscription. The server's zod schemas for these are not exported from
 * src/server/routes/mail.routes.ts and calendar.routes.ts; the types below mirror them.
 */
import { http, type Page } from '../api';

/** What the outbox knows of a mail's delivery. */
export type MailStatus = 'pending' | 'sent' | 'kept' | 'failed' | 'cancelled';

/** One mail in the admin's list (dates as ISO strings). */
export type MailSummary = {
  id: string;
  kind: string;
  to: { name: string; email: string };
  locale: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  hasCalendar: boolean;
  createdAt: string;
  sentAt: string | null;
};

/** One mail with its bodies and calendar attachment. */
export type Mail = MailSummary & {
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
  mail: (id: string) => ['mail', 'mailbox', id] as const,
  settings: ['mail', 'settings'] as const,
  feed: ['mail', 'calendar-feed'] as const,
};

export const mailApi = {
  mailbox: (cursor: string | null, limit = 30) =>
    http.get<Page<MailSummary>>('/api/admin/mailbox', { cursor, limit }),
  mail: (id: string) => http.get<Mail>(`/api/admin/mailbox/${encodeURIComponent(id)}`),
  settings: () => http.get<NotificationSettings>('/api/me/notification-settings'),
  saveSettings: (patch: Partial<NotificationSettings>) =>
    http.patch<NotificationSettings>('/api/me/notification-settings', patch),
  feed: () => http.get<CalendarFeedStatus>('/api/me/calendar-feed'),
  rotateFeed: () => http.post<CalendarFeedAddress>('/api/me/calendar-feed'),
};

/** True for people who may read the organisation's outgoing mail. */
export function isAdmin(me: { roles: readonly string[] } | null | undefined): boolean {
  return !!me && me.roles.includes('admin');
}
