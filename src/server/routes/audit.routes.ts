import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Actor } from '../../domain/roles';
import { translator } from '../i18n';
import { requireActor } from '../plugins/auth';
import { auditCsv, presentAuditEvent } from '../presenters/audit.presenter';
import { AuditEventSchema, AuditQuerySchema } from '../../contracts/audit';
import type { AuditFilter } from '../repositories/audit.repository';
import { requestLocale } from '../request-locale';
import { errors } from './schemas';
import { cursorOf, page, PgInstantText } from './one-on-one-schemas';

/** A day's start in a time zone, as an instant. */
function startOfDay(date: string, timeZone: string): Date {
  const ms = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds;
  return new Date(ms);
}

function filterOf(actor: Actor, q: z.infer<typeof AuditQuerySchema>): Omit<AuditFilter, 'limit'> {
  return {
    personId: q.person,
    kind: q.kind,
    from: q.from ? startOfDay(q.from, actor.timeZone) : undefined,
    to: q.to
      ? startOfDay(Temporal.PlainDate.from(q.to).add({ days: 1 }).toString(), actor.timeZone)
      : undefined,
  };
}

/** The audit log, for administrators: read and export; nothing changes or removes an entry. */
export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  r.get(
    '/api/admin/audit',
    {
      schema: {
        tags,
        querystring: AuditQuerySchema.extend({
          cursor: cursorOf(z.object({ at: PgInstantText, id: z.uuid() })).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(AuditEventSchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const rows = await app.services.audit.page(actor, {
        ...filterOf(actor, q),
        before: q.cursor,
        limit: q.limit + 1,
      });
      const p = page(rows, q.limit, (last) => ({ at: last.at_key, id: last.id }));
      return { items: p.items.map(presentAuditEvent), nextCursor: p.nextCursor };
    },
  );

  r.get(
    '/api/admin/audit/export.csv',
    // A file, not JSON: no response schema (the serializer would quote it).
    { schema: { tags, querystring: AuditQuerySchema } },
    async (request: FastifyRequest<{ Querystring: z.infer<typeof AuditQuerySchema> }>, reply) => {
      const actor = requireActor(request);
      const rows = await app.services.audit.exportRows(actor, filterOf(actor, request.query));
      const csv = auditCsv(rows, await translator(requestLocale(request)));
      const day = app.services.clock.now().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${day}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(csv);
    },
  );
}
