import { Temporal } from 'temporal-polyfill';
import { intlLocale } from '../../i18n/index';

/** "tisdag 24 mars 2026 09:00" in the reader's language and time zone. */
export function formatWhen(at: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(at);
}

/** A local date in the reader's language ("24 mars 2026"). */
export function formatLocalDate(date: string, locale: string): string {
  const d = Temporal.PlainDate.from(date);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(d.year, d.month - 1, d.day)));
}

/** A local "HH:MM" written the reader's way (Danish and Norwegian: 09.00). */
export function formatLocalTime(time: string, locale: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2000, 0, 1, h, m)));
}
