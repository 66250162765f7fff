/** In-app notifications (issue #15): the bell, its list, read and unread. */
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../domain/notifications';

/**
 * One notification: a kind, what it links to and minimal parameters; never text. The app
 * renders it in the reader's language (notifications:kind.<kind>).
 */
export const NotificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** Who caused it (the other of the pair); null when Samtal itself reminds. */
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  meetingId: z.uuid().nullable(),
  seriesId: z.uuid().nullable(),
  conversationId: z.uuid().nullable(),
  roundId: z.uuid().nullable(),
  /** Times as ISO instants, counts, a round's name or deadline: for the text only. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The app path it opens. */
  link: z.string(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  nextCursor: z.string().nullable(),
  /** Unread notifications in all, up to 100 (the bell shows "99+" beyond). */
  unread: z.int(),
});

export const UnreadCountSchema = z.object({ unread: z.int() });
