import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textLine } from '../../domain/text';
import { requireActor } from '../plugins/auth';
import { errors } from './schemas';
import { LocaleSchema } from '../../contracts/common';

const OrgSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  defaultLocale: z.string(),
  defaultTimeZone: z.string(),
});

const present = (o: z.infer<typeof OrgSchema>) => ({
  id: o.id,
  name: o.name,
  slug: o.slug,
  defaultLocale: o.defaultLocale,
  defaultTimeZone: o.defaultTimeZone,
});

/** The organisation's settings. */
export async function organisationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/organisation',
    { schema: { tags: ['organisation'], response: { 200: OrgSchema, ...errors } } },
    async (request) => present(await app.services.organisation.get(requireActor(request))),
  );
  r.patch(
    '/api/organisation',
    {
      schema: {
        tags: ['organisation'],
        body: z.object({
          name: textLine().trim().min(1).max(200).optional(),
          defaultLocale: LocaleSchema.optional(),
          defaultTimeZone: textLine().min(1).max(64).optional(),
        }),
        response: { 200: OrgSchema, ...errors },
      },
    },
    async (request) =>
      present(await app.services.organisation.update(requireActor(request), request.body)),
  );
}
