/** The manager's "remember to ask" reminders (issue #15): sealed in the author's browser. */
import { z } from 'zod';
import { SealedSchema } from './vault';

/** Base64 of at most `max` characters (shape only; the server never opens it). */
const b64 = (max: number) =>
  z
    .string()
    .min(4)
    .max(max)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/);

/** A reminder as its author's browser seals it: 500 characters at most before sealing. */
const ReminderSealedSchema = SealedSchema.extend({ ciphertext: b64(2_800) });

export const NewReminderSchema = z.strictObject({ sealed: ReminderSealedSchema });
export const ReminderDoneSchema = z.strictObject({ done: z.boolean() });

/** A "remember to ask" reminder, for its author only; the text is sealed. */
export const ReminderSchema = z.object({
  id: z.uuid(),
  /** The meeting it was written in. */
  meetingId: z.uuid(),
  sealed: SealedSchema,
  createdAt: z.iso.datetime(),
  /** When it was ticked off (in the meeting it is shown on); null while open. */
  doneAt: z.iso.datetime().nullable(),
});
export const ReminderListSchema = z.object({ items: z.array(ReminderSchema) });
