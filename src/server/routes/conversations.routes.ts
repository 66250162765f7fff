import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textBlock } from '../../domain/text';
import { OWN_CONVERSATION_KINDS } from '../../domain/development/conversation';
import { requireActor } from '../plugins/auth';
import {
  presentConversationListItem,
  presentConversationPage,
} from '../presenters/conversation.presenter';
import {
  BookingInputSchema,
  ConversationListItemSchema,
  ConversationPageSchema,
} from '../../contracts/conversations';
import { cursorOf, page } from './one-on-one-schemas';
import { IdParams, errors } from './schemas';

/** The pair's conversations: list, one page, booking, starting and the follow-up. */
export async function conversationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = () => app.services.conversations.conversations;
  const tags = ['conversations'];
  const pageOf = async (actor: ReturnType<typeof requireActor>, id: string) =>
    presentConversationPage(actor, await svc().get(actor, id), app.services.clock.now());

  r.get(
    '/api/conversations',
    {
      schema: {
        tags,
        querystring: z.object({
          as: z.enum(['manager', 'employee']).default('manager'),
          cursor: cursorOf(z.object({ createdAt: z.iso.datetime(), id: z.uuid() })).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(100),
        }),
        response: {
          200: z.object({
            items: z.array(ConversationListItemSchema),
            nextCursor: z.string().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { as, cursor, limit } = request.query;
      const rows = await svc().list(actor, {
        as,
        limit: limit + 1,
        ...(cursor ? { after: { createdAt: new Date(cursor.createdAt), id: cursor.id } } : {}),
      });
      const p = page(rows, limit, (last) => ({
        createdAt: last.conversation.createdAt.toISOString(),
        id: last.conversation.id,
      }));
      return { items: p.items.map(presentConversationListItem), nextCursor: p.nextCursor };
    },
  );

  r.post(
    '/api/conversations',
    {
      schema: {
        tags,
        description:
          'A manager books a salary, wellbeing or development conversation with a direct report on their own, outside any round.',
        body: z.object({
          employeeId: z.uuid(),
          kind: z.enum(OWN_CONVERSATION_KINDS),
          booking: BookingInputSchema,
        }),
        response: { 201: ConversationPageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { conversation } = await svc().bookOwn(actor, request.body);
      return reply.status(201).send(await pageOf(actor, conversation.id));
    },
  );

  r.get(
    '/api/conversations/summary',
    {
      schema: {
        tags,
        response: { 200: z.object({ toBook: z.int(), upcoming: z.int() }), ...errors },
      },
    },
    async (request) => svc().counts(requireActor(request)),
  );

  r.get(
    '/api/conversations/:id',
    { schema: { tags, params: IdParams, response: { 200: ConversationPageSchema, ...errors } } },
    async (request) => pageOf(requireActor(request), request.params.id),
  );

  r.put(
    '/api/conversations/:id/booking',
    {
      schema: {
        tags,
        params: IdParams,
        body: BookingInputSchema,
        response: { 200: ConversationPageSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await svc().book(actor, request.params.id, request.body);
      return pageOf(actor, request.params.id);
    },
  );

  r.post(
    '/api/conversations/:id/booking/cancel',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({ reason: textBlock().trim().max(500).nullable().optional() }),
        response: { 200: ConversationPageSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await svc().cancel(actor, request.params.id, request.body.reason ?? null);
      return pageOf(actor, request.params.id);
    },
  );

  r.post(
    '/api/conversations/:id/start',
    {
      schema: {
        tags,
        params: IdParams,
        // Before the booked day the manager confirms holding it now (else 409 start_early).
        body: z.object({ holdNow: z.boolean().optional() }).optional(),
        response: { 200: ConversationPageSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await svc().start(actor, request.params.id, { holdNow: request.body?.holdNow === true });
      return pageOf(actor, request.params.id);
    },
  );

  r.post(
    '/api/conversations/:id/follow-up',
    {
      schema: {
        tags,
        params: IdParams,
        body: BookingInputSchema,
        response: { 201: ConversationPageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { conversation } = await svc().bookFollowUp(actor, request.params.id, request.body);
      return reply.status(201).send(await pageOf(actor, conversation.id));
    },
  );
}
