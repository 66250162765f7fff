import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { TFunction } from 'i18next';
import { AppError, type ErrorCode, type FieldIssue } from '../domain/errors';
import { translator } from './i18n';
import { requestLocale } from './request-locale';

const STATUS: Partial<Record<ErrorCode, number>> = {
  validation: 400,
  'auth.invalid_credentials': 401,
  'auth.required': 401,
  'auth.rate_limited': 429,
  'auth.locked': 429,
  'auth.slow_down': 429,
  'auth.busy': 429,
  'auth.reset_limited': 429,
  'auth.forbidden': 403,
  'auth.csrf': 403,
  'auth.token_invalid': 400,
  not_found: 404,
  conflict: 409,
  'person.email_taken': 409,
  'person.last_admin': 409,
  'person.own_roles': 403,
  'person.admin_only': 403,
  'person.employee_number_taken': 409,
  'department.name_taken': 409,
  'department.not_empty': 409,
  'import.too_large': 413,
  'oneOnOne.series_exists': 409,
  'oneOnOne.note_conflict': 409,
  'vault.missing': 409,
  'vault.exists': 409,
  'vault.sealed_required': 409,
  'vault.key_version': 409,
  'vault.seal_stale': 409,
  'conversation.read_only': 409,
  'conversation.follow_up_exists': 409,
  'conversation.start_early': 409,
  'oneOnOne.finish_not_undoable': 409,
  'checkIn.employee_answers': 403,
  'idempotency.in_progress': 409,
  'idempotency.key_reused': 422,
  internal: 500,
};

/** The HTTP status for an error code: 400 unless listed. */
export function statusFor(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}

/** The body every error response has. */
export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    fields?: { path: string; code: string; message: string }[];
    details?: unknown;
  };
};

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
  if (err.field) {
    body.error.fields = [{ path: err.field, code: err.code, message: body.error.message }];
  }
  if (err.details !== undefined) body.error.details = err.details;
  return body;
}

/** Installs the one error handler: typed errors out, never a stack trace or a secret. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const t = await translator(requestLocale(request));
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) =>
        fieldIssueFromZod({
          ...(v.params as Omit<ZodIssueLike, 'code' | 'path' | 'message'>),
          code: v.keyword,
          path: v.instancePath.split('/').filter(Boolean),
          message: v.message,
        }),
      );
      appError = new AppError('validation', {}, issues);
    } else if (
      error.code === 'FST_CSRF_INVALID_TOKEN' ||
      error.code === 'FST_CSRF_MISSING_SECRET'
    ) {
      appError = new AppError('auth.csrf');
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      appError = new AppError('import.too_large');
    } else if (error.statusCode && error.statusCode < 500) {
      appError = new AppError(error.statusCode === 404 ? 'not_found' : 'validation', {}, [
        { path: '', code: 'invalid' },
      ]);
      request.log.info({ err: error }, 'client error');
      return reply.status(error.statusCode).send(errorBody(appError, t));
    } else {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError('internal');
    }
    if (appError.code === 'internal') request.log.error({ err: error }, 'internal error');
    // A 429 says when to come back (seconds), as RFC 9110 asks.
    const retryAfter = appError.params.retryAfter;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(Math.ceil(retryAfter)));
    return reply.status(statusFor(appError.code)).send(errorBody(appError, t));
  });
  app.setNotFoundHandler(async (request, reply) => {
    const t = await translator(requestLocale(request));
    return reply.status(404).send(errorBody(new AppError('not_found'), t));
  });
}
