import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TemplateInputSchema } from '../../domain/one-on-one/template';
import { requireActor } from '../plugins/auth';
import { TemplateDtoSchema } from '../../contracts/one-on-ones';
import type { TemplateRow } from '../repositories/one-on-one-template.repository';
import { IdParams, errors } from './schemas';

function presentOrgTemplate(t: TemplateRow): z.infer<typeof TemplateDtoSchema> {
  return {
    ref: `org:${t.id}`,
    builtin: false,
    name: t.name,
    description: t.description ?? null,
    sections: t.sections,
  };
}

/** Agenda templates: everyone may list them; HR adds and edits the organisation's own. */
export async function oneOnOneTemplateRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const templates = () => app.services.oneOnOne.templates;
  const tags = ['one-on-ones'];

  r.get(
    '/api/one-on-ones/templates',
    {
      schema: {
        tags,
        response: { 200: z.object({ items: z.array(TemplateDtoSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await templates().list(requireActor(request)) }),
  );

  r.post(
    '/api/one-on-ones/templates',
    {
      schema: { tags, body: TemplateInputSchema, response: { 201: TemplateDtoSchema, ...errors } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentOrgTemplate(await templates().create(requireActor(request), request.body))),
  );

  r.patch(
    '/api/one-on-ones/templates/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: TemplateInputSchema.partial().extend({ archived: z.boolean().optional() }),
        response: { 200: TemplateDtoSchema, ...errors },
      },
    },
    async (request) =>
      presentOrgTemplate(
        await templates().update(requireActor(request), request.params.id, request.body),
      ),
  );
}
