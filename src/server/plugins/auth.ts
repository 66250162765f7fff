import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';

export const SESSION_COOKIE = 'samtal_session';

/** Resolves the session cookie into `request.actor` on every request. */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = (await app.services.auth.actorForToken(token)) ?? null;
  });
});

/** The signed-in person, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('auth.required');
  return request.actor;
}
