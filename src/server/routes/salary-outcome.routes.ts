import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SalaryOutcomeInputSchema } from '../../domain/development/salary';
import { requireActor } from '../plugins/auth';
import { presentSalaryOutcome } from '../presenters/salary-outcome.presenter';
import { SalaryOutcomeSchema } from '../../contracts/salary-outcomes';
import { Limit, cursorOf, page } from './one-on-one-schemas';
import { IdParams, errors } from './schemas';

/** Salary outcomes: the pair and the 'salary' role only (seed 004, decision 012). */
export async function salaryOutcomeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const salary = () => app.services.salaryOutcomes;
  const tags = ['salary'];

  r.get(
    '/api/conversations/:id/salary-outcome',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: z.object({ outcome: SalaryOutcomeSchema.nullable() }), ...errors },
      },
    },
    async (request) => {
      const res = await salary().get(requireActor(request), request.params.id);
      return { outcome: res.outcome ? presentSalaryOutcome(res.outcome) : null };
    },
  );

  r.put(
    '/api/conversations/:id/salary-outcome',
    {
      schema: {
        tags,
        params: IdParams,
        body: SalaryOutcomeInputSchema,
        response: { 200: SalaryOutcomeSchema, ...errors },
      },
    },
    async (request) =>
      presentSalaryOutcome(
        await salary().record(requireActor(request), request.params.id, request.body),
      ),
  );

  r.get(
    '/api/salary-outcomes',
    {
      schema: {
        tags,
        querystring: z.object({
          cursor: cursorOf(z.object({ date: z.iso.date(), id: z.uuid() })).optional(),
          limit: Limit,
        }),
        response: {
          200: z.object({
            items: z.array(SalaryOutcomeSchema.extend({ employeeName: z.string() })),
            nextCursor: z.string().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await salary().list(requireActor(request), {
        after: q.cursor,
        limit: q.limit + 1,
      });
      const p = page(rows, q.limit, (x) => ({
        date: x.outcome.effectiveDate,
        id: x.outcome.conversationId,
      }));
      return {
        items: p.items.map((x) => ({
          ...presentSalaryOutcome(x.outcome),
          employeeName: x.employeeName,
        })),
        nextCursor: p.nextCursor,
      };
    },
  );
}
