import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PlanItemInputSchema, PlanItemPatchSchema } from '../../domain/development/goals';
import { requireActor } from '../plugins/auth';
import { presentPlanItem } from '../presenters/goal.presenter';
import { PlanItemSchema } from '../../contracts/goals';
import { IdParams, Ok, errors } from './schemas';

/** The development plan of a conversation. */
export async function developmentPlanRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const plan = () => app.services.developmentPlan;
  const tags = ['goals'];

  r.get(
    '/api/conversations/:id/plan',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: z.object({ items: z.array(PlanItemSchema) }), ...errors },
      },
    },
    async (request) => {
      const rows = await plan().forConversation(requireActor(request), request.params.id);
      return { items: rows.map((p) => presentPlanItem(p)) };
    },
  );

  r.post(
    '/api/conversations/:id/plan',
    {
      schema: {
        tags,
        params: IdParams,
        body: PlanItemInputSchema,
        response: { 201: PlanItemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await plan().create(requireActor(request), request.params.id, request.body);
      return reply.status(201).send(presentPlanItem(row));
    },
  );

  r.patch(
    '/api/goals/plan-items/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: PlanItemPatchSchema,
        response: { 200: PlanItemSchema, ...errors },
      },
    },
    async (request) =>
      presentPlanItem(await plan().update(requireActor(request), request.params.id, request.body)),
  );

  r.delete(
    '/api/goals/plan-items/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (request) => {
      await plan().remove(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
}
