import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { translator } from '../i18n';
import { requireActor } from '../plugins/auth';
import { statisticsCsv } from '../presenters/statistics-csv.presenter';
import { presentStatistics } from '../presenters/statistics.presenter';
import { CompetenceNeedsSchema, StatisticsSchema } from '../../contracts/statistics';
import { requestLocale } from '../request-locale';
import { errors } from './schemas';

/** The filters of the statistics page; the CSV export takes the same. */
export const StatisticsQuery = z.object({
  /** A calendar quarter such as 2026-Q3 (default: the current one in the viewer's zone). */
  period: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional(),
  /** "Without a 1:1 in the last N weeks". */
  weeks: z.coerce.number().int().min(1).max(52).default(6),
  /** Show this unit and its sub-units (default: the top of the tree). */
  department: z.uuid().optional(),
  /** Show this manager's team, organisation and the managers below them. */
  manager: z.uuid().optional(),
  /** The conversation round to count (default: the latest). */
  round: z.uuid().optional(),
});

/** HR statistics (HR and admins only): counts per unit and manager, protected wellbeing. */
export async function statisticsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['statistics'];
  const load = (request: FastifyRequest, query: z.infer<typeof StatisticsQuery>) =>
    app.services.statistics.overview(requireActor(request), query);

  r.get(
    '/api/statistics',
    {
      schema: {
        tags,
        querystring: StatisticsQuery,
        response: { 200: StatisticsSchema, ...errors },
      },
    },
    async (request) => presentStatistics(await load(request, request.query)),
  );

  r.get(
    '/api/statistics/competence-needs',
    {
      schema: {
        tags,
        description:
          'People whose open development plan names each competence area and activity kind, for a unit with its sub-units (default: the whole organisation); counts under 5 hidden.',
        querystring: z.object({ department: z.uuid().optional() }),
        response: { 200: CompetenceNeedsSchema, ...errors },
      },
    },
    async (request) =>
      app.services.competenceNeeds.forUnit(requireActor(request), request.query.department),
  );

  r.get(
    '/api/statistics/export.csv',
    // A file, not JSON: no response schema (the serializer would quote it).
    { schema: { tags, querystring: StatisticsQuery } },
    async (request, reply) => {
      const stats = presentStatistics(
        await app.services.statistics.exportOverview(requireActor(request), request.query),
      );
      const locale = requestLocale(request);
      const csv = statisticsCsv(stats, await translator(locale), locale);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="statistics-${stats.period.key}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(csv);
    },
  );
}
