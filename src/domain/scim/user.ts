import type { Filter } from 'scim2-parse-filter';
import { AppError } from '../errors';
import { parseFilter, selectsWorkEmail } from './filter';
import { URN } from './schemas';

/**
 * A SCIM User as Samtal holds it: the attributes it keeps, flat. Everything a provider sends
 * (POST, PUT, each PATCH operation) is applied to this state; the service then writes the
 * difference through the same people service HR's form uses.
 */
export type UserState = {
  userName: string | null;
  externalId: string | null;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  formatted: string | null;
  email: string | null;
  title: string | null;
  employeeNumber: string | null;
  department: string | null;
  /** The manager reference as the provider sent it: a SCIM id or an externalId. */
  manager: string | null;
  active: boolean;
  preferredLanguage: string | null;
  timezone: string | null;
};
export type UserAttribute = keyof UserState;

/** A state being changed, and which attributes the request touched. */
export type UserChange = { state: UserState; changed: Set<UserAttribute> };

export function emptyUser(): UserState {
  return {
    userName: null,
    externalId: null,
    displayName: null,
    givenName: null,
    familyName: null,
    formatted: null,
    email: null,
    title: null,
    employeeNumber: null,
    department: null,
    manager: null,
    active: true,
    preferredLanguage: null,
    timezone: null,
  };
}

type Op = 'add' | 'replace' | 'remove';
/** Strict: a PATCH, where an unknown attribute is `invalidPath`; a POST/PUT body ignores it. */
type Mode = { strict: boolean };

/** Core attributes Samtal does not keep: taken and left aside, so default mappings work. */
const IGNORED = new Set([
  'nickname',
  'profileurl',
  'usertype',
  'locale',
  'phonenumbers',
  'addresses',
  'photos',
  'ims',
  'x509certificates',
  'entitlements',
  'password',
  'name.middlename',
  'name.honorificprefix',
  'name.honorificsuffix',
]);
const IGNORED_ENTERPRISE = new Set(['organization', 'division', 'costcenter']);
/** Attributes the provider may not change (RFC 7643: readOnly). */
const READ_ONLY = new Set(['id', 'meta', 'groups', 'schemas']);

const invalidValue = (attribute: string) => new AppError('scim.invalid_value', { attribute });

function set(c: UserChange, attr: UserAttribute, value: UserState[UserAttribute]): void {
  (c.state as Record<UserAttribute, unknown>)[attr] = value;
  c.changed.add(attr);
}

/** A single text value: a string (trimmed; empty is null), a number, or null. */
function text(value: unknown, attribute: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw invalidValue(attribute);
  const t = value.trim();
  return t === '' ? null : t;
}

/** A boolean, also as Entra ID sends it: the strings "True" and "False". */
function bool(value: unknown, attribute: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  throw invalidValue(attribute);
}

