import { z } from 'zod';
import { ROLES, type Role } from '../roles';
import { isValidTimeZone } from '../time-zone';
import type { IssueCode } from './issues';

/** The languages a person can have, as stored. */
export type ImportLocale = 'sv' | 'da' | 'nb' | 'en';

/** Longest values we accept, the same as the people register's form. */
export const MAX = { name: 200, email: 320, employeeNumber: 64, jobTitle: 200, unit: 200 };

/** A cell's value, or the catalog code (and parameters) of what is wrong with it. */
export type Parsed<T> =
  { ok: true; value: T } | { ok: false; code: IssueCode; params?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (code: IssueCode, params?: Record<string, string | number>): Parsed<never> => ({
  ok: false,
  code,
  ...(params ? { params } : {}),
});

/** Trims, composes and collapses runs of white space (Excel keeps stray double spaces). */
function cleanText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const emailSchema = z.email();

export function parseEmail(raw: string): Parsed<string> {
  const email = raw.trim().toLowerCase();
  if (!email) return bad('email.required');
  if (email.length > MAX.email) return bad('too_long', { max: MAX.email });
  if (!emailSchema.safeParse(email).success) return bad('email.invalid', { value: raw.trim() });
  return ok(email);
}

export function parseName(raw: string): Parsed<string> {
  const name = cleanText(raw);
  if (!name) return bad('name.required');
  if (name.length > MAX.name) return bad('too_long', { max: MAX.name });
  return ok(name);
}

/** Optional free text (job title, employee number): empty is null. */
export function parseOptionalText(raw: string, max: number): Parsed<string | null> {
  const text = cleanText(raw);
  if (!text) return ok(null);
  if (text.length > max) return bad('too_long', { max });
  return ok(text);
}

/**
 * A department path, units separated by " / " (a slash with space on both sides, so a unit
 * may itself be called "HR/Lön"). Returns the units from the top; empty is null.
 */
export function parseDepartmentPath(raw: string): Parsed<string[] | null> {
  const text = raw.trim();
  if (!text) return ok(null);
  // A separator is a slash with white space (or the end of the text) on both sides.
  const units = text.split(/(?<=^|\s)\/(?=\s|$)/).map(cleanText);
  if (units.some((u) => u === '')) return bad('department.empty_unit');
  if (units.some((u) => u.length > MAX.unit)) return bad('too_long', { max: MAX.unit });
  return ok(units);
}

const LOCALE_WORDS: Record<string, ImportLocale> = {
  sv: 'sv',
  swe: 'sv',
  svenska: 'sv',
  swedish: 'sv',
  da: 'da',
  dan: 'da',
  dansk: 'da',
  danish: 'da',
  nb: 'nb',
  no: 'nb',
  nn: 'nb',
  nob: 'nb',
  nno: 'nb',
  nor: 'nb',
  norsk: 'nb',
  bokmål: 'nb',
  norwegian: 'nb',
  en: 'en',
  eng: 'en',
  english: 'en',
  engelska: 'en',
  engelsk: 'en',
};

/** sv, da, nb or en; "no"/"nn" and region tags ("sv-SE", "nb_NO") are understood. */
export function parseLocale(raw: string): Parsed<ImportLocale | null> {
  const text = raw.trim().toLowerCase();
  if (!text) return ok(null);
  const locale = LOCALE_WORDS[text] ?? LOCALE_WORDS[text.split(/[-_]/)[0] ?? ''];
  return locale ? ok(locale) : bad('locale.invalid', { value: raw.trim() });
}

/** Zones already looked at: checking one builds an Intl formatter, too slow for every row. */
const zones = new Map<string, string | null>();

/** An IANA time zone, spelled the standard way ("europe/oslo" becomes "Europe/Oslo"). */
export function parseTimeZone(raw: string): Parsed<string | null> {
  const text = raw.trim();
  if (!text) return ok(null);
  let zone = zones.get(text);
  if (zone === undefined) {
    zone = isValidTimeZone(text) ? (canonicalSpelling().get(text.toLowerCase()) ?? text) : null;
    if (zones.size < 1000) zones.set(text, zone);
  }
  return zone ? ok(zone) : bad('time_zone.invalid', { value: text });
}

let spelling: Map<string, string> | undefined;
function canonicalSpelling(): Map<string, string> {
  spelling ??= new Map(Intl.supportedValuesOf('timeZone').map((z) => [z.toLowerCase(), z]));
  return spelling;
}

/** Roles separated by "|" or "," (or ";"), any case; empty is no roles. */
export function parseRoles(raw: string): Parsed<Role[]> {
  const words = raw
    .split(/[|,;]/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  const unknown = words.filter((w) => !(ROLES as readonly string[]).includes(w));
  if (unknown.length) return bad('roles.invalid', { value: unknown.join(', ') });
  return ok(ROLES.filter((r) => words.includes(r)));
}
