import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  GoalStepInputSchema,
  GoalStepOrderSchema,
  GoalStepPatchSchema,
} from '../../domain/development/goals';
import { requireActor } from '../plugins/auth';
import { presentStep } from '../presenters/goal.presenter';
import { GoalStepSchema } from '../../contracts/goals';
import { IdParams, Ok, errors } from './schemas';

/** The steps of a goal: either of the pair adds, renames, ticks, reorders and removes them. */
export async function goalStepRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const steps = () => app.services.goalSteps;
  const tags = ['goals'];

  r.post(
    '/api/goals/:id/steps',
    {
      schema: {
        tags,
        description: 'Adds a step at the end of the goal’s steps.',
        params: IdParams,
        body: GoalStepInputSchema,
        response: { 201: GoalStepSchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await steps().add(requireActor(request), request.params.id, request.body.title);
      return reply.status(201).send(presentStep(row));
    },
  );

  r.put(
    '/api/goals/:id/steps/order',
    {
      schema: {
        tags,
        description: 'Puts the goal’s steps in the order given (every step once).',
        params: IdParams,
        body: GoalStepOrderSchema,
        response: { 200: z.object({ items: z.array(GoalStepSchema) }), ...errors },
      },
    },
    async (request) => {
      const rows = await steps().reorder(
        requireActor(request),
        request.params.id,
        request.body.stepIds,
      );
      return { items: rows.map(presentStep) };
    },
  );

  r.patch(
    '/api/goals/steps/:id',
    {
      schema: {
        tags,
        description: 'Renames a step and/or ticks it (done) or unticks it.',
        params: IdParams,
        body: GoalStepPatchSchema,
        response: { 200: GoalStepSchema, ...errors },
      },
    },
    async (request) =>
      presentStep(await steps().update(requireActor(request), request.params.id, request.body)),
  );

  r.delete(
    '/api/goals/steps/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (request) => {
      await steps().remove(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
}
