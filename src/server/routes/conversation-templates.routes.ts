import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConversationTemplateInputSchema,
  ConversationTemplateUpdateSchema,
} from '../../domain/development/template-file';
import { requireActor } from '../plugins/auth';
import {
  presentTemplateDetail,
  presentTemplateSummary,
} from '../presenters/conversation-template.presenter';
import {
  ConversationTemplateDetailSchema,
  ConversationTemplateSummarySchema,
} from '../../contracts/conversation-templates';
import { IdParams, errors } from './schemas';

/** Conversation templates (HR): list, create, copy, edit as a new version, archive, import/export. */
export async function conversationTemplateRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = () => app.services.conversationTemplates;
  const tags = ['conversation-templates'];
  const detail = { 200: ConversationTemplateDetailSchema, ...errors };

  r.get(
    '/api/conversation-templates',
    {
      schema: {
        tags,
        querystring: z.object({ archived: z.stringbool().default(false) }),
        response: {
          200: z.object({ items: z.array(ConversationTemplateSummarySchema) }),
          ...errors,
        },
      },
    },
    async (request) => ({
      items: (await svc().list(requireActor(request), request.query)).map(presentTemplateSummary),
    }),
  );

  r.post(
    '/api/conversation-templates',
    {
      schema: {
        tags,
        body: ConversationTemplateInputSchema,
        response: { 201: ConversationTemplateDetailSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentTemplateDetail(await svc().create(requireActor(request), request.body))),
  );

  // The file is checked by the service, so every problem is reported with its path in the file.
  r.post(
    '/api/conversation-templates/import',
    {
      schema: {
        tags,
        body: z.unknown(),
        response: { 201: ConversationTemplateDetailSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentTemplateDetail(await svc().importFile(requireActor(request), request.body))),
  );

  r.get(
    '/api/conversation-templates/:id',
    { schema: { tags, params: IdParams, response: detail } },
    async (request) =>
      presentTemplateDetail(await svc().get(requireActor(request), request.params.id)),
  );

  r.put(
    '/api/conversation-templates/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: ConversationTemplateUpdateSchema,
        response: detail,
      },
    },
    async (request) =>
      presentTemplateDetail(
        await svc().update(requireActor(request), request.params.id, request.body),
      ),
  );

  r.post(
    '/api/conversation-templates/:id/copy',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 201: ConversationTemplateDetailSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentTemplateDetail(await svc().copy(requireActor(request), request.params.id))),
  );

  r.patch(
    '/api/conversation-templates/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({ archived: z.boolean() }),
        response: detail,
      },
    },
    async (request) =>
      presentTemplateDetail(
        await svc().setArchived(requireActor(request), request.params.id, request.body.archived),
      ),
  );

  r.get(
    '/api/conversation-templates/:id/export',
    { schema: { tags, params: IdParams } },
    async (request, reply) => {
      const file = await svc().exportFile(requireActor(request), request.params.id);
      const slug = (file.name.en ?? Object.values(file.name)[0] ?? 'template')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${slug || 'template'}.json"`)
        .send(JSON.stringify(file, null, 2));
    },
  );
}
