import type { FastifyError, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, FIELD_OF_CODE, type ErrorCode } from '../domain/errors';
import { errorBody, statusFor, toAppError } from './http-errors';

const request = (config: Record<string, unknown> = {}) =>
  ({ routeOptions: { config } }) as unknown as FastifyRequest;
const fastifyError = (code: string | undefined, statusCode?: number) =>
  Object.assign(new Error(code ?? 'x'), { code, statusCode }) as FastifyError;

describe('toAppError', () => {
  it('maps every framework error a client can cause to one of ours, with a 4xx', () => {
    const cases: [string, number, string][] = [
      ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'request.too_large'],
      ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'request.media_type'],
      ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'request.bad_json'],
      ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'request.bad_json'],
      ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400, 'request.invalid'],
      ['FST_ERR_BAD_URL', 400, 'request.bad_url'],
      ['FST_ERR_MAX_PARAM_LENGTH', 414, 'request.url_too_long'],
      ['FST_CSRF_INVALID_TOKEN', 403, 'auth.csrf'],
      ['FST_SOMETHING_NEW', 400, 'request.invalid'],
      ['FST_SOMETHING_NEW', 405, 'request.invalid'],
      ['FST_SOMETHING_NEW', 404, 'not_found'],
    ];
    for (const [code, status, ours] of cases) {
      const mapped = toAppError(fastifyError(code, status), request());
      expect(mapped.code, code).toBe(ours);
      expect(statusFor(mapped.code), code).toBeGreaterThanOrEqual(400);
      expect(statusFor(mapped.code), code).toBeLessThan(500);
    }
    expect(toAppError(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413), request()).code).toBe(
      'request.too_large',
    );
  });

  it('lets a route with its own body limit name its error (the CSV import)', () => {
    const err = fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413);
    expect(toAppError(err, request({ tooLargeError: 'import.too_large' })).code).toBe(
      'import.too_large',
    );
  });

  it('keeps our own errors, and calls anything else ours to fix (500)', () => {
    const own = new AppError('not_found');
    expect(toAppError(own as unknown as FastifyError, request())).toBe(own);
    expect(toAppError(fastifyError(undefined), request()).code).toBe('internal');
    expect(statusFor('internal')).toBe(500);
  });
});

describe('statusFor', () => {
  it('answers 409 for everything already done, already there, closed or not yet possible', () => {
    const stateWords =
      /\.(already_|.*_exists$|.*_taken$|closed$|.*_closed$|read_only$|not_held$|not_started$|not_booked$|meeting_(held|cancelled|not_open)$|series_ended$|reviewed$|archived$|.*_archived$)/;
    const state = ERROR_CODES.filter((c) => stateWords.test(c));
    expect(state.length).toBeGreaterThan(20);
    for (const code of state) expect(statusFor(code), code).toBe(409);
  });

  it('answers 400 for a request that is wrong in itself, and 500 only for our own failure', () => {
    expect(statusFor('validation')).toBe(400);
    expect(statusFor('person.manager_cycle')).toBe(400);
    expect(statusFor('oneOnOne.time_not_exist')).toBe(400);
    expect(statusFor('internal')).toBe(500);
    for (const code of ERROR_CODES)
      if (code !== 'internal') expect(statusFor(code)).toBeLessThan(500);
  });
});

describe('errorBody', () => {
  const t = ((key: string) => `«${key}»`) as unknown as TFunction;

  it('names the field of an error about one field, said once on the server', () => {
    for (const [code, field] of Object.entries(FIELD_OF_CODE)) {
      const body = errorBody(new AppError(code as ErrorCode), t);
      expect(body.error.fields, code).toEqual([{ path: field, code, message: `«errors:${code}»` }]);
    }
  });

  it('lets the thrower name another field, and names none for an error about no field', () => {
    expect(errorBody(AppError.at('ownerId', 'person.email_taken'), t).error.fields).toEqual([
      { path: 'ownerId', code: 'person.email_taken', message: '«errors:person.email_taken»' },
    ]);
    expect(errorBody(new AppError('conflict'), t).error.fields).toBeUndefined();
  });
});
