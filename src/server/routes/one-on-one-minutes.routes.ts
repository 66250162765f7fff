import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textBlock } from '../../domain/text';
import { SealedSchema } from '../../contracts/vault';
import { requireActor } from '../plugins/auth';
import { presentMinutes, presentReflection } from '../presenters/one-on-one-action.presenter';
import {
  MeetingSchema,
  MinutesSchema,
  ReflectionSchema,
  ReflectionTopicSchema,
} from '../../contracts/one-on-ones';
import { IdParams, errors } from './schemas';
import { ErrorSchema } from '../../contracts/common';
import { presentMeeting } from '../presenters/one-on-one.presenter';
import { Limit, cursorOf, page } from './one-on-one-schemas';

const TimeCursor = cursorOf(z.object({ at: z.iso.datetime(), id: z.uuid() }));

/** After the meeting: finishing it, the decision minutes, and the manager's reflections. */
export async function oneOnOneMinutesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const minutes = () => app.services.oneOnOne.minutes;
  const tags = ['one-on-ones'];

  r.post(
    '/api/one-on-ones/meetings/:id/finish',
    { schema: { tags, params: IdParams, response: { 200: MinutesSchema, ...errors } } },
    async (request) =>
      presentMinutes(await minutes().finish(requireActor(request), request.params.id)),
  );

  r.post(
    '/api/one-on-ones/meetings/:id/start',
    { schema: { tags, params: IdParams, response: { 200: MeetingSchema, ...errors } } },
    async (request) =>
      presentMeeting(
        await app.services.oneOnOne.state.start(requireActor(request), request.params.id),
      ),
  );

  r.post(
    '/api/one-on-ones/meetings/:id/reopen',
    { schema: { tags, params: IdParams, response: { 200: MeetingSchema, ...errors } } },
    async (request) =>
      presentMeeting(
        await app.services.oneOnOne.state.undoFinish(requireActor(request), request.params.id),
      ),
  );

  r.get(
    '/api/one-on-ones/meetings/:id/minutes',
    { schema: { tags, params: IdParams, response: { 200: MinutesSchema, ...errors } } },
    async (request) =>
      presentMinutes(await minutes().get(requireActor(request), request.params.id)),
  );

  r.post(
    '/api/one-on-ones/meetings/:id/minutes/acknowledge',
    { schema: { tags, params: IdParams, response: { 200: MinutesSchema, ...errors } } },
    async (request) =>
      presentMinutes(await minutes().acknowledge(requireActor(request), request.params.id)),
  );

  r.get(
    '/api/one-on-ones/minutes',
    {
      schema: {
        tags,
        querystring: z.object({ cursor: TimeCursor.optional(), limit: Limit }),
        response: {
          200: z.object({ items: z.array(MinutesSchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await minutes().listMine(requireActor(request), {
        after: q.cursor ? { at: new Date(q.cursor.at), id: q.cursor.id } : undefined,
        limit: q.limit + 1,
      });
      const p = page(rows, q.limit, (m) => ({ at: m.createdAt.toISOString(), id: m.meetingId }));
      return { items: p.items.map(presentMinutes), nextCursor: p.nextCursor };
    },
  );

  r.get(
    '/api/one-on-ones/meetings/:id/reflection',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: z.object({ reflection: ReflectionSchema.nullable() }), ...errors },
      },
    },
    async (request) => {
      const row = await minutes().reflection(requireActor(request), request.params.id);
      return { reflection: row ? presentReflection(row) : null };
    },
  );

  r.put(
    '/api/one-on-ones/meetings/:id/reflection',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.union([
          z.strictObject({
            topics: z.array(ReflectionTopicSchema).max(50),
            notes: textBlock().max(20_000).default(''),
          }),
          /** {topics, notes} sealed in the author's browser, once they have a vault (018). */
          z.strictObject({ sealed: SealedSchema }),
        ]),
        response: { 200: ReflectionSchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request) =>
      presentReflection(
        await minutes().saveReflection(requireActor(request), request.params.id, request.body),
      ),
  );

  r.get(
    '/api/one-on-ones/reflections',
    {
      schema: {
        tags,
        querystring: z.object({ cursor: TimeCursor.optional(), limit: Limit }),
        response: {
          200: z.object({ items: z.array(ReflectionSchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await minutes().listReflections(requireActor(request), {
        after: q.cursor ? { at: new Date(q.cursor.at), id: q.cursor.id } : undefined,
        limit: q.limit + 1,
      });
      const p = page(rows, q.limit, (x) => ({
        at: x.reflection.meetingStartsAt.toISOString(),
        id: x.reflection.id,
      }));
      return {
        items: p.items.map((x) => presentReflection(x.reflection, x.employeeName)),
        nextCursor: p.nextCursor,
      };
    },
  );
}
