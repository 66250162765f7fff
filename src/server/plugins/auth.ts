import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { broadcastIdentityChange } from '../cluster-sync';
import { identityChanged, identityGeneration } from '../repositories/identity-changes';

export const SESSION_COOKIE = 'samtal_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const identityAtStart = new WeakMap<FastifyRequest, number>();

/** Resolves the session cookie into `request.actor` on every request. */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!SAFE_METHODS.has(request.method)) identityAtStart.set(request, identityGeneration());
    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await app.services.auth.actorForToken(token) : undefined;
    // The cached actor is shared by requests; the address is this request's own.
    if (actor) request.actor = { ...actor, ip: request.ip };
  });
  // Several worker processes: the others drop their cached sessions before this answer
  // leaves, so the next request, whichever worker takes it, sees the change (decision 021).
  app.addHook('onSend', async (request) => {
    const start = identityAtStart.get(request);
    if (start !== undefined && start !== identityGeneration()) await broadcastIdentityChange();
  });
  // A write that changed an identity did so inside a transaction: a session read between its
  // statement and its commit saw the old rows. Once the answer is out the change is
  // committed, so this process's session cache forgets again (decision 015).
  app.addHook('onResponse', async (request) => {
    const start = identityAtStart.get(request);
    if (start !== undefined && start !== identityGeneration()) identityChanged();
  });
});

/** The signed-in person, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('auth.required');
  return request.actor;
}
