import type { FastifyRequest } from 'fastify';
import { isLocale, localeFromAcceptLanguage, type Locale } from '../i18n/index';

/** The language to answer in: the signed-in person's, else the browser's, else Swedish. */
export function requestLocale(request: FastifyRequest): Locale {
  const actor = request.actor;
  if (actor && isLocale(actor.locale)) return actor.locale;
  return localeFromAcceptLanguage(request.headers['accept-language'], 'sv');
}
