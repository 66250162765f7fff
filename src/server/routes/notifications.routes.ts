import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isNotificationKind, notificationLink } from '../../domain/notifications';
import {
  NotificationListSchema,
  NotificationSchema,
  UnreadCountSchema,
} from '../../contracts/notifications';
import { requireActor } from '../plugins/auth';
import type { notificationRepository } from '../repositories/notification.repository';
import { MailCursor, MailLimit, mailPage } from './mail-schemas';
import { IdParams, errors } from './schemas';

type Row = Awaited<ReturnType<typeof notificationRepository.list>>[number];

/** Maps a row, so that no column added later can leak. */
function presentNotification(r: Row): z.input<typeof NotificationSchema> | null {
  // A kind a later version wrote and this one does not know is left out.
  if (!isNotificationKind(r.kind)) return null;
  const target = {
    meetingId: r.meetingId,
    seriesId: r.seriesId,
    conversationId: r.conversationId,
    roundId: r.roundId,
  };
  return {
    id: r.id,
    kind: r.kind,
    actor: r.actorId && r.actorName ? { id: r.actorId, name: r.actorName } : null,
    ...target,
    params: r.params ?? {},
    link: notificationLink(r.kind, target),
    createdAt: r.createdAt,
    readAt: r.readAt,
  };
}

/** The signed-in person's own notifications (issue #15): the bell's list and count. */
export async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get(
    '/api/me/notifications',
    {
      schema: {
        tags,
        description: 'The caller’s notifications, newest first (keyset pages).',
        querystring: z.object({
          cursor: MailCursor.optional(),
          limit: MailLimit,
          unread: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: NotificationListSchema, ...errors },
      },
    },
    async (request) => {
      const { limit, cursor, unread } = request.query;
      const { rows, unread: count } = await app.services.notifications.list(requireActor(request), {
        limit: limit + 1,
        ...(cursor ? { before: cursor } : {}),
        unreadOnly: unread === 'true',
      });
      const { items, nextCursor } = mailPage(rows, limit);
      return {
        items: items.map(presentNotification).filter((x) => x !== null),
        nextCursor,
        unread: count,
      };
    },
  );

  r.get(
    '/api/me/notifications/unread',
    {
      schema: {
        tags,
        description: 'How many of the caller’s notifications are unread (up to 100).',
        response: { 200: UnreadCountSchema, ...errors },
      },
    },
    async (request) => ({
      unread: await app.services.notifications.unreadCount(requireActor(request)),
    }),
  );

  r.post(
    '/api/me/notifications/:id/read',
    {
      schema: {
        tags,
        description: 'Marks one of the caller’s notifications read; anyone else’s is not found.',
        params: IdParams,
        response: { 200: UnreadCountSchema, ...errors },
      },
    },
    async (request) => ({
      unread: await app.services.notifications.markRead(requireActor(request), request.params.id),
    }),
  );

  r.post(
    '/api/me/notifications/read-all',
    {
      schema: {
        tags,
        description: 'Marks all of the caller’s notifications read.',
        response: { 200: UnreadCountSchema, ...errors },
      },
    },
    async (request) => ({
      unread: await app.services.notifications.markAllRead(requireActor(request)),
    }),
  );
}
