/** Sealing what was written before the vault (decision 018): what is left to seal, and how many. */
import { z } from 'zod';
import { ReflectionTopicSchema } from './one-on-ones';

export const UnsealedNotesSchema = z.object({
  items: z.array(
    z.object({ id: z.uuid(), meetingId: z.uuid(), body: z.string(), version: z.int() }),
  ),
  reflections: z.array(
    z.object({
      id: z.uuid(),
      meetingId: z.uuid(),
      topics: z.array(ReflectionTopicSchema),
      notes: z.string(),
    }),
  ),
});

export const SealingStatusSchema = z.object({
  peopleWithUnsealedNotes: z.int(),
  peopleWithVault: z.int(),
});
