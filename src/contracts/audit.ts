/** The audit log (administrators): an event as shown, and the page's filters. */
import { z } from 'zod';
import { AUDIT_KINDS } from '../domain/audit';

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

/** The filters of the admin's audit page; the CSV export takes the same. */
export const AuditQuerySchema = z.object({
  /** Events this person did, or that were done to them. */
  person: z.uuid().optional(),
  kind: z.enum(AUDIT_KINDS).optional(),
  /** First and last day of the period, in the viewer's time zone (both included). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
