import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textLine } from '../../domain/text';
import { requireActor } from '../plugins/auth';
import { IdParams, Ok, errors } from './schemas';
import { ErrorSchema } from '../../contracts/common';
import { DepartmentSchema } from '../../contracts/departments';

/** A department as the list shows it. */
const presentDepartment = (
  d: { id: string; name: string; parentId: string | null },
  people = 0,
) => ({
  id: d.id,
  name: d.name,
  parentId: d.parentId,
  people,
});

/** The department tree. */
export async function departmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/departments',
    {
      schema: {
        tags: ['departments'],
        response: { 200: z.object({ items: z.array(DepartmentSchema) }), ...errors },
      },
    },
    async (request) => {
      const rows = await app.services.departments.list(requireActor(request));
      return { items: rows.map((x) => presentDepartment(x.department, Number(x.people ?? 0))) };
    },
  );

  r.post(
    '/api/departments',
    {
      schema: {
        tags: ['departments'],
        body: z.object({
          name: textLine().trim().min(1).max(200),
          parentId: z.uuid().nullable().optional(),
        }),
        response: { 201: DepartmentSchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const row = await app.services.departments.create(requireActor(request), request.body);
      return reply.status(201).send(presentDepartment(row));
    },
  );

  r.patch(
    '/api/departments/:id',
    {
      schema: {
        tags: ['departments'],
        params: IdParams,
        body: z.object({
          name: textLine().trim().min(1).max(200).optional(),
          parentId: z.uuid().nullable().optional(),
        }),
        response: { 200: DepartmentSchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request) =>
      presentDepartment(
        await app.services.departments.update(
          requireActor(request),
          request.params.id,
          request.body,
        ),
      ),
  );

  r.delete(
    '/api/departments/:id',
    {
      schema: {
        tags: ['departments'],
        params: IdParams,
        response: { 200: Ok, ...errors, 409: ErrorSchema },
      },
    },
    async (request) => {
      await app.services.departments.remove(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
}
