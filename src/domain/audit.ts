/**
 * Every kind of event in the audit log (decision 016). Each has a label in the `audit` catalog
 * (`kind.<kind>`); the admin's filter offers these. An event records who, whom, when and from
 * where, never what was written.
 */
export const AUDIT_KINDS = [
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.invitation_created',
  'auth.reset_sent',
  'auth.password_changed',
  'session.revoked',
  'role.granted',
  'role.removed',
  'person.created',
  'person.updated',
  'person.email_changed',
  'person.deactivated',
  'person.reactivated',
  'people.imported',
  'department.created',
  'department.updated',
  'department.deleted',
  'organisation.updated',
  'export.statistics',
  'export.audit',
  'export.personal_data',
  'privacy.access_requested',
  'privacy.export_link_sent',
  'privacy.export_link_used',
  'person.erased',
  'retention.updated',
  'retention.applied',
  'salary.outcome_read',
  'salary.outcomes_listed',
  'round.opened',
  'round.closed',
  'round.reopened',
  'conversation.created',
  'template.created',
  'template.updated',
  'template.archived',
  'template.restored',
  'template.imported',
  'oneOnOneTemplate.created',
  'oneOnOneTemplate.updated',
  'oneOnOneTemplate.archived',
  'mail.retried',
  'vault.created',
  'vault.passphrase_changed',
  'scim.token_created',
  'scim.token_revoked',
  'scim.settings_updated',
  'vault.passkey_added',
  'vault.passkey_removed',
  'sso.provider_created',
  'sso.provider_updated',
  'sso.provider_deleted',
  'sso.provider_tested',
  'sso.required_on',
  'sso.required_off',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export function isAuditKind(value: string): value is AuditKind {
  return (AUDIT_KINDS as readonly string[]).includes(value);
}

/**
 * The details an event may carry, and nothing else: small facts that explain the event (which
 * role, which fields changed, how many rows) and never a name, a text or an answer. The
 * presenter passes only these keys on.
 */
const AUDIT_DETAIL_KEYS = [
  'role',
  'fields',
  'reason',
  'source',
  'count',
  'created',
  'updated',
  'unchanged',
  'departmentsCreated',
  'total',
  'kind',
  'by',
  'how',
  'device',
  'format',
  'rows',
  'period',
  'mail',
  'deleted',
  'scrubbed',
  'erased',
  'meetings',
  'leaversAfterDays',
  'contentAfterDays',
  // Retention per kind (decision 024): days chosen (retention.updated), counts cleared (applied).
  'notesAfterDays',
  'checkInsAfterDays',
  'developmentAfterDays',
  'salaryAfterDays',
  'privateAfterDays',
  'auditAfterDays',
  'notes',
  'checkIns',
  'development',
  'salary',
  'private',
  'audit',
  'country',
  'provider',
  'enabled',
  // A leaver's mailed download link (decision 024): the address masked, never whole.
  'to',
  'expiresAt',
] as const;

/** Keeps only the allowed detail keys, with scalar or string-list values. */
export function safeDetails(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of AUDIT_DETAIL_KEYS) {
    const v = details[key];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[key] = v;
  }
  return out;
}
