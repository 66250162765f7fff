/**
 * The one client for the Samtal API. Every page goes through here: it adds the CSRF token to
 * writes, sends the UI language, and turns error bodies into an ApiError.
 * Types come from the shared contracts (src/contracts, type-only imports): the schemas the server
 * validates and answers with.
 */
import type { z } from 'zod';
import type { ErrorBody } from '../contracts/common';
import type { AuditEventDto, AuditQuerySchema } from '../contracts/audit';
import type { PersonDto, PersonInputSchema } from '../contracts/people';
import type { PasswordLinkSchema } from '../contracts/auth';
import type { DepartmentSchema } from '../contracts/departments';
import type { ImportIssueSchema, ImportResultSchema } from '../contracts/people-import';
import type { MeSchema, SessionSchema } from '../contracts/me';
import type { SearchResponse } from '../contracts/search';

/** What JSON makes of a server type: dates travel as ISO strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export type Me = z.infer<typeof MeSchema>;
export type Home = Me['home'];
export type Person = PersonDto;
export type PersonInput = z.input<typeof PersonInputSchema>;
export type Page<T> = { items: T[]; nextCursor: string | null };
export type PasswordLink = z.infer<typeof PasswordLinkSchema>;
export type AuditEvent = AuditEventDto;
export type AuditQuery = z.input<typeof AuditQuerySchema> & { cursor?: string | null };
export type FieldProblem = NonNullable<ErrorBody['error']['fields']>[number];

export type Department = z.infer<typeof DepartmentSchema>;
export type Session = Wire<z.infer<typeof SessionSchema>>;

/** The import contract: a summary when the file is good, row problems in the 400 body when not. */
export type ImportSummary = z.infer<typeof ImportResultSchema>;
export type ImportRowProblem = z.infer<typeof ImportIssueSchema>;

/** An error the API answered with (or `network` when it could not be reached). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let language = 'sv';
/** The language the server should answer errors in before anyone is signed in. */
export function setRequestLanguage(lng: string): void {
  language = lng;
}

let csrfToken: Promise<string> | undefined;
function csrf(): Promise<string> {
  csrfToken ??= send<{ token: string }>('GET', '/api/auth/csrf').then(
    (r) => r.token,
    (err: unknown) => {
      csrfToken = undefined;
      throw err;
    },
  );
  return csrfToken;
}

type Query = Record<string, string | number | boolean | null | undefined>;
type Options = {
  query?: Query;
  body?: unknown;
  raw?: { data: BodyInit; type: string };
  headers?: Record<string, string>;
  /** The answer is a file (a Blob), not JSON; errors are still JSON. */
  file?: boolean;
};

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function send<T>(method: string, path: string, opts: Options = {}, retried = false) {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': language,
    ...opts.headers,
  };
  let body: BodyInit | undefined;
  if (opts.raw) {
    headers['content-type'] = opts.raw.type;
    body = opts.raw.data;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET') headers['x-csrf-token'] = await csrf();
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (res.ok) return (opts.file ? await res.blob() : await res.json()) as T;
  const err = await errorFrom(res);
  if (err.status === 403 && err.code === 'auth.csrf' && !retried) {
    csrfToken = undefined;
    return send<T>(method, path, opts, true);
  }
  throw err;
}

async function errorFrom(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as Partial<ErrorBody>;
    if (body.error) {
      const e = body.error;
      return new ApiError(res.status, e.code, e.message, e.fields ?? [], e.details);
    }
  } catch {
    // not JSON: fall through
  }
  return new ApiError(res.status, res.status >= 500 ? 'internal' : 'unknown', '');
}

const get = <T>(path: string, query?: Query) => send<T>('GET', path, { query });
const post = <T>(path: string, body: unknown = {}) => send<T>('POST', path, { body });
const patch = <T>(path: string, body: unknown) => send<T>('PATCH', path, { body });
const put = <T>(path: string, body: unknown) => send<T>('PUT', path, { body });
const del = <T>(path: string) => send<T>('DELETE', path);
type Ok = { ok: true };

