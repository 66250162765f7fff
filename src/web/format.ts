/** Dates and numbers with Intl, in the person's language and time zone. */

import { intlLocale } from '../i18n/index';

export { intlLocale };

/** A formatter bound to a language and a time zone. */
export function formatter(lng: string, timeZone: string | undefined) {
  const locale = intlLocale(lng);
  const tz = timeZone ? { timeZone } : {};
  const dateTimeFmt = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...tz,
  });
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...tz });
  const numberFmt = new Intl.NumberFormat(locale);
  // A calendar day (a due date, "2027-03-01") is the same day in every zone.
  const dayFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    dateTime: (iso: string | Date) => dateTimeFmt.format(new Date(iso)),
    date: (iso: string | Date) => dateFmt.format(new Date(iso)),
    /** A calendar day given as YYYY-MM-DD, never shifted by a time zone. */
    day: (ymd: string) => dayFmt.format(new Date(`${ymd.slice(0, 10)}T12:00:00Z`)),
    number: (n: number) => numberFmt.format(n),
  };
}

/** The UTC offset of a zone right now, like "UTC+01:00", to show beside its name. */
export function zoneOffset(timeZone: string, at = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    const v = part?.value ?? 'GMT';
    return v === 'GMT' ? 'UTC' : v.replace('GMT', 'UTC');
  } catch {
    return '';
  }
}
