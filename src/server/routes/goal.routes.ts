import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textBlock, textLine } from '../../domain/text';
import {
  GoalInputSchema,
  GoalOutcomeInputSchema,
  GoalPatchSchema,
  ProgressNoteInputSchema,
} from '../../domain/development/goals';
import { requireActor } from '../plugins/auth';
import {
  presentGoal,
  presentOrganisationGoal,
  presentPlanItem,
  presentProgress,
} from '../presenters/goal.presenter';
import {
  GoalSchema,
  OrganisationGoalSchema,
  OrganisationGoalTranslationsSchema,
  PlanItemSchema,
  ProgressNoteSchema,
} from '../../contracts/goals';
import { IdParams, Ok, errors } from './schemas';

const OrganisationGoalBody = z.object({
  title: textLine().trim().min(1).max(300),
  description: textBlock().trim().max(5000).default(''),
  translations: OrganisationGoalTranslationsSchema.optional(),
});

/** Goals of a conversation, their outcomes, the pair's goals panel and organisation goals. */
export async function goalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const goals = () => app.services.goals;
  const tags = ['goals'];

  r.get(
    '/api/conversations/:id/goals',
    {
      schema: {
        tags,
        params: IdParams,
        response: {
          200: z.object({ lastPeriod: z.array(GoalSchema), goals: z.array(GoalSchema) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const res = await goals().forConversation(requireActor(request), request.params.id);
      return {
        lastPeriod: res.lastPeriod.map((g) => presentGoal(g, res.titles, [], res.steps)),
        goals: res.goals.map((g) => presentGoal(g, res.titles, [], res.steps)),
      };
    },
  );

  r.post(
    '/api/conversations/:id/goals',
    {
      schema: {
        tags,
        params: IdParams,
        body: GoalInputSchema,
        response: { 201: GoalSchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await goals().create(requireActor(request), request.params.id, request.body);
      return reply.status(201).send(presentGoal(row));
    },
  );

  r.put(
    '/api/conversations/:id/goals/:goalId/outcome',
    {
      schema: {
        tags,
        params: IdParams.extend({ goalId: z.uuid() }),
        body: GoalOutcomeInputSchema,
        response: { 200: GoalSchema, ...errors },
      },
    },
    async (request) => {
      const { id, goalId } = request.params;
      const res = await goals().setOutcome(requireActor(request), id, goalId, request.body);
      return presentGoal(res.goal, undefined, [], res.steps);
    },
  );

  r.patch(
    '/api/goals/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: GoalPatchSchema,
        response: { 200: GoalSchema, ...errors },
      },
    },
    async (request) => {
      const res = await goals().update(requireActor(request), request.params.id, request.body);
      return presentGoal(res.goal, undefined, [], res.steps);
    },
  );

  r.delete(
    '/api/goals/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (request) => {
      await goals().remove(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/goals',
    {
      schema: {
        tags,
        description:
          'Open goals and plan items the actor agreed with `with` (the other one of the pair), for their 1:1s.',
        querystring: z.object({ with: z.uuid() }),
        response: {
          200: z.object({ goals: z.array(GoalSchema), plan: z.array(PlanItemSchema) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const res = await goals().forPair(requireActor(request), request.query.with);
      return {
        goals: res.goals.map((g) => presentGoal(g, res.titles, res.progress, res.steps)),
        plan: res.plan.map((p) => presentPlanItem(p, res.progress)),
      };
    },
  );

  r.post(
    '/api/goals/:id/progress',
    {
      schema: {
        tags,
        params: IdParams,
        body: ProgressNoteInputSchema,
        response: { 201: ProgressNoteSchema, ...errors },
      },
    },
    async (request, reply) => {
      const note = await goals().addProgress(
        requireActor(request),
        { goalId: request.params.id },
        request.body.body,
      );
      return reply.status(201).send(presentProgress(note));
    },
  );

  r.post(
    '/api/goals/plan-items/:id/progress',
    {
      schema: {
        tags,
        params: IdParams,
        body: ProgressNoteInputSchema,
        response: { 201: ProgressNoteSchema, ...errors },
      },
    },
    async (request, reply) => {
      const note = await goals().addProgress(
        requireActor(request),
        { planItemId: request.params.id },
        request.body.body,
      );
      return reply.status(201).send(presentProgress(note));
    },
  );

  r.get(
    '/api/organisation-goals',
    {
      schema: {
        tags,
        querystring: z.object({ archived: z.enum(['include', 'exclude']).default('exclude') }),
        response: { 200: z.object({ items: z.array(OrganisationGoalSchema) }), ...errors },
      },
    },
    async (request) => {
      const rows = await goals().organisationGoals(
        requireActor(request),
        request.query.archived === 'include',
      );
      const locale = requireActor(request).locale;
      return { items: rows.map((g) => presentOrganisationGoal(g, locale)) };
    },
  );

  r.post(
    '/api/organisation-goals',
    {
      schema: {
        tags,
        body: OrganisationGoalBody,
        response: { 201: OrganisationGoalSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await goals().createOrganisationGoal(actor, request.body);
      return reply.status(201).send(presentOrganisationGoal(row, actor.locale));
    },
  );

  r.patch(
    '/api/organisation-goals/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: z
          .object({
            title: textLine().trim().min(1).max(300),
            description: textBlock().trim().max(5000),
            translations: OrganisationGoalTranslationsSchema,
            archived: z.boolean(),
          })
          .partial(),
        response: { 200: OrganisationGoalSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentOrganisationGoal(
        await goals().updateOrganisationGoal(actor, request.params.id, request.body),
        actor.locale,
      );
    },
  );
}
