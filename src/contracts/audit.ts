import { z } from 'zod';

export const AuditEventSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  kind: z.string(),
  actor: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  subject: z.object({ type: z.string(), id: z.uuid().nullable(), name: z.string().nullable() }),
  ip: z.string().nullable(),
  /** Small facts about the event (which role, which fields); never content. */
  details: z.record(z.string(), z.unknown()),
});

export type AuditEventDto = z.infer<typeof AuditEventSchema>;