/** A reference (`manager`): "id", {value: "id"} or [{value: "id"}]; empty means none. */
function reference(value: unknown, attribute: string): string | null {
  if (Array.isArray(value)) return value.length === 0 ? null : reference(value[0], attribute);
  if (value !== null && typeof value === 'object') {
    const v = (value as Record<string, unknown>).value;
    return v === undefined ? null : text(v, attribute);
  }
  return text(value, attribute);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The address among `emails` Samtal keeps: the primary one, else the work one, else the first. */
function emailFrom(value: unknown): string | null {
  if (value === null) return null;
  const list = Array.isArray(value) ? value : [value];
  if (!list.every(isObject)) throw invalidValue('emails');
  const pick =
    list.find((e) => e.primary === true || String(e.primary).toLowerCase() === 'true') ??
    list.find((e) => String(e.type).toLowerCase() === 'work') ??
    list[0];
  return pick ? text(pick.value, 'emails') : null;
}

/** A PATCH path, split: attribute, optional value filter, optional sub-attribute. */
export type PatchPath = {
  schema: 'core' | 'enterprise';
  attr: string;
  filter?: Filter;
  sub?: string;
};

const PATH = /^([a-z][\w$-]*)(?:\[(.+)\])?(?:\.([a-z][\w$-]*))?$/i;

/** Reads a PATCH path (RFC 7644 3.5.2), or refuses it as `invalidPath`. */
export function parsePath(raw: string): PatchPath {
  const lower = raw.trim().toLowerCase();
  const ent = URN.enterprise.toLowerCase();
  let schema: PatchPath['schema'] = 'core';
  let rest = raw.trim();
  if (lower === ent) return { schema: 'enterprise', attr: '' };
  if (lower.startsWith(`${ent}:`)) {
    schema = 'enterprise';
    rest = rest.slice(ent.length + 1);
  } else if (lower.startsWith(`${URN.user.toLowerCase()}:`)) {
    rest = rest.slice(URN.user.length + 1);
  }
  const m = PATH.exec(rest);
  if (!m) throw new AppError('scim.invalid_path', { path: raw });
  let filter: Filter | undefined;
  if (m[2] !== undefined) {
    try {
      filter = parseFilter(m[2]);
    } catch {
      throw new AppError('scim.invalid_path', { path: raw });
    }
  }
  return {
    schema,
    attr: m[1]!.toLowerCase(),
    ...(filter ? { filter } : {}),
    ...(m[3] ? { sub: m[3].toLowerCase() } : {}),
  };
}

/** Applies one enterprise-extension attribute. */
function applyEnterprise(c: UserChange, p: PatchPath, op: Op, value: unknown, mode: Mode): void {
  const v = op === 'remove' ? null : value;
  const key = p.sub ? `${p.attr}.${p.sub}` : p.attr;
  if (key === '') {
    if (op === 'remove') {
      for (const a of ['employeeNumber', 'department', 'manager'] as const) set(c, a, null);
      return;
    }
    if (!isObject(value)) throw invalidValue(URN.enterprise);
    for (const [k, inner] of Object.entries(value))
      applyEnterprise(c, { schema: 'enterprise', ...splitName(k) }, op, inner, mode);
    return;
  }
  if (key === 'employeenumber') return set(c, 'employeeNumber', text(v, 'employeeNumber'));
  if (key === 'department') return set(c, 'department', text(v, 'department'));
  if (key === 'manager' || key === 'manager.value')
    return set(c, 'manager', reference(v, 'manager'));
  if (IGNORED_ENTERPRISE.has(p.attr) || key === 'manager.displayname') return;
  if (mode.strict) throw new AppError('scim.invalid_path', { path: `${URN.enterprise}:${key}` });
}

function splitName(k: string): { attr: string; sub?: string } {
  const [attr, sub] = k.toLowerCase().split('.', 2);
  return sub ? { attr: attr!, sub } : { attr: attr! };
}

/** Applies one core attribute (a path without filter, or `emails[…]`). */
function applyCore(c: UserChange, p: PatchPath, op: Op, value: unknown, mode: Mode): void {
  const key = p.sub && !p.filter ? `${p.attr}.${p.sub}` : p.attr;
  const v = op === 'remove' ? null : value;
  if (key === 'roles') {
    // Roles are granted in Samtal only (decision 016); an empty list is no request for any.
    if (op !== 'remove' && !(Array.isArray(value) && value.length === 0))
      throw new AppError('scim.roles');
    return;
  }
  if (READ_ONLY.has(p.attr)) {
    if (mode.strict) throw new AppError('scim.mutability', { attribute: p.attr });
    return;
  }
  if (key === 'emails' || key === 'emails.value') {
    if (p.filter && !selectsWorkEmail(p.filter)) return; // other addresses are not kept
    if (p.filter && p.sub && p.sub !== 'value') return; // type, primary, display
    if (p.filter && p.sub === 'value') return set(c, 'email', text(v, 'emails'));
    if (p.filter) return set(c, 'email', v === null ? null : emailFrom(v));
    if (key === 'emails.value') return set(c, 'email', text(v, 'emails'));
    return set(c, 'email', emailFrom(v));
  }
  if (p.filter) {
    if (IGNORED.has(p.attr)) return;
    throw new AppError('scim.invalid_path', { path: p.attr });
  }
  switch (key) {
    case 'username':
      return set(c, 'userName', text(v, 'userName'));
    case 'externalid':
      return set(c, 'externalId', text(v, 'externalId'));
    case 'displayname':
      return set(c, 'displayName', text(v, 'displayName'));
    case 'name':
      if (v === null) {
        for (const a of ['givenName', 'familyName', 'formatted'] as const) set(c, a, null);
        return;
      }
      if (!isObject(v)) throw invalidValue('name');
      for (const [k, inner] of Object.entries(v))
        applyCore(c, { schema: 'core', attr: 'name', sub: k.toLowerCase() }, op, inner, mode);
      return;
    case 'name.givenname':
      return set(c, 'givenName', text(v, 'name.givenName'));
    case 'name.familyname':
      return set(c, 'familyName', text(v, 'name.familyName'));
    case 'name.formatted':
      return set(c, 'formatted', text(v, 'name.formatted'));
    case 'title':
      return set(c, 'title', text(v, 'title'));
    case 'active':
      if (op === 'remove') throw invalidValue('active');
      return set(c, 'active', bool(v, 'active'));
    case 'preferredlanguage':
      return set(c, 'preferredLanguage', text(v, 'preferredLanguage'));
    case 'timezone':
      return set(c, 'timezone', text(v, 'timezone'));
  }
  if (IGNORED.has(key) || IGNORED.has(p.attr)) return;
  if (mode.strict) throw new AppError('scim.invalid_path', { path: key });
}

function applyPath(c: UserChange, path: string, op: Op, value: unknown, mode: Mode): void {
  const p = parsePath(path);
  if (p.schema === 'enterprise') applyEnterprise(c, p, op, value, mode);
  else applyCore(c, p, op, value, mode);
}

/**
 * Applies a whole resource, or a PATCH value without a path (Okta's and Entra ID's
 * `{"op": "replace", "value": {"active": false}}`): every key is a path of its own, so
 * `name.givenName` and the enterprise URN-prefixed `…:User:manager` work as keys too (as
 * Entra ID sends them). `schemas`, other extensions and read-only attributes are left aside.
 */
export function applyObject(c: UserChange, body: unknown, op: Op, mode: Mode): void {
  if (!isObject(body)) throw new AppError('scim.invalid_syntax');
  for (const [key, value] of Object.entries(body)) {
    const lower = key.toLowerCase();
    // Read-only attributes (id, meta, groups) may come along in a whole resource: ignored.
    if (READ_ONLY.has(lower)) continue;
    const ent = URN.enterprise.toLowerCase();
    const isEnterprise = lower === ent || lower.startsWith(`${ent}:`);
    // Custom extensions (e.g. Entra's or Okta's own) are not Samtal's to keep.
    if (lower.startsWith('urn:') && !isEnterprise && !lower.startsWith(URN.user.toLowerCase()))
      continue;
    try {
      applyPath(c, key, op, value, mode);
    } catch (err) {
      // A key that is not a path at all is an unknown attribute, not a broken request.
      if (err instanceof AppError && err.code === 'scim.invalid_path' && !mode.strict) continue;
      throw err;
    }
  }
}

/** One PATCH operation as sent; `op` in any case (Entra ID sends "Replace", "Add"). */
export type PatchOperation = { op: unknown; path?: unknown; value?: unknown };

/** Applies the operations of a PATCH request in order (RFC 7644 3.5.2), all or nothing. */
export function applyPatch(c: UserChange, operations: PatchOperation[]): void {
  for (const operation of operations) {
    const op = typeof operation.op === 'string' ? operation.op.toLowerCase() : '';
    if (op !== 'add' && op !== 'replace' && op !== 'remove')
      throw new AppError('scim.invalid_syntax');
    const path = operation.path;
    if (path !== undefined && path !== null && typeof path !== 'string')
      throw new AppError('scim.invalid_path', { path: String(JSON.stringify(path)).slice(0, 100) });
    if (typeof path === 'string' && path.trim() !== '') {
      if (op !== 'remove' && operation.value === undefined) throw invalidValue(path);
      applyPath(c, path, op, operation.value, { strict: true });
    } else if (op === 'remove') {
      throw new AppError('scim.no_target');
    } else {
      applyObject(c, operation.value, op, { strict: true });
    }
  }
}

/** The name Samtal shows: the display name, else the formatted name, else given + family. */
export function personName(c: UserChange, current: string | null): string | null {
  const s = c.state;
  const joined = [s.givenName, s.familyName].filter(Boolean).join(' ') || null;
  if (c.changed.has('displayName') && s.displayName) return s.displayName;
  if (c.changed.has('formatted') && s.formatted) return s.formatted;
  if (c.changed.has('givenName') || c.changed.has('familyName')) return joined ?? current;
  return current ?? s.displayName ?? s.formatted ?? joined;
}

/** The e-mail address: the one in `emails`, else a userName that is an address. */
export function personEmail(c: UserChange, current: string | null): string | null {
  const s = c.state;
  if (c.changed.has('email') && s.email) return s.email;
  if (current) return current;
  return s.email ?? (s.userName?.includes('@') ? s.userName : null);
}
