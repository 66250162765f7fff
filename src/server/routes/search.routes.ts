import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SearchQuerySchema, SearchResponseSchema, type SearchResult } from '../../contracts/search';
import { segmentsOf } from '../../domain/search/search';
import { requireActor } from '../plugins/auth';
import type { SearchRow } from '../repositories/search.repository';
import { errors } from './schemas';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** One found record as the browser gets it: found words as segments, never markup. */
function presentHit(row: SearchRow): SearchResult {
  return {
    kind: row.kind,
    id: row.id,
    meetingId: row.meeting_id,
    conversationId: row.conversation_id,
    with: { id: row.with_id, name: row.with_name },
    at: iso(row.at),
    title: row.title === null ? null : segmentsOf(row.title),
    snippet: row.snippet === null ? null : segmentsOf(row.snippet),
  };
}

/** GET /api/search: what the reader may see, ranked, with the found words marked. */
export async function searchRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        querystring: SearchQuerySchema,
        response: { 200: SearchResponseSchema, ...errors },
      },
    },
    async (request) => {
      const { rows, more } = await app.services.search.search(requireActor(request), request.query);
      return { items: rows.map(presentHit), more };
    },
  );
}
