import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client';
import { auditEvents } from '../../db/schema/index';

/** Records who changed master data. Never given conversation content. */
export const auditRepository = {
  async record(
    db: DbOrTx,
    e: {
      orgId: string;
      actorId: string | null;
      action: string;
      subjectType: string;
      subjectId?: string | null;
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
    await db.insert(auditEvents).values({
      orgId: e.orgId,
      id: randomUUID(),
      actorId: e.actorId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId ?? null,
      details: e.details ?? {},
    });
  },
};
