import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { TFunction } from 'i18next';
import { AppError, FIELD_OF_CODE, type ErrorCode, type FieldIssue } from '../domain/errors';
import { SCIM_STATUS } from '../domain/scim/errors';
import { translator } from './i18n';
import { requestLocale } from './request-locale';
import { ErrorBody } from '../contracts/common';

const STATUS: Partial<Record<ErrorCode, number>> = {
  validation: 400,
  'auth.invalid_credentials': 401,
  'auth.required': 401,
  'auth.rate_limited': 429,
  'auth.locked': 429,
  'auth.slow_down': 429,
  'auth.busy': 429,
  'auth.reset_limited': 429,
  'search.rate_limited': 429,
  'auth.forbidden': 403,
  'auth.csrf': 403,
  'auth.token_invalid': 400,
  'auth.sso_required': 403,
  'sso.untested': 409,
  'sso.slug_taken': 409,
  'sso.no_enabled_provider': 409,
  'sso.encryption_key_missing': 409,
  'sso.password_links_off': 409,
  not_found: 404,
  'request.url_too_long': 414,
  'request.headers_too_large': 431,
  'request.too_large': 413,
  'request.media_type': 415,
  conflict: 409,
  'person.email_taken': 409,
  'person.last_admin': 409,
  'privacy.still_active': 409,
  'privacy.already_erased': 409,
  'privacy.use_export_link': 409,
  'privacy.export_link_active': 409,
  // A leaver's mailed download link (decision 024): unknown, or gone (used or expired).
  'privacy.link_invalid': 404,
  'privacy.link_used': 410,
  'privacy.link_expired': 410,
  'privacy.link_limited': 429,
  'person.own_roles': 403,
  'person.admin_only': 403,
  'person.employee_number_taken': 409,
  'department.name_taken': 409,
  'department.not_empty': 409,
  'import.too_large': 413,
  'oneOnOne.series_exists': 409,
  'oneOnOne.note_conflict': 409,
  'oneOnOne.reminder_limit': 409,
  'vault.missing': 409,
  'vault.exists': 409,
  'vault.sealed_required': 409,
  'vault.key_version': 409,
  'vault.seal_stale': 409,
  'vault.passkey_exists': 409,
  'vault.passkey_limit': 409,
  'conversation.read_only': 409,
  'conversation.follow_up_exists': 409,
  'conversation.start_early': 409,
  'conversation.salary_first': 409,
  'oneOnOne.finish_not_undoable': 409,
  'checkIn.employee_answers': 403,
  'idempotency.in_progress': 409,
  'mail.already_pending': 409,
  'idempotency.key_reused': 422,
  internal: 500,
  // SCIM's own (a SCIM route answers them in RFC 7644's shape with the same status).
  ...SCIM_STATUS,
  // The thing is in a state where this cannot be done (already done, closed, not yet held):
  // 409 like every "already exists", so a client tells "fix your input" (400) from "look again".
  ...Object.fromEntries(
    (
      [
        'oneOnOne.series_ended',
        'oneOnOne.meeting_cancelled',
        'oneOnOne.meeting_held',
        'oneOnOne.meeting_not_open',
        'oneOnOne.not_held',
        'oneOnOne.cannot_carry_over',
        'oneOnOne.no_next_meeting',
        'round.closed',
        'round.template_archived',
        'conversationTemplate.archived',
        'checkIn.closed',
        'taskReview.reviewed',
        'taskReview.draft_exists',
        'goals.already_judged',
        'goals.steps_closed',
        'goals.too_many_steps',
        'goals.steps_changed',
        'signOff.read_only',
        'signOff.not_held',
        'signOff.not_closed',
        'signOff.already_closed',
        'signOff.already_signed',
        'signOff.not_yet_closed',
        'conversation.preparation_closed',
        'conversation.already_submitted',
        'conversation.not_booked',
        'conversation.not_held',
        'conversation.not_started',
      ] as const
    ).map((code) => [code, 409]),
  ),
};

/** The HTTP status for an error code: 400 (the request itself is wrong) unless listed. */
export function statusFor(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}

type ZodIssueLike = {
  code: string;
  path: PropertyKey[];
  message?: string;
  input?: unknown;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  values?: unknown[];
};

/** Turns a zod issue into our field issue, so its text comes from our catalogs. */
export function fieldIssueFromZod(issue: ZodIssueLike): FieldIssue {
  const path = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? { path, code: 'required' }
        : { path, code: 'invalid_type' };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1)
        return { path, code: 'required' };
      return {
        path,
        code: issue.origin === 'string' ? 'too_short' : 'too_small',
        params: { min: Number(issue.minimum) },
      };
    case 'too_big':
      return {
        path,
        code: issue.origin === 'string' ? 'too_long' : 'too_big',
        params: { max: Number(issue.maximum) },
      };
    case 'invalid_format':
      return { path, code: issue.format === 'email' ? 'email' : 'format' };
    case 'invalid_value':
      return { path, code: 'one_of', params: { values: (issue.values ?? []).join(', ') } };
    case 'custom':
      return { path, code: issue.message ?? 'invalid' };
    default:
      return { path, code: 'invalid' };
  }
}

