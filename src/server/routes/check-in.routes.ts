import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../plugins/auth';
import { presentCheckIn, presentTeam, presentTrend } from '../presenters/check-in.presenter';
import {
  CheckInInputSchema,
  CheckInSchema,
  MeetingCheckInSchema,
  TeamWellbeingSchema,
  TrendSchema,
  WorkloadPromptSchema,
} from '../../contracts/check-in';
import { IdParams, errors } from './schemas';

/** The check-in of a 1:1, the pair's trend, and the manager's team view. */
export async function checkInRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const checkIns = () => app.services.wellbeing.checkIns;
  const tags = ['wellbeing'];

  r.get(
    '/api/one-on-ones/meetings/:id/check-in',
    { schema: { tags, params: IdParams, response: { 200: MeetingCheckInSchema, ...errors } } },
    async (request) => {
      const { checkIn, open, mayWrite } = await checkIns().get(
        requireActor(request),
        request.params.id,
      );
      return { checkIn: checkIn ? presentCheckIn(checkIn) : null, open, mayWrite };
    },
  );

  r.put(
    '/api/one-on-ones/meetings/:id/check-in',
    {
      schema: {
        tags,
        params: IdParams,
        body: CheckInInputSchema,
        response: { 200: CheckInSchema, ...errors },
      },
    },
    async (request) =>
      presentCheckIn(await checkIns().save(requireActor(request), request.params.id, request.body)),
  );

  r.get(
    '/api/one-on-ones/meetings/:id/workload-prompt',
    {
      schema: {
        tags,
        description:
          'Whether the meeting page asks the pair to agree an action about a workload that has been high in the latest check-ins.',
        params: IdParams,
        response: { 200: WorkloadPromptSchema, ...errors },
      },
    },
    async (request) => checkIns().workloadPrompt(requireActor(request), request.params.id),
  );

  r.post(
    '/api/one-on-ones/meetings/:id/workload-prompt/dismiss',
    {
      schema: {
        tags,
        description: 'Either of the pair sets the workload prompt aside for this meeting.',
        params: IdParams,
        response: { 200: WorkloadPromptSchema, ...errors },
      },
    },
    async (request) => {
      await checkIns().dismissWorkloadPrompt(requireActor(request), request.params.id);
      return { show: false, because: [] };
    },
  );

  r.get(
    '/api/one-on-ones/series/:id/check-ins',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({ months: z.coerce.number().int().min(1).max(60).default(12) }),
        response: { 200: TrendSchema, ...errors },
      },
    },
    async (request) => {
      const { series, rows } = await checkIns().trend(
        requireActor(request),
        request.params.id,
        request.query.months,
      );
      return presentTrend(series, rows);
    },
  );

  r.get(
    '/api/wellbeing/team',
    { schema: { tags, response: { 200: TeamWellbeingSchema, ...errors } } },
    async (request) => presentTeam(await checkIns().team(requireActor(request))),
  );
}
