import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { translator } from '../i18n';
import { requireActor } from '../plugins/auth';
import { statisticsCsv } from '../presenters/statistics-csv.presenter';
import { presentStatistics } from '../presenters/statistics.presenter';
import {
  CompetenceNeedsSchema,
  StatisticsQuerySchema as StatisticsQuery,
  StatisticsSchema,
} from '../../contracts/statistics';
import { requestLocale } from '../request-locale';
import { errors } from './schemas';

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
