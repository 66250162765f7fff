import type { Db, DbOrTx } from '../../db/client';
import type { AuditKind } from '../../domain/audit';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { authorize } from '../policies/index';
import {
  auditRepository,
  type AuditEntry,
  type AuditFilter,
  type AuditRow,
} from '../repositories/audit.repository';

/** An audit entry for something `actor` did in this request (organisation, actor, address). */
export function auditBy(
  actor: Actor,
  e: {
    action: AuditKind;
    subjectType: string;
    subjectId?: string | null;
    details?: Record<string, unknown>;
  },
): AuditEntry {
  return { orgId: actor.orgId, actorId: actor.personId, ip: actor.ip ?? null, ...e };
}

/** Records that `actor` did something (in `db`, or the caller's transaction). */
export function recordAudit(db: DbOrTx, actor: Actor, e: Parameters<typeof auditBy>[1]) {
  return auditRepository.record(db, auditBy(actor, e));
}

/**
 * Every export of data out of Samtal is recorded through here: what was exported and how
 * many rows, never the data. The statistics CSV and the audit CSV use it; later data exports
 * (GDPR) call it too.
 */
export function recordExport(
  db: DbOrTx,
  actor: Actor,
  what: 'statistics' | 'audit',
  details: Record<string, unknown> = {},
) {
  return recordAudit(db, actor, {
    action: `export.${what}`,
    subjectType: 'organisation',
    subjectId: actor.orgId,
    details: { format: 'csv', ...details },
  });
}

/** The largest CSV the audit log exports at once; narrower filters fetch the rest. */
const AUDIT_EXPORT_MAX_ROWS = 100_000;
const EXPORT_CHUNK = 5_000;

/** The admin's reading of the audit log. Nobody may change or remove an entry (decision 016). */
export function createAuditService(db: Db) {
  return {
    async page(actor: Actor, filter: AuditFilter): Promise<AuditRow[]> {
      authorize(actor, { do: 'audit.read', orgId: actor.orgId });
      return auditRepository.page(db, actor.orgId, filter);
    },

    /**
     * Every event matching the filter (at most AUDIT_EXPORT_MAX_ROWS, else a translated error
     * asking for narrower filters), read in pages; the export itself is recorded.
     */
    async exportRows(actor: Actor, filter: Omit<AuditFilter, 'limit' | 'before'>) {
      authorize(actor, { do: 'audit.read', orgId: actor.orgId });
      const rows: AuditRow[] = [];
      let before: AuditFilter['before'];
      for (;;) {
        const chunk = await auditRepository.page(db, actor.orgId, {
          ...filter,
          before,
          limit: EXPORT_CHUNK,
        });
        rows.push(...chunk);
        if (rows.length > AUDIT_EXPORT_MAX_ROWS) {
          throw new AppError('audit.export_too_large', { max: AUDIT_EXPORT_MAX_ROWS });
        }
        const last = chunk[chunk.length - 1];
        if (chunk.length < EXPORT_CHUNK || !last) break;
        before = { at: last.at_key, id: last.id };
      }
      await recordExport(db, actor, 'audit', { rows: rows.length });
      return rows;
    },
  };
}
