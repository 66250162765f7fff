import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isOverdue } from '../../domain/one-on-one/actions';
import { requireActor } from '../plugins/auth';
import { presentAction } from '../presenters/one-on-one-action.presenter';
import { ActionInputSchema, ActionSchema, MyActionSchema } from '../../contracts/one-on-ones';
import { IdParams, errors } from './schemas';
import { Limit, cursorOf, page } from './one-on-one-schemas';

/** Actions: agreed in a meeting, open until done, and each person's own list. */
export async function oneOnOneActionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const actions = () => app.services.oneOnOne.actions;
  const tags = ['one-on-ones'];

  r.post(
    '/api/one-on-ones/meetings/:id/actions',
    {
      schema: {
        tags,
        params: IdParams,
        body: ActionInputSchema,
        response: { 201: ActionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await actions().create(actor, request.params.id, request.body);
      const { ownerTimeZone } = await actions().get(actor, row.id);
      return reply.status(201).send(presentAction(row, ownerTimeZone, app.services.clock.now()));
    },
  );

  r.patch(
    '/api/actions/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: ActionInputSchema.omit({ pointId: true, prompt: true })
          .partial()
          .extend({ done: z.boolean().optional() }),
        response: { 200: ActionSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await actions().update(actor, request.params.id, request.body);
      const { action, ownerTimeZone } = await actions().get(actor, request.params.id);
      return presentAction(action, ownerTimeZone, app.services.clock.now());
    },
  );

  r.get(
    '/api/actions',
    {
      schema: {
        tags,
        querystring: z.object({
          owner: z.literal('me').default('me'),
          status: z.enum(['open', 'done']).default('open'),
          cursor: cursorOf(
            // A due date (open actions) or the instant it was done (done ones); cast by the query.
            z.object({ key: z.union([z.iso.date(), z.iso.datetime()]), id: z.uuid() }),
          ).optional(),
          limit: Limit,
        }),
        response: {
          200: z.object({ items: z.array(MyActionSchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const rows = await actions().mine(actor, {
        status: q.status,
        after: q.cursor,
        limit: q.limit + 1,
      });
      const now = app.services.clock.now();
      const p = page(rows, q.limit, (x) => ({
        key:
          q.status === 'open' ? (x.action.dueDate ?? '9999-12-31') : x.action.doneAt!.toISOString(),
        id: x.action.id,
      }));
      return {
        items: p.items.map((x) => ({
          ...presentAction(x.action, actor.timeZone, now),
          overdue: isOverdue(x.action, actor.timeZone, now),
          withName: x.counterpartName,
          meetingDate: x.meetingDate,
          conversationId: x.conversationId,
        })),
        nextCursor: p.nextCursor,
      };
    },
  );
}
