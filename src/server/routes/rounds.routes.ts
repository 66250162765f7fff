import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textLine } from '../../domain/text';
import { RoundInputSchema } from '../../domain/development/round';
import { requireActor } from '../plugins/auth';
import { presentRound } from '../presenters/round.presenter';
import {
  NewcomersIncludedSchema,
  ProgressPageSchema,
  RoundDetailSchema,
  RoundDtoSchema,
  RoundOpenedSchema,
} from '../../contracts/rounds';
import { IdParams, errors } from './schemas';

/** Rounds (HR): open one, list them, follow progress as counts, remind managers who are behind. */
export async function roundRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = () => app.services.rounds;
  const tags = ['rounds'];

  r.get(
    '/api/rounds',
    {
      schema: {
        tags,
        querystring: z.object({ cursor: textLine().max(200).optional() }),
        response: {
          200: z.object({ items: z.array(RoundDtoSchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const page = await svc().list(requireActor(request), request.query.cursor);
      return {
        items: page.items.map((i) => presentRound(i.round, i.counts)),
        nextCursor: page.nextCursor,
      };
    },
  );

  r.post(
    '/api/rounds',
    { schema: { tags, body: RoundInputSchema, response: { 201: RoundOpenedSchema, ...errors } } },
    async (request, reply) => {
      const o = await svc().open(requireActor(request), request.body);
      return reply.status(201).send({
        round: presentRound(o.round, {
          not_booked: o.created,
          booked: 0,
          held: 0,
          closed: 0,
          signed: 0,
          total: o.created,
        }),
        templateVersion: o.templateVersion,
        created: o.created,
        skipped: o.skipped,
      });
    },
  );

  r.get(
    '/api/rounds/:id',
    { schema: { tags, params: IdParams, response: { 200: RoundDetailSchema, ...errors } } },
    async (request) => {
      const d = await svc().get(requireActor(request), request.params.id);
      return {
        ...presentRound(d.round, d.counts),
        template: d.template,
        salaryRoundName: d.salaryRoundName,
      };
    },
  );

  r.patch(
    '/api/rounds/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({ closed: z.boolean() }),
        response: { 200: RoundDetailSchema, ...errors },
      },
    },
    async (request) => {
      const d = await svc().setClosed(
        requireActor(request),
        request.params.id,
        request.body.closed,
      );
      return {
        ...presentRound(d.round, d.counts),
        template: d.template,
        salaryRoundName: d.salaryRoundName,
      };
    },
  );

  r.get(
    '/api/rounds/:id/progress',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({
          by: z.enum(['department', 'manager']).default('department'),
          limit: z.coerce.number().int().min(1).max(100).default(25),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: { 200: ProgressPageSchema, ...errors },
      },
    },
    async (request) => {
      const { by, limit, offset } = request.query;
      return svc().progress(requireActor(request), request.params.id, by, { limit, offset });
    },
  );

  r.post(
    '/api/rounds/:id/newcomers',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: NewcomersIncludedSchema, ...errors },
      },
    },
    async (request) => svc().includeNewcomers(requireActor(request), request.params.id),
  );

  r.post(
    '/api/rounds/:id/remind',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: z.object({ mailed: z.number().int() }), ...errors },
      },
    },
    async (request) =>
      svc().remindNow(requireActor(request), request.params.id, {
        mailer: app.mailer,
        publicUrl: app.config.publicUrl,
      }),
  );
}
