import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CalendarFeedAddressSchema, CalendarFeedStatusSchema } from '../../contracts/mail';
import { requireActor } from '../plugins/auth';
import { errors } from './schemas';

/** Secret calendar subscriptions: make or rotate one's own, and the .ics feed itself. */
export async function calendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = () => app.services.calendarFeed;

  r.get(
    '/api/me/calendar-feed',
    {
      schema: {
        tags: ['calendar'],
        response: { 200: CalendarFeedStatusSchema, ...errors },
      },
    },
    async (request) => svc().status(requireActor(request)),
  );

  r.post(
    '/api/me/calendar-feed',
    {
      schema: {
        tags: ['calendar'],
        description: 'Makes a new secret subscription URL; the previous one stops working at once.',
        response: { 200: CalendarFeedAddressSchema, ...errors },
      },
    },
    async (request) => svc().rotate(requireActor(request)),
  );

  // No session and no CSRF here: the secret in the path is the credential, as calendars expect.
  r.get(
    '/calendar/:token',
    {
      schema: {
        tags: ['calendar'],
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) }),
      },
    },
    async (request, reply) => {
      const ics = await svc().render(request.params.token.replace(/\.ics$/, ''));
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(ics);
    },
  );
}
