import type { z } from 'zod';
import type { ReminderSchema } from '../../contracts/reminders';
import type { ReminderRow } from '../repositories/one-on-one-reminder.repository';

export function presentReminder(r: ReminderRow): z.infer<typeof ReminderSchema> {
  return {
    id: r.id,
    meetingId: r.meetingId,
    sealed: { ciphertext: r.ciphertext, iv: r.iv, keyVersion: r.keyVersion },
    createdAt: r.createdAt.toISOString(),
    doneAt: r.doneAt?.toISOString() ?? null,
  };
}
