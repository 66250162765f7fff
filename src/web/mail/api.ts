/**
 * The mail and calendar calls of the web app: the admin's mailbox (envelopes), one's own mail,
 * one's own mail choices and the secret calendar subscription. Types from the shared contracts
 * (src/contracts/mail.ts).
 */
import type { z } from 'zod';
import type {
  CalendarFeedAddressSchema,
  CalendarFeedStatusSchema,
  MailEnvelopeSchema,
  NotificationSettingsSchema,
  OwnMailSchema,
  OwnMailSummarySchema,
} from '../../contracts/mail';
import type { MAIL_STATUSES } from '../../domain/mail-retry';
import { http, type Page, type Wire } from '../api';

/** What the outbox knows of a mail's delivery. */
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * What an administrator sees of a mail: its envelope, never its subject or body (decision
 * 025). Dates as ISO strings.
 */
export type MailEnvelope = Wire<z.infer<typeof MailEnvelopeSchema>>;

/** The mailbox's filters. */
export type MailboxFilter = { status?: MailStatus; kind?: string };

/** One of the signed-in person's own mails, in their list. */
export type OwnMailSummary = Wire<z.infer<typeof OwnMailSummarySchema>>;

/** One of the person's own mails as it was sent: bodies and calendar attachment. */
export type OwnMail = Wire<z.infer<typeof OwnMailSchema>>;

/** A person's mail choices; quiet hours as "HH:MM" in their own time zone. */
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

export type CalendarFeedStatus = Wire<z.infer<typeof CalendarFeedStatusSchema>>;
export type CalendarFeedAddress = z.infer<typeof CalendarFeedAddressSchema>;

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
