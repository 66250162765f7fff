import { parse, type Filter } from 'scim2-parse-filter';
import { AppError } from '../errors';
import { URN } from './schemas';

/** One way of finding users that a SCIM filter asks for. */
export type UserLookup =
  { by: 'userName' | 'externalId' | 'id' | 'email'; value: string } | { by: 'none' };

/** Parses a filter, or refuses it as `invalidFilter`. Never throws anything else. */
export function parseFilter(text: string): Filter {
  try {
    return parse(text);
  } catch {
    throw new AppError('scim.invalid_filter');
  }
}

/** An attribute path without the core schema's URN, lower-cased (names are case-insensitive). */
function attributeName(path: string): string {
  const lower = path.toLowerCase();
  const core = `${URN.user.toLowerCase()}:`;
  return lower.startsWith(core) ? lower.slice(core.length) : lower;
}

/** True when a value filter on `emails` selects Samtal's one (work, primary) address. */
export function selectsWorkEmail(f: Filter): boolean {
  if (f.op === 'and') return f.filters.every(selectsWorkEmail);
  if (f.op !== 'eq') return false;
  const attr = attributeName(f.attrPath);
  if (attr === 'type')
    return typeof f.compValue === 'string' && f.compValue.toLowerCase() === 'work';
  if (attr === 'primary')
    return f.compValue === true || String(f.compValue).toLowerCase() === 'true';
  return false;
}

const LOOKUPS: Record<string, 'userName' | 'externalId' | 'id' | 'email'> = {
  username: 'userName',
  externalid: 'externalId',
  id: 'id',
  'emails.value': 'email',
  emails: 'email',
};

/**
 * What a `GET /Users?filter=…` asks for. Samtal answers the filters identity providers send
 * when provisioning: `userName eq`, `externalId eq`, `id eq`, `emails.value eq` and
 * `emails[type eq "work"].value eq`; anything else is `invalidFilter` (RFC 7644 3.4.2.2
 * lets a provider refuse a combination it does not support).
 */
export function userLookup(text: string | undefined): UserLookup {
  if (text === undefined || text.trim() === '') return { by: 'none' };
  const f = parseFilter(text);
  // emails[type eq "work"].value eq "x" arrives as: emails[type eq "work"] and emails.value eq "x".
  if (f.op === 'and' && f.filters.length === 2) {
    const [guard, compare] = f.filters;
    if (
      guard?.op === '[]' &&
      attributeName(guard.attrPath) === 'emails' &&
      selectsWorkEmail(guard.valFilter) &&
      compare?.op === 'eq' &&
      attributeName(compare.attrPath) === 'emails.value' &&
      typeof compare.compValue === 'string'
    )
      return { by: 'email', value: compare.compValue };
  }
  if (f.op === 'eq' && typeof f.compValue === 'string') {
    const by = LOOKUPS[attributeName(f.attrPath)];
    if (by) return { by, value: f.compValue };
  }
  throw new AppError('scim.invalid_filter');
}
