import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textBlock, textLine } from '../../domain/text';
import { TASK_FREQUENCIES } from '../../domain/wellbeing/task-review';
import { requireActor } from '../plugins/auth';
import { presentReview, presentReviewSummary } from '../presenters/task-review.presenter';
import { TaskReviewSchema, TaskReviewSummarySchema } from '../../contracts/task-reviews';
import { Limit, cursorOf, page } from './one-on-one-schemas';
import { IdParams, errors } from './schemas';

const ItemBody = z.object({
  title: textLine().trim().min(1).max(300),
  frequency: z.enum(TASK_FREQUENCIES),
  timeSharePercent: z.number().int().min(0).max(100),
  demand: z.number().int().min(1).max(5),
  support: textBlock().max(2000).optional(),
  copiedFromItemId: z.uuid().nullable().optional(),
});

/** Task-status reviews of a 1:1 series (seed 001). */
export async function taskReviewRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const reviews = () => app.services.wellbeing.taskReviews;
  const tags = ['wellbeing'];

  r.get(
    '/api/one-on-ones/series/:id/task-reviews',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({
          cursor: cursorOf(z.object({ createdAt: z.iso.datetime(), id: z.uuid() })).optional(),
          limit: Limit,
        }),
        response: {
          200: z.object({
            items: z.array(TaskReviewSummarySchema),
            nextCursor: z.string().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await reviews().list(
        requireActor(request),
        request.params.id,
        q.limit + 1,
        q.cursor,
      );
      const p = page(rows, q.limit, (x) => ({ createdAt: x.createdAt.toISOString(), id: x.id }));
      return { items: p.items.map(presentReviewSummary), nextCursor: p.nextCursor };
    },
  );

  r.post(
    '/api/one-on-ones/series/:id/task-reviews',
    { schema: { tags, params: IdParams, response: { 201: TaskReviewSchema, ...errors } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const review = await reviews().start(actor, request.params.id);
      return reply.status(201).send(presentReview(await reviews().get(actor, review.id)));
    },
  );

  r.get(
    '/api/task-reviews/:id',
    { schema: { tags, params: IdParams, response: { 200: TaskReviewSchema, ...errors } } },
    async (request) => presentReview(await reviews().get(requireActor(request), request.params.id)),
  );

  r.put(
    '/api/task-reviews/:id/items',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({ items: z.array(ItemBody).max(50) }),
        response: { 200: TaskReviewSchema, ...errors },
      },
    },
    async (request) =>
      presentReview(
        await reviews().saveItems(requireActor(request), request.params.id, request.body.items),
      ),
  );

  r.post(
    '/api/task-reviews/:id/reviewed',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({ meetingId: z.uuid().nullable().optional() }),
        response: { 200: TaskReviewSchema, ...errors },
      },
    },
    async (request) =>
      presentReview(
        await reviews().markReviewed(
          requireActor(request),
          request.params.id,
          request.body.meetingId ?? null,
        ),
      ),
  );
}
