import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { SCIM_TYPE } from '../../domain/scim/errors';
import { SCIM_MEDIA_TYPE, URN } from '../../domain/scim/schemas';
import type { PatchOperation } from '../../domain/scim/user';
import { localeFromAcceptLanguage } from '../../i18n/index';
import { errorBody, statusFor, toAppError } from '../http-errors';
import { translator } from '../i18n';
import { addJsonParser } from '../plugins/request-guards';
import {
  presentList,
  presentScimUser,
  schemas,
  serviceProviderConfig,
  userResourceType,
} from '../presenters/scim.presenter';
import type { ScimUserRow } from '../repositories/scim.repository';
import type { ScimCaller } from '../services/scim.service';

const CONTENT_TYPE = `${SCIM_MEDIA_TYPE}; charset=utf-8`;
const callers = new WeakMap<FastifyRequest, ScimCaller>();

function callerOf(request: FastifyRequest): ScimCaller {
  const caller = callers.get(request);
  if (!caller) throw new AppError('scim.unauthorized');
  return caller;
}

/** An error in RFC 7644's shape (3.12), its detail in the client's language (English by default). */
async function sendScimError(request: FastifyRequest, reply: FastifyReply, err: AppError) {
  const t = await translator(localeFromAcceptLanguage(request.headers['accept-language'], 'en'));
  const status = statusFor(err.code);
  const scimType = SCIM_TYPE[err.code];
  const body = errorBody(err, t).error;
  // A field error names its field, so the provider's log says which attribute is wrong.
  const fields = (body.fields ?? []).filter((f) => f.path && f.message !== body.message);
  const detail = [body.message, ...fields.map((f) => `${f.path}: ${f.message}`)].join(' ');
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="Samtal SCIM"');
  const retryAfter = err.params.retryAfter;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(Math.ceil(retryAfter)));
  return reply
    .status(status)
    .type(CONTENT_TYPE)
    .send(
      JSON.stringify({
        schemas: [URN.error],
        status: String(status),
        ...(scimType ? { scimType } : {}),
        detail,
      }),
    );
}

function send(reply: FastifyReply, body: unknown, status = 200) {
  return reply.status(status).type(CONTENT_TYPE).send(JSON.stringify(body));
}

const IdParams = z.object({ id: z.string().max(200) });
const ListQuery = z.object({
  filter: z.string().max(1000).optional(),
  startIndex: z.coerce.number().int().optional(),
  count: z.coerce.number().int().optional(),
});
const hide = { hide: true };

/** The operations of a PATCH body, or `invalidSyntax` (Operations in any case, as sent). */
function operationsOf(body: unknown): PatchOperation[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new AppError('scim.invalid_syntax');
  const key = Object.keys(body).find((k) => k.toLowerCase() === 'operations');
  const ops = key ? (body as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(ops) || ops.length === 0 || ops.length > 100)
    throw new AppError('scim.invalid_syntax');
  if (!ops.every((o) => o !== null && typeof o === 'object' && !Array.isArray(o)))
    throw new AppError('scim.invalid_syntax');
  return ops as PatchOperation[];
}

/**
 * SCIM 2.0 under /scim/v2 (decision 022): Users with the enterprise extension, and the
 * discovery endpoints. Every request authenticates by a provisioning token alone; answers
 * and errors are `application/scim+json`.
 */
