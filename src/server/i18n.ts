import type { i18n as I18n, TFunction } from 'i18next';
import { createI18n, type Locale } from '../i18n/index';
import { loadAllCatalogs } from '../i18n/catalogs';

let shared: Promise<I18n> | undefined;

/** The server's one i18next instance, with every catalog loaded once. */
function serverI18n(): Promise<I18n> {
  shared ??= createI18n(loadAllCatalogs(), 'en');
  return shared;
}

/** A translate function fixed to `locale`. */
export async function translator(locale: Locale): Promise<TFunction> {
  return (await serverI18n()).getFixedT(locale);
}
