import type { TFunction } from 'i18next';
import { safeDetails } from '../../domain/audit';
import { toCsv } from '../csv';
import type { AuditRow } from '../repositories/audit.repository';
import { AuditEventDto } from '../../contracts/audit';

/** One audit event for the admin; only the known detail keys go out (domain/audit.ts). */
export function presentAuditEvent(r: AuditRow): AuditEventDto {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    kind: r.action,
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name } : null,
    subject: { type: r.subject_type, id: r.subject_id, name: r.subject_name },
    ip: r.ip,
    details: safeDetails(r.details ?? {}),
  };
}

/**
 * The audit log as CSV (through csv.ts, so no cell is read as a formula): time in UTC (ISO
 * 8601), the kind translated and as a code, who, whom, the address and the details as JSON.
 */
export function auditCsv(rows: AuditRow[], t: TFunction): string {
  const h = (key: string) => t(`audit:csv.${key}`);
  const header = [
    h('time'),
    h('kind'),
    h('kindCode'),
    h('actor'),
    h('actorId'),
    h('subjectType'),
    h('subject'),
    h('subjectId'),
    h('ip'),
    h('details'),
  ];
  const lines = rows.map((r) => {
    const e = presentAuditEvent(r);
    return [
      e.at,
      t(`audit:kind.${e.kind}`, { defaultValue: e.kind }),
      e.kind,
      e.actor?.name ?? '',
      e.actor?.id ?? '',
      e.subject.type,
      e.subject.name ?? '',
      e.subject.id ?? '',
      e.ip ?? '',
      Object.keys(e.details).length ? JSON.stringify(e.details) : '',
    ];
  });
  return toCsv([header, ...lines]);
}
