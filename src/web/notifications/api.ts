/**
 * In-app notifications (issue #15): the bell's count and the list. Types from the shared
 * contracts (src/contracts/notifications.ts).
 */
import type { z } from 'zod';
import type {
  NotificationListSchema,
  NotificationSchema,
  UnreadCountSchema,
} from '../../contracts/notifications';
import { http, type Wire } from '../api';
import { UNREAD_NOTIFICATIONS_KEY } from '../session';

export type AppNotification = Wire<z.infer<typeof NotificationSchema>>;
export type NotificationList = Wire<z.infer<typeof NotificationListSchema>>;
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: UNREAD_NOTIFICATIONS_KEY,
  list: ['notifications', 'list'] as const,
};

export const notificationApi = {
  list: (cursor: string | null, limit = 30) =>
    http.get<NotificationList>('/api/me/notifications', { cursor, limit }),
  markRead: (id: string) =>
    http.post<UnreadCount>(`/api/me/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => http.post<UnreadCount>('/api/me/notifications/read-all'),
};
