import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MotivationInputSchema, MotivationSchema } from '../../contracts/motivation';
import { requireActor } from '../plugins/auth';
import { ErrorSchema } from '../../contracts/common';
import { IdParams, errors } from './schemas';

/**
 * Motivation in a 1:1 (issue #15): the employee's score for the meeting and the series' trend.
 * The pair only; anyone else is told "not found".
 */
export async function oneOnOneMotivationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const motivation = () => app.services.oneOnOne.motivation;
  const tags = ['one-on-ones'];

  r.get(
    '/api/one-on-ones/meetings/:id/motivation',
    {
      schema: {
        tags,
        description:
          'This meeting’s motivation score and the series’ trend up to it (the pair only).',
        params: IdParams,
        response: { 200: MotivationSchema, ...errors },
      },
    },
    async (request) => motivation().get(requireActor(request), request.params.id),
  );

  r.put(
    '/api/one-on-ones/meetings/:id/motivation',
    {
      schema: {
        tags,
        description: 'The employee sets this meeting’s motivation, 1 (low) to 5 (high).',
        params: IdParams,
        body: MotivationInputSchema,
        response: { 200: MotivationSchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request) =>
      motivation().set(requireActor(request), request.params.id, request.body.score),
  );
}
