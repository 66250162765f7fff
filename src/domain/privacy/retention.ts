/**
 * Retention of personal data (decision 024): how long a leaver's data and each kind of
 * conversation data are kept. Defaults per country; the organisation may change each kind
 * within bounds, or leave it empty to follow its country's default.
 */
export const RETENTION_COUNTRIES = ['SE', 'DK', 'NO', 'OTHER'] as const;
export type RetentionCountry = (typeof RETENTION_COUNTRIES)[number];

/**
 * The kinds of data kept for a time after the meeting they belong to:
 * - notes: 1:1 shared notes, minutes and live documents;
 * - checkIns: check-in comments (the scores stay);
 * - development: development conversations: preparations, agreements, goals and plans;
 * - salary: salary outcomes;
 * - private: private notes and reflections;
 * - audit: the audit log (counted from the event).
 */
export const RETENTION_KINDS = [
  'notes',
  'checkIns',
  'development',
  'salary',
  'private',
  'audit',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** The settings field of a kind, e.g. `notesAfterDays`. */
export type RetentionKindField = `${RetentionKind}AfterDays`;
export const kindField = (k: RetentionKind): RetentionKindField => `${k}AfterDays`;
export const RETENTION_KIND_FIELDS = RETENTION_KINDS.map(kindField);

export type RetentionDays = { leaversAfterDays: number } & Record<RetentionKindField, number>;

/** What an organisation chose: a kind left null follows the country's default. */
export type Retention = { country: RetentionCountry; leaversAfterDays: number } & Record<
  RetentionKindField,
  number | null
>;

const Y = 365;
/**
 * The defaults, reasoned in decision 024: leavers long enough to answer a claim about the
 * employment (Sweden 2 years, Denmark 5 years after Datatilsynet's guidance on personnel files,
 * Norway 3 years, the general limitation period); salary outcomes as long as payroll records
 * (Swedish bokföringslagen 7 years, Danish and Norwegian bookkeeping acts 5 years); the audit
 * log 2 years; private notes, the shortest, 1 year.
 */
export const RETENTION_DEFAULTS: Record<RetentionCountry, RetentionDays> = {
  SE: {
    leaversAfterDays: 2 * Y,
    notesAfterDays: 3 * Y,
    checkInsAfterDays: 2 * Y,
    developmentAfterDays: 3 * Y,
    salaryAfterDays: 7 * Y,
    privateAfterDays: Y,
    auditAfterDays: 2 * Y,
  },
  DK: {
    leaversAfterDays: 5 * Y,
    notesAfterDays: 3 * Y,
    checkInsAfterDays: 2 * Y,
    developmentAfterDays: 5 * Y,
    salaryAfterDays: 5 * Y,
    privateAfterDays: Y,
    auditAfterDays: 2 * Y,
  },
  NO: {
    leaversAfterDays: 3 * Y,
    notesAfterDays: 3 * Y,
    checkInsAfterDays: 2 * Y,
    developmentAfterDays: 3 * Y,
    salaryAfterDays: 5 * Y,
    privateAfterDays: Y,
    auditAfterDays: 2 * Y,
  },
  OTHER: {
    leaversAfterDays: 2 * Y,
    notesAfterDays: 3 * Y,
    checkInsAfterDays: 2 * Y,
    developmentAfterDays: 3 * Y,
    salaryAfterDays: 5 * Y,
    privateAfterDays: Y,
    auditAfterDays: 2 * Y,
  },
};

/** Bounds an organisation may choose within: at least a month, at most ten years. */
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3650;

/** The country whose defaults an organisation starts from, by its default language. */
export function countryOfLocale(locale: string): RetentionCountry {
  if (locale === 'sv') return 'SE';
  if (locale === 'da') return 'DK';
  if (locale === 'nb') return 'NO';
  return 'OTHER';
}

/** The defaults of a country: leavers set, every kind following the country (null). */
export function defaultRetention(country: RetentionCountry): Retention {
  const kinds = Object.fromEntries(RETENTION_KIND_FIELDS.map((f) => [f, null])) as Record<
    RetentionKindField,
    null
  >;
  return { country, leaversAfterDays: RETENTION_DEFAULTS[country].leaversAfterDays, ...kinds };
}

/** The days in force: each kind as chosen, or its country's default where left empty. */
export function effectiveRetention(r: Retention): RetentionDays {
  const d = RETENTION_DEFAULTS[r.country];
  const out = { leaversAfterDays: r.leaversAfterDays } as RetentionDays;
  for (const f of RETENTION_KIND_FIELDS) out[f] = r[f] ?? d[f];
  return out;
}

/** The instant before which something kept `days` days has expired. */
export function cutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/** Per kind, the instant before which its data has expired. */
export function retentionCutoffs(now: Date, r: Retention): Record<RetentionKind, Date> {
  const days = effectiveRetention(r);
  return Object.fromEntries(
    RETENTION_KINDS.map((k) => [k, cutoff(now, days[kindField(k)])]),
  ) as Record<RetentionKind, Date>;
}
