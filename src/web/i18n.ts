/**
 * The web app's i18next: ICU messages, catalogs loaded lazily per language (one small chunk per
 * catalog), the <html lang> attribute kept in step, and the API told which language to answer in.
 */
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { isLocale, localeFromAcceptLanguage, type Locale } from '../i18n/index';
import { setRequestLanguage } from './api';

/**
 * The catalogs every page needs, the sign-in page included. Feature pages load theirs with their
 * chunk (see `page` in app.tsx, the one place they load).
 */
const WEB_NAMESPACES = ['common', 'errors', 'auth'] as const;

/** Catalogs only a signed-in person needs: loaded after sign-in, not on the sign-in page. */
export const SIGNED_IN_NAMESPACES = ['home', 'meetings', 'oneOnOne', 'live'] as const;

// Only the web namespaces become chunks; the literal list must match the two lists above.
const catalogs = import.meta.glob<Record<string, unknown>>(
  '../i18n/locales/*/{common,errors,auth,people,departments,home,settings,meetings,oneOnOne,mailbox,rounds,goals,wellbeing,coaching,conversations,statistics,live,audit,privacy,sso,notifications}.json',
  { import: 'default' },
);

/** The namespaces wanted so far; a language switch loads all of them in the new language. */
const wanted = new Set<string>(WEB_NAMESPACES);

const STORED = 'samtal.locale';

/** Loads the wanted catalogs of `lng`; true when any was new. */
async function ensureLoaded(lng: Locale): Promise<boolean> {
  const added = await Promise.all(
    [...wanted].map(async (ns) => {
      if (i18next.hasResourceBundle(lng, ns)) return false;
      const load = catalogs[`../i18n/locales/${lng}/${ns}.json`];
      i18next.addResourceBundle(lng, ns, load ? await load() : {});
      return true;
    }),
  );
  return added.some(Boolean);
}

/** True when these catalogs are there in the current language. */
export function namespacesLoaded(namespaces: readonly string[]): boolean {
  const lng = i18next.language;
  return namespaces.every((ns) => i18next.hasResourceBundle(lng, ns));
}

/** Loads more catalogs in the current language (and in any language switched to later). */
export async function loadNamespaces(namespaces: readonly string[]): Promise<void> {
  for (const ns of namespaces) wanted.add(ns);
  const lng = isLocale(i18next.language) ? i18next.language : 'en';
  // Mounted components re-read their texts on a language change, even to the same language.
  if (await ensureLoaded(lng)) await i18next.changeLanguage(lng);
}

/** The language before anyone signs in: the one picked here before, else the browser's. */
export function guessLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORED);
    if (isLocale(stored)) return stored;
  } catch {
    // storage may be blocked; the browser's language will do
  }
  return localeFromAcceptLanguage(navigator.languages.join(','), 'en');
}

/** Remembers a language picked on the sign-in page for the next visit. */
export function rememberLocale(lng: Locale): void {
  try {
    localStorage.setItem(STORED, lng);
  } catch {
    // not essential
  }
}

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
  setRequestLanguage(lng);
}

/** Starts i18next in `lng`, with that language's catalogs (and any `extra` ones) loaded. */
export async function initI18n(
  lng: Locale,
  extra: readonly string[] = [],
): Promise<typeof i18next> {
  for (const ns of extra) wanted.add(ns);
  i18next.on('languageChanged', applyLanguage);
  await i18next
    .use(ICU)
    .use(initReactI18next)
    .init({
      lng,
      resources: {},
      partialBundledLanguages: true,
      fallbackLng: false,
      ns: [...WEB_NAMESPACES],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    });
  await ensureLoaded(lng);
  applyLanguage(lng);
  // Catalogs arrived after init; make mounted components re-read them.
  await i18next.changeLanguage(lng);
  return i18next;
}

/** Switches the UI language at once (after its catalogs have loaded). */
export async function switchLanguage(lng: string): Promise<void> {
  const target = isLocale(lng) ? lng : 'en';
  if (i18next.language === target) return;
  await ensureLoaded(target);
  await i18next.changeLanguage(target);
}
