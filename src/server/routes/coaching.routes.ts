import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textLine } from '../../domain/text';
import { DEFAULT_PERIOD_DAYS, SIGNAL_KEYS } from '../../domain/coaching/signals';
import { requireActor } from '../plugins/auth';
import { presentCoaching } from '../presenters/coaching.presenter';
import { CoachingSchema } from '../../contracts/coaching';
import { errors } from './schemas';

const Days = z.coerce.number().int().min(14).max(730).default(DEFAULT_PERIOD_DAYS);

/** The signed-in manager's own coaching signals. There is no way to ask for anyone else's. */
export async function coachingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const coaching = () => app.services.wellbeing.coaching;
  const tags = ['coaching'];

  r.get(
    '/api/coaching/signals',
    {
      schema: {
        tags,
        querystring: z.object({ days: Days }),
        response: { 200: CoachingSchema, ...errors },
      },
    },
    async (request) =>
      presentCoaching(await coaching().list(requireActor(request), request.query.days)),
  );

  r.post(
    '/api/coaching/dismissals',
    {
      schema: {
        tags,
        body: z.object({
          key: z.enum(SIGNAL_KEYS),
          subject: textLine().max(40),
          days: Days,
          /** How long to set it aside: a week, a month or a quarter. */
          forDays: z.union([z.literal(7), z.literal(30), z.literal(90)]).default(30),
        }),
        response: { 200: z.object({ until: z.iso.datetime() }), ...errors },
      },
    },
    async (request) => {
      const { until } = await coaching().dismiss(requireActor(request), request.body);
      return { until: until.toISOString() };
    },
  );
}
