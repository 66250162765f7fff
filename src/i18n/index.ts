import i18next, { type i18n as I18n, type Resource } from 'i18next';
import ICU from 'i18next-icu';

/** The locales Samtal speaks, and the language each is shown as in a picker. */
export const LOCALES = ['sv', 'da', 'nb', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_NAMES: Record<Locale, string> = {
  sv: 'Svenska',
  da: 'Dansk',
  nb: 'Norsk bokmål',
  en: 'English',
};
export const NAMESPACES = [
  'common',
  'errors',
  'auth',
  'people',
  'departments',
  'import',
  'home',
  'settings',
  'mail',
  'oneOnOne',
  'meetings',
  'mailbox',
  'conversations',
  'rounds',
  'statistics',
  'wellbeing',
  'coaching',
  'goals',
  'live',
  'account',
  'audit',
  'privacy',
  'sso',
  'notifications',
] as const;

/** True when `value` is one of our locales. */
/** The Intl locale for each language (English with day-month-year, as read in the Nordics). */
const INTL_LOCALES: Record<Locale, string> = {
  sv: 'sv-SE',
  da: 'da-DK',
  nb: 'nb-NO',
  en: 'en-GB',
};

/** The Intl locale for a language; an unknown one is passed on as it is. */
export function intlLocale(lng: string): string {
  return isLocale(lng) ? INTL_LOCALES[lng] : lng;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks our best locale for an Accept-Language header. Norwegian is asked for as nb, no or nn;
 * all three get Bokmål.
 */
export function localeFromAcceptLanguage(header: string | undefined, fallback: Locale): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (base === 'no' || base === 'nn' || base === 'nb') return 'nb';
    if (isLocale(base)) return base;
  }
  return fallback;
}

/** Builds an i18next instance with ICU message syntax over the given resources. */
export async function createI18n(resources: Resource, lng: Locale): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(ICU).init({
    resources,
    lng,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
