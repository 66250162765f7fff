import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import type { Keyset } from '../repositories/mail-outbox.repository';
import { notificationRepository } from '../repositories/notification.repository';
import { systemClock, type Clock } from '../clock';

/**
 * Each person's own in-app notifications (issue #15). Only one's own: every query is by the
 * caller's organisation and person, so someone else's notification is "not found".
 */
export function createNotificationService(db: Db, clock: Clock = systemClock) {
  return {
    async list(actor: Actor, opts: { limit: number; before?: Keyset; unreadOnly?: boolean }) {
      const [rows, unread] = await Promise.all([
        notificationRepository.list(db, actor.orgId, actor.personId, opts),
        notificationRepository.unreadCount(db, actor.orgId, actor.personId),
      ]);
      return { rows, unread };
    },

    unreadCount: (actor: Actor) =>
      notificationRepository.unreadCount(db, actor.orgId, actor.personId),

    /** Marks one read (again: no change); someone else's is "not found". */
    async markRead(actor: Actor, id: string, now = clock.now()) {
      const row = await notificationRepository.markRead(db, actor.orgId, actor.personId, id, now);
      if (!row) throw new AppError('not_found');
      return notificationRepository.unreadCount(db, actor.orgId, actor.personId);
    },

    async markAllRead(actor: Actor, now = clock.now()) {
      await notificationRepository.markAllRead(db, actor.orgId, actor.personId, now);
      return 0;
    },
  };
}
