import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textLine } from '../../domain/text';
import { requireActor } from '../plugins/auth';
import { presentPerson } from '../presenters/person.presenter';
import { PersonInputSchema, PersonSchema } from '../../contracts/people';
import { IdParams, errors } from './schemas';
import { ErrorSchema } from '../../contracts/common';

const Cursor = z
  .string()
  .max(500)
  .transform((s, ctx) => {
    try {
      const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
      return z.object({ name: z.string(), id: z.uuid() }).parse(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'invalid' });
      return z.NEVER;
    }
  });

function encodeCursor(c: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

/** HR's people register, and a manager's own team. */
export async function peopleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/people',
    {
      schema: {
        tags: ['people'],
        querystring: z.object({
          search: textLine().max(200).optional(),
          departmentId: z.uuid().optional(),
          managerId: z.uuid().optional(),
          includeInactive: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
          cursor: Cursor.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(PersonSchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await app.services.people.list(requireActor(request), {
        search: q.search || undefined,
        departmentId: q.departmentId,
        managerId: q.managerId,
        includeInactive: q.includeInactive,
        after: q.cursor,
        limit: q.limit + 1,
      });
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map((x) => presentPerson(x.person, x)),
        nextCursor:
          rows.length > q.limit && last
            ? encodeCursor({ name: last.person.name, id: last.person.id })
            : null,
      };
    },
  );

  r.get(
    '/api/team',
    {
      schema: {
        tags: ['people'],
        response: { 200: z.object({ items: z.array(PersonSchema) }), ...errors },
      },
    },
    async (request) => {
      const rows = await app.services.people.team(requireActor(request));
      return { items: rows.map((x) => presentPerson(x.person, x)) };
    },
  );

  r.get(
    '/api/people/:id',
    { schema: { tags: ['people'], params: IdParams, response: { 200: PersonSchema, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      const row = await app.services.people.getWithNames(actor, request.params.id);
      return presentPerson(row.person, row, actor);
    },
  );

  r.post(
    '/api/people',
    {
      schema: {
        tags: ['people'],
        body: PersonInputSchema,
        response: { 201: PersonSchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await app.services.people.create(actor, request.body);
      return reply.status(201).send(presentPerson(row, {}, actor));
    },
  );

  r.patch(
    '/api/people/:id',
    {
      schema: {
        tags: ['people'],
        params: IdParams,
        body: PersonInputSchema.partial(),
        response: { 200: PersonSchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await app.services.people.update(actor, request.params.id, request.body);
      return presentPerson(row, {}, actor);
    },
  );

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    r.post(
      `/api/people/:id/${path}`,
      {
        schema: { tags: ['people'], params: IdParams, response: { 200: PersonSchema, ...errors } },
      },
      async (request) => {
        const actor = requireActor(request);
        const row = await app.services.people.setActive(actor, request.params.id, active);
        return presentPerson(row, {}, actor);
      },
    );
  }
}
