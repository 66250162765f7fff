import type { Db } from '../../db/client';
import { notificationSettings } from '../../db/schema/index';
import { fieldError } from '../../domain/errors';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  settingsFor,
  type NotificationSettings,
} from '../../domain/notification-settings';
import type { Actor } from '../../domain/roles';
import { calendarRepository } from '../repositories/calendar.repository';
import { touched } from '../repositories/touched';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Each person's own choices about the mail Samtal sends them. */
export function createNotificationSettingsService(db: Db) {
  async function get(actor: Actor): Promise<NotificationSettings> {
    const rows = await calendarRepository.settings(db, actor.orgId, [actor.personId]);
    return settingsFor(rows, actor.personId);
  }
  return {
    get,
    async save(actor: Actor, patch: Partial<NotificationSettings>): Promise<NotificationSettings> {
      for (const k of ['quietStart', 'quietEnd'] as const) {
        const v = patch[k];
        if (v !== undefined && !HHMM.test(v)) throw fieldError(k, 'format');
      }
      const next = { ...DEFAULT_NOTIFICATION_SETTINGS, ...(await get(actor)), ...patch };
      await db
        .insert(notificationSettings)
        .values({ orgId: actor.orgId, personId: actor.personId, ...next })
        .onConflictDoUpdate({
          target: [notificationSettings.orgId, notificationSettings.personId],
          set: touched({ ...next }),
        });
      return next;
    },
  };
}
