/**
 * Retention of personal data (decision 024): how long a leaver's data and old conversation
 * content are kept. Defaults per country; the organisation may change them within bounds.
 */
export const RETENTION_COUNTRIES = ['SE', 'DK', 'NO', 'OTHER'] as const;
export type RetentionCountry = (typeof RETENTION_COUNTRIES)[number];

export type Retention = {
  country: RetentionCountry;
  /** Days after deactivation before a leaver is erased. */
  leaversAfterDays: number;
  /** Days after a meeting before its content (notes, minutes, reflections) is deleted. */
  contentAfterDays: number;
};

/**
 * The defaults, reasoned in decision 024: long enough to answer a claim about the employment
 * (Sweden 2 years, Denmark 5 years in line with Datatilsynet's guidance on personnel files,
 * Norway 3 years, the general limitation period), and conversation content kept 3 years.
 */
export const RETENTION_DEFAULTS: Record<RetentionCountry, Omit<Retention, 'country'>> = {
  SE: { leaversAfterDays: 730, contentAfterDays: 1095 },
  DK: { leaversAfterDays: 1825, contentAfterDays: 1095 },
  NO: { leaversAfterDays: 1095, contentAfterDays: 1095 },
  OTHER: { leaversAfterDays: 730, contentAfterDays: 1095 },
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

/** The defaults of a country. */
export function defaultRetention(country: RetentionCountry): Retention {
  return { country, ...RETENTION_DEFAULTS[country] };
}

/** The instant before which something kept `days` days has expired. */
export function cutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
