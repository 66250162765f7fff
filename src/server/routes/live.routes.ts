import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../domain/errors';
import { LIVE_CLOSE } from '../../domain/one-on-one/live-doc';
import { SESSION_COOKIE } from '../plugins/auth';
import { IdParams } from './schemas';

/**
 * Whether a WebSocket upgrade comes from Samtal's own pages. Browsers always send Origin on a
 * WebSocket and a page cannot forge it, so this is the CSRF check of the live channel (the
 * session cookie would otherwise ride along from any site).
 */
function sameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  if (origin === new URL(publicUrl).origin) return true;
  const host = request.headers.host;
  return Boolean(host) && origin === `${request.protocol}://${host}`;
}

/** The live channel of a 1:1 meeting: GET upgraded to a WebSocket (decision 020). */
export async function liveRoutes(app: FastifyInstance) {
  await app.register(websocket, { options: { maxPayload: 1024 * 1024 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/live/meetings/:id',
    {
      websocket: true,
      schema: { hide: true, params: IdParams },
      // Refused before the upgrade: a plain 403/401 the browser reports as a failed socket.
      preValidation: async (request) => {
        if (!sameOrigin(request, app.config.publicUrl)) throw new AppError('auth.forbidden');
        if (!request.actor) throw new AppError('auth.required');
      },
    },
    (socket, request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!request.actor || !token) return socket.close(LIVE_CLOSE.unauthorized, 'session');
      void app.live.connect(socket, token, request.actor, request.params.id);
    },
  );
}
