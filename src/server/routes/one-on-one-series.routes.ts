import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textBlock } from '../../domain/text';
import { requireActor } from '../plugins/auth';
import { presentMeeting, presentSeries } from '../presenters/one-on-one.presenter';
import { MeetingSchema, SeriesInputSchema, SeriesSchema } from '../../contracts/one-on-ones';
import { IdParams, errors } from './schemas';
import { ErrorSchema } from '../../contracts/common';
import { Limit, cursorOf, page } from './one-on-one-schemas';

const MeetingCursor = cursorOf(z.object({ at: z.iso.datetime(), id: z.uuid() }));

/** Booking, reading and changing 1:1 series. */
export async function oneOnOneSeriesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = () => app.services.oneOnOne.series;

  r.post(
    '/api/one-on-ones/series',
    {
      schema: {
        tags: ['one-on-ones'],
        body: SeriesInputSchema,
        response: { 201: SeriesSchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await svc().create(actor, request.body);
      const full = await svc().get(actor, row.id);
      return reply.status(201).send(presentSeries(full.series, full, actor));
    },
  );

  r.get(
    '/api/one-on-ones/series',
    {
      schema: {
        tags: ['one-on-ones'],
        querystring: z.object({
          includeEnded: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
        }),
        response: { 200: z.object({ items: z.array(SeriesSchema) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await svc().list(actor, request.query.includeEnded);
      return { items: rows.map((x) => presentSeries(x.series, x, actor)) };
    },
  );

  r.get(
    '/api/one-on-ones/series/:id',
    {
      schema: {
        tags: ['one-on-ones'],
        params: IdParams,
        response: { 200: SeriesSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const x = await svc().get(actor, request.params.id);
      return presentSeries(x.series, x, actor);
    },
  );

  r.patch(
    '/api/one-on-ones/series/:id',
    {
      schema: {
        tags: ['one-on-ones'],
        params: IdParams,
        body: SeriesInputSchema.omit({ employeeId: true }).partial(),
        response: { 200: SeriesSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await svc().update(actor, request.params.id, request.body);
      const x = await svc().get(actor, request.params.id);
      return presentSeries(x.series, x, actor);
    },
  );

  r.post(
    '/api/one-on-ones/series/:id/end',
    {
      schema: {
        tags: ['one-on-ones'],
        params: IdParams,
        body: z.object({ reason: textBlock().trim().min(1).max(1000) }),
        response: { 200: SeriesSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await svc().end(actor, request.params.id, request.body);
      const x = await svc().get(actor, request.params.id);
      return presentSeries(x.series, x, actor);
    },
  );

  r.get(
    '/api/one-on-ones/series/:id/meetings',
    {
      schema: {
        tags: ['one-on-ones'],
        params: IdParams,
        querystring: z.object({
          /** "upcoming" (soonest first) or "past" (newest first). */
          when: z.enum(['upcoming', 'past']).default('upcoming'),
          cursor: MeetingCursor.optional(),
          limit: Limit,
        }),
        response: {
          200: z.object({ items: z.array(MeetingSchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await svc().meetings(requireActor(request), request.params.id, {
        direction: q.when,
        after: q.cursor ? { startsAt: new Date(q.cursor.at), id: q.cursor.id } : undefined,
        limit: q.limit + 1,
      });
      const p = page(rows, q.limit, (x) => ({
        at: x.meeting.startsAt.toISOString(),
        id: x.meeting.id,
      }));
      return {
        items: p.items.map((x) => presentMeeting(x.meeting, { hasMinutes: x.hasMinutes })),
        nextCursor: p.nextCursor,
      };
    },
  );
}
