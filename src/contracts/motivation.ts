/** Motivation in the 1:1 (issue #15, seed 002): the employee's 1–5 score per meeting. */
import { z } from 'zod';

export const MotivationInputSchema = z.strictObject({ score: z.int().min(1).max(5) });

export const MotivationSchema = z.object({
  /** This meeting's score; null while not given. */
  score: z.int().min(1).max(5).nullable(),
  /** Whether the caller may set it now (the employee, while the meeting is open or just held). */
  mayScore: z.boolean(),
  /** The series' latest scores up to this meeting, oldest first. */
  trend: z.array(
    z.object({ meetingId: z.uuid(), startsAt: z.iso.datetime(), score: z.int().min(1).max(5) }),
  ),
  /** The last move of the trend; null with fewer than two scores. */
  direction: z.enum(['up', 'down', 'flat']).nullable(),
});
export type Motivation = z.infer<typeof MotivationSchema>;