async function scimScope(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `${app.config.publicUrl}/scim/v2`;
  const docs = `${app.config.publicUrl}/docs/provisioning`;
  addJsonParser(app, SCIM_MEDIA_TYPE);
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const appError = toAppError(error, request);
    if (appError.code === 'internal') request.log.error({ err: error }, 'internal error');
    return sendScimError(request, reply, appError);
  });
  app.setNotFoundHandler(async (request, reply) =>
    sendScimError(request, reply, new AppError('not_found')),
  );
  // Before the body is read: an unauthenticated request costs one lookup and no parsing.
  app.addHook('onRequest', async (request) => {
    callers.set(
      request,
      await app.services.scim.authenticate(request.headers.authorization, request.ip),
    );
  });
  const sendUser = (reply: FastifyReply, row: ScimUserRow, status = 200) => {
    const body = presentScimUser(row, base);
    const meta = body.meta as { version: string; location: string };
    reply.header('etag', meta.version);
    if (status === 201) reply.header('location', meta.location);
    return send(reply, body, status);
  };

  r.get('/ServiceProviderConfig', { schema: hide }, async (_req, reply) =>
    send(reply, serviceProviderConfig(base, docs)),
  );
  r.get('/ResourceTypes', { schema: hide }, async (_req, reply) =>
    send(reply, presentList([userResourceType(base)], 1, 1)),
  );
  r.get('/ResourceTypes/:id', { schema: { ...hide, params: IdParams } }, async (req, reply) => {
    if (req.params.id !== 'User') throw new AppError('not_found');
    return send(reply, userResourceType(base));
  });
  r.get('/Schemas', { schema: hide }, async (_req, reply) => {
    const all = schemas(base);
    return send(reply, presentList(all, all.length, 1));
  });
  r.get('/Schemas/:id', { schema: { ...hide, params: IdParams } }, async (req, reply) => {
    const found = schemas(base).find((s) => s.id === req.params.id);
    if (!found) throw new AppError('not_found');
    return send(reply, found);
  });

  r.get('/Users', { schema: { ...hide, querystring: ListQuery } }, async (req, reply) => {
    const { rows, total, startIndex } = await app.services.scim.list(callerOf(req), req.query);
    return send(
      reply,
      presentList(
        rows.map((row) => presentScimUser(row, base)),
        total,
        startIndex,
      ),
    );
  });
  r.post('/Users', { schema: hide }, async (req, reply) =>
    sendUser(reply, await app.services.scim.create(callerOf(req), req.body), 201),
  );
  r.get('/Users/:id', { schema: { ...hide, params: IdParams } }, async (req, reply) =>
    sendUser(reply, await app.services.scim.get(callerOf(req), req.params.id)),
  );
  r.put('/Users/:id', { schema: { ...hide, params: IdParams } }, async (req, reply) =>
    sendUser(
      reply,
      await app.services.scim.replace(
        callerOf(req),
        req.params.id,
        req.body,
        req.headers['if-match'],
      ),
    ),
  );
  r.patch('/Users/:id', { schema: { ...hide, params: IdParams } }, async (req, reply) =>
    sendUser(
      reply,
      await app.services.scim.patch(
        callerOf(req),
        req.params.id,
        operationsOf(req.body),
        req.headers['if-match'],
      ),
    ),
  );
  r.delete('/Users/:id', { schema: { ...hide, params: IdParams } }, async (req, reply) => {
    await app.services.scim.remove(callerOf(req), req.params.id, req.headers['if-match']);
    return reply.status(204).send();
  });

  // Any other path under /scim/v2 is a SCIM 404, also when the web app's catch-all GET (which
  // would hand it to the root's not-found answer) is installed.
  r.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    schema: hide,
    handler: async () => {
      throw new AppError('not_found');
    },
  });

  // Groups would add nothing Samtal keeps (decision 022): a clear answer instead of a bare 404.
  const noGroups = async () => {
    throw new AppError('scim.no_groups');
  };
  r.route({ method: ['GET', 'POST'], url: '/Groups', schema: hide, handler: noGroups });
  r.route({
    method: ['GET', 'PUT', 'PATCH', 'DELETE'],
    url: '/Groups/:id',
    schema: hide,
    handler: noGroups,
  });
}

/** SCIM 2.0 provisioning, in a scope of its own (its body type, errors and authentication). */
export async function scimRoutes(app: FastifyInstance) {
  await app.register(scimScope, { prefix: '/scim/v2' });
}