/** Translates an AppError into the response body in the given language. */
export function errorBody(err: AppError, t: TFunction): ErrorBody {
  const body: ErrorBody = {
    error: { code: err.code, message: t(`errors:${err.code}`, err.params) },
  };
  if (err.issues.length) {
    body.error.fields = err.issues.map((i) => ({
      path: i.path,
      code: i.code,
      message: t(`errors:field.${i.code}`, { ...i.params }),
    }));
    if (err.code === 'validation') body.error.message = body.error.fields[0]?.message ?? '';
  }
  const field = err.field ?? (err.issues.length ? undefined : FIELD_OF_CODE[err.code]);
  if (field) {
    body.error.fields = [{ path: field, code: err.code, message: body.error.message }];
  }
  if (err.details !== undefined) body.error.details = err.details;
  return body;
}

/**
 * The framework's own errors (by code), each mapped to one of ours: nothing a client sends is
 * ever answered in Fastify's English shape. Unknown 4xx codes become `request.invalid`.
 */
const FRAMEWORK_ERRORS: Record<string, ErrorCode> = {
  FST_CSRF_INVALID_TOKEN: 'auth.csrf',
  FST_CSRF_MISSING_SECRET: 'auth.csrf',
  FST_ERR_BAD_URL: 'request.bad_url',
  FST_ERR_MAX_PARAM_LENGTH: 'request.url_too_long',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.media_type',
  FST_ERR_CTP_INVALID_TYPE: 'request.media_type',
  FST_ERR_CTP_EMPTY_TYPE: 'request.media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.bad_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.bad_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid',
  FST_ERR_CTP_INSTANCE_ALREADY_STARTED: 'internal',
  FST_ERR_NOT_FOUND: 'not_found',
};

/** Our error for anything thrown while handling a request. */
export function toAppError(error: FastifyError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) =>
      fieldIssueFromZod({
        ...(v.params as Omit<ZodIssueLike, 'code' | 'path' | 'message'>),
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message,
      }),
    );
    return new AppError('validation', {}, issues);
  }
  const mapped = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
  if (mapped === 'request.too_large') {
    // A route with its own limit (the CSV import) says so in its own words.
    return new AppError(request.routeOptions?.config?.tooLargeError ?? mapped);
  }
  if (mapped) return new AppError(mapped);
  // JSON.parse's SyntaxError, tagged 400 by the body parser.
  if (error instanceof SyntaxError) return new AppError('request.bad_json');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    if (error.statusCode === 404) return new AppError('not_found');
    if (error.statusCode === 413) return new AppError('request.too_large');
    if (error.statusCode === 414) return new AppError('request.url_too_long');
    if (error.statusCode === 415) return new AppError('request.media_type');
    return new AppError('request.invalid');
  }
  return new AppError('internal');
}

/** Sends `appError` in Samtal's shape, in the reader's language. */
async function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  appError: AppError,
): Promise<FastifyReply> {
  const t = await translator(requestLocale(request));
  // A 429 says when to come back (seconds), as RFC 9110 asks.
  const retryAfter = appError.params.retryAfter;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(Math.ceil(retryAfter)));
  return reply.status(statusFor(appError.code)).send(errorBody(appError, t));
}

/**
 * Errors the router raises before a route is found (a malformed escape, an over-long id);
 * passed to Fastify as its `frameworkErrors` option.
 */
export function frameworkErrors(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  void sendError(request, reply, toAppError(error, request));
}

/**
 * Errors Node's HTTP parser raises before there is a request at all (headers too large, a
 * malformed request line): passed to Fastify as its `clientErrorHandler`. There is no request
 * to take a language from, so the answer is in English, still in Samtal's shape.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code]: [number, ErrorCode] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'request.headers_too_large']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request.invalid']
        : [400, 'request.invalid'];
  void translator('en').then((t) => {
    if (socket.destroyed || !socket.writable) return socket.destroy();
    const body = JSON.stringify(errorBody(new AppError(code), t));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });
}

/** Installs the one error handler: typed errors out, never a stack trace or a secret. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error, request);
    if (appError.code === 'internal') request.log.error({ err: error }, 'internal error');
    else if (!(error instanceof AppError)) request.log.info({ err: error }, 'client error');
    return sendError(request, reply, appError);
  });
  app.setNotFoundHandler(async (request, reply) =>
    sendError(request, reply, new AppError('not_found')),
  );
}
