/** Mail (decision 025): the admin's mailbox, one's own mail and mail choices, the calendar feed. */
import { z } from 'zod';
import { textLine } from '../domain/text';
import { MAIL_STATUSES } from '../domain/mail-retry';

export const MailStatusSchema = z.enum(MAIL_STATUSES);

/**
 * What an administrator sees of a mail: its envelope. No subject, no body, no attachment: a
 * subject naming a meeting's topic is content, a kind is not.
 */
export const MailEnvelopeSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  recipient: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  locale: z.string(),
  status: MailStatusSchema,
  attempts: z.int(),
  lastError: z.string().nullable(),
  hasCalendar: z.boolean(),
  createdAt: z.date(),
  lastAttemptAt: z.date().nullable(),
  /** When it is tried next; null unless it is still on its way. */
  nextAttemptAt: z.date().nullable(),
  sentAt: z.date().nullable(),
  /** When an administrator last sent it again. */
  resentAt: z.date().nullable(),
});

/** One of the caller's own mails in their list. */
export const OwnMailSummarySchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  locale: z.string(),
  subject: z.string(),
  status: MailStatusSchema,
  hasCalendar: z.boolean(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

/** One of the caller's own mails, as it was sent (in the language it was sent in). */
export const OwnMailSchema = OwnMailSummarySchema.extend({
  to: z.object({ name: z.string(), email: z.string() }),
  text: z.string(),
  html: z.string(),
  calendarMethod: z.string().nullable(),
  calendar: z.string().nullable(),
});

export const NotificationSettingsSchema = z.object({
  invitations: z.boolean(),
  addTopics: z.boolean(),
  addTopicsDays: z.int().min(1).max(7),
  prepare: z.boolean(),
  reflect: z.boolean(),
  minutes: z.boolean(),
  digest: z.boolean(),
  rounds: z.boolean(),
  quietStart: textLine().max(5),
  quietEnd: textLine().max(5),
});

/** Whether the person has a secret calendar subscription, and since when. */
export const CalendarFeedStatusSchema = z.object({
  active: z.boolean(),
  createdAt: z.date().nullable(),
});

/** A new secret subscription address (the previous one stops working). */
export const CalendarFeedAddressSchema = z.object({ url: z.string(), webcal: z.string() });
