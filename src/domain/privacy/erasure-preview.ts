import { ERASURE_MAP } from './erasure-map';

/**
 * How the erasure preview (decision 024) groups the tables of ERASURE_MAP for the person who
 * confirms an erasure: what goes (rows the erasure deletes) and what is kept (shared rows that
 * stay with the person shown as "former employee"). Only counts are shown, never content.
 * The tables counted, and how, come from ERASURE_MAP itself, so the preview cannot drift
 * from what the erasure does; a table with a `delete` column that is not named below is
 * counted under `other`.
 */
export const ERASURE_GONE_KINDS = [
  'privateNotes',
  'preparations',
  'mails',
  'meetingDocs',
  'signIns',
  'settings',
  'other',
] as const;
export type ErasureGoneKind = (typeof ERASURE_GONE_KINDS)[number];

export const ERASURE_KEPT_KINDS = [
  'oneOnOnes',
  'checkIns',
  'conversations',
  'goalsAndPlans',
  'salaryOutcomes',
  'auditEntries',
] as const;
export type ErasureKeptKind = (typeof ERASURE_KEPT_KINDS)[number];

export const GONE_KIND: Record<string, ErasureGoneKind> = {
  one_on_one_private_notes: 'privateNotes',
  one_on_one_reflections: 'privateNotes',
  one_on_one_reminders: 'privateNotes',
  conversation_preparations: 'preparations',
  mail_outbox: 'mails',
  meeting_docs: 'meetingDocs',
  meeting_doc_updates: 'meetingDocs',
  sessions: 'signIns',
  password_tokens: 'signIns',
  login_attempts: 'signIns',
  vault_passkeys: 'signIns',
  person_vaults: 'signIns',
  sso_identities: 'signIns',
  sso_transactions: 'signIns',
  scim_identities: 'signIns',
  notification_settings: 'settings',
  notifications: 'settings',
  calendar_feeds: 'settings',
  coaching_dismissals: 'settings',
  access_requests: 'other',
  idempotency_keys: 'other',
};

/** Shared records counted as kept: rows where a `keep` column is the person. */
export const KEPT_KIND: Record<string, ErasureKeptKind> = {
  one_on_one_meetings: 'oneOnOnes',
  check_ins: 'checkIns',
  conversations: 'conversations',
  development_goals: 'goalsAndPlans',
  development_plan_items: 'goalsAndPlans',
  salary_outcomes: 'salaryOutcomes',
  audit_events: 'auditEntries',
};

/** The tables and person columns whose rows the erasure deletes (the generic rules). */
export function deletedColumns(): { table: string; columns: string[] }[] {
  return Object.entries(ERASURE_MAP)
    .filter(([, rule]) => rule.special !== 'person-row')
    .map(([table, rule]) => ({
      table,
      columns: Object.entries(rule.personColumns)
        .filter(([, what]) => what === 'delete')
        .map(([column]) => column),
    }))
    .filter((t) => t.columns.length > 0);
}

/** The tables counted as kept, with their `keep` columns. */
export function keptColumns(): { table: string; kind: ErasureKeptKind; columns: string[] }[] {
  return Object.entries(KEPT_KIND).map(([table, kind]) => ({
    table,
    kind,
    columns: Object.entries(ERASURE_MAP[table]?.personColumns ?? {})
      .filter(([, what]) => what === 'keep')
      .map(([column]) => column),
  }));
}

export type ErasurePreview = {
  gone: { kind: ErasureGoneKind; count: number }[];
  kept: { kind: ErasureKeptKind; count: number }[];
};

/** Adds per-table counts up into the kinds, in a fixed order, every kind present. */
export function groupPreview(
  gone: { table: string; count: number }[],
  kept: { kind: ErasureKeptKind; count: number }[],
): ErasurePreview {
  const g = new Map<ErasureGoneKind, number>(ERASURE_GONE_KINDS.map((k) => [k, 0]));
  for (const row of gone) {
    const kind = GONE_KIND[row.table] ?? 'other';
    g.set(kind, (g.get(kind) ?? 0) + row.count);
  }
  const k = new Map<ErasureKeptKind, number>(ERASURE_KEPT_KINDS.map((x) => [x, 0]));
  for (const row of kept) k.set(row.kind, (k.get(row.kind) ?? 0) + row.count);
  return {
    gone: ERASURE_GONE_KINDS.map((kind) => ({ kind, count: g.get(kind) ?? 0 })),
    kept: ERASURE_KEPT_KINDS.map((kind) => ({ kind, count: k.get(kind) ?? 0 })),
  };
}