/** A write with extra headers (an Idempotency-Key for writes that may be replayed). */
const write = <T>(method: string, path: string, body: unknown, headers: Record<string, string>) =>
  send<T>(method, path, { body, headers });

/** A write whose answer is a file (a download made by POST, e.g. with a one-time token). */
const postForFile = (path: string, body: unknown) => send<Blob>('POST', path, { body, file: true });

/** The request helpers, for feature modules that keep their own list of calls. */
export const http = { get, post, patch, put, del, write, postForFile };

export type PeopleQuery = {
  search?: string;
  departmentId?: string;
  includeInactive?: boolean;
  cursor?: string | null;
  limit?: number;
};

/** Every call the web app makes. */
export const api = {
  search: (q: string) => get<SearchResponse>('/api/search', { q }),
  login: (email: string, password: string) =>
    post<{ home: Home; locale: string }>('/api/auth/login', { email, password }),
  logout: () =>
    post<{ ok: true; providerLogout?: { label: string; url: string } }>('/api/auth/logout'),
  setPassword: (token: string, password: string) =>
    post<Ok>('/api/auth/set-password', { token, password }),
  forgotPassword: (email: string) => post<Ok>('/api/auth/forgot-password', { email }),

  me: () => get<Me>('/api/me'),
  updateMe: (input: { locale?: string | null; timeZone?: string; coachingTipsHidden?: boolean }) =>
    patch<Me>('/api/me', input),
  changePassword: (currentPassword: string, newPassword: string) =>
    post<Ok>('/api/me/password', { currentPassword, newPassword }),
  sessions: () => get<{ items: Session[] }>('/api/me/sessions'),
  revokeSession: (id: string) => del<Ok>(`/api/me/sessions/${encodeURIComponent(id)}`),

  people: (q: PeopleQuery) =>
    get<Page<Person>>('/api/people', {
      search: q.search?.trim(),
      departmentId: q.departmentId,
      includeInactive: q.includeInactive ? 'true' : undefined,
      cursor: q.cursor,
      limit: q.limit,
    }),
  person: (id: string) => get<Person>(`/api/people/${id}`),
  team: () => get<{ items: Person[] }>('/api/team'),
  createPerson: (input: PersonInput) => post<Person>('/api/people', input),
  updatePerson: (id: string, input: Partial<PersonInput>) =>
    patch<Person>(`/api/people/${id}`, input),
  setActive: (id: string, active: boolean) =>
    post<Person>(`/api/people/${id}/${active ? 'reactivate' : 'deactivate'}`),
  passwordLink: (id: string) => post<PasswordLink>(`/api/people/${id}/password-link`),

  audit: (q: AuditQuery) =>
    get<Page<AuditEvent>>('/api/admin/audit', {
      person: q.person,
      kind: q.kind,
      from: q.from,
      to: q.to,
      cursor: q.cursor,
    }),
  /** The address of the audit log's CSV export for these filters (a download, not a fetch). */
  auditExportUrl: (q: AuditQuery) =>
    withQuery('/api/admin/audit/export.csv', {
      person: q.person,
      kind: q.kind,
      from: q.from,
      to: q.to,
    }),

  departments: () => get<{ items: Department[] }>('/api/departments'),
  createDepartment: (input: { name: string; parentId: string | null }) =>
    post<Department>('/api/departments', input),
  updateDepartment: (id: string, input: { name?: string; parentId?: string | null }) =>
    patch<Department>(`/api/departments/${id}`, input),
  deleteDepartment: (id: string) => del<Ok>(`/api/departments/${id}`),

  importPeople: (mode: 'preview' | 'apply', file: Blob) =>
    send<ImportSummary>('POST', '/api/people/import', {
      query: { mode },
      raw: { data: file, type: 'text/csv' },
    }),
};
