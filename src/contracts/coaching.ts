/** Coaching signals (decision 013): the signed-in manager's own. */
import { z } from 'zod';
import { SIGNAL_KEYS } from '../domain/coaching/signals';

const CoachingSignalSchema = z.object({
  key: z.enum(SIGNAL_KEYS),
  /** The report's id, or 'all'. */
  subject: z.string(),
  employeeName: z.string().nullable(),
  value: z.number(),
  numbers: z.record(z.string(), z.number()),
});

export const CoachingSchema = z.object({
  period: z.object({ from: z.iso.datetime(), to: z.iso.datetime(), days: z.number().int() }),
  signals: z.array(CoachingSignalSchema),
  /** How many signals fire but were set aside. */
  dismissed: z.number().int(),
});
