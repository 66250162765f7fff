import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors';
import { findTextProblem } from '../../domain/text';
import { pathProblem } from '../canonical-path';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a body as UTF-8, refusing (not replacing) bytes that are not. */
function decodeUtf8(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new AppError('request.encoding');
  }
}

/**
 * Refuses a path that is not in its canonical spelling (see canonical-path.ts). Runs first, so
 * every later check sees the same path the router served.
 */
export function installCanonicalPaths(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const problem = pathProblem(request.raw.url ?? request.url);
    if (problem) throw new AppError(`request.${problem}`);
  });
}

/**
 * The CSRF check, decided on the routed request: every request with an unsafe method is
 * checked, whatever its path and whether or not a route matched. (It used to look at the raw
 * URL, `startsWith('/api/')`, which `/%61pi/me` slipped past while the router served `/api/me`.)
 */
export function installCsrfCheck(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    if (isScimTokenRequest(request)) return done();
    app.csrfProtection(request, reply, done);
  });
}

/**
 * The one exemption from the CSRF check (decision 022): a request routed to a SCIM route
 * (the route's own pattern, so no other spelling of a path reaches it) that carries a bearer
 * token. A browser never attaches an Authorization header to a cross-site request, and SCIM
 * routes read no cookie: they authenticate by that token alone. A SCIM request without one
 * is checked like any other, and refused.
 */
function isScimTokenRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route === undefined || !route.startsWith('/scim/v2/')) return false;
  return /^Bearer /i.test(request.headers.authorization ?? '');
}

/**
 * A JSON body parser for `contentType` that refuses bytes that are not UTF-8 (SCIM adds
 * `application/scim+json` in its own scope with it).
 */
export function addJsonParser(app: FastifyInstance, contentType: string): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser(contentType, { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decodeUtf8(body as Buffer);
    } catch (err) {
      return done(err as Error, undefined);
    }
    void parseJson(request, text, done);
  });
}

/** Every string a request carries, in body, query or path, passes the text rule of domain/text. */
function checkText(request: FastifyRequest): void {
  for (const part of [request.params, request.query, request.body]) {
    const found = findTextProblem(part);
    if (found) throw new AppError('validation', {}, [{ path: found.path, code: found.code }]);
  }
}

/**
 * Bodies are UTF-8 or refused; no text with control characters or unpaired surrogates reaches
 * a route, whichever schema the route declares (its own schema may be stricter).
 */
export function installBodyGuards(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  addJsonParser(app, 'application/json');
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, decodeUtf8(body as Buffer));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  app.addHook('preValidation', async (request) => checkText(request));
}
