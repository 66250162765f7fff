import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textBlock } from '../../domain/text';
import { CorrectionSchema } from '../../domain/development/versions';
import { requireActor } from '../plugins/auth';
import {
  presentSignOff,
  presentVersionSummary,
} from '../presenters/conversation-version.presenter';
import {
  SignOffSchema,
  VersionSchema,
  VersionSummarySchema,
} from '../../contracts/conversation-versions';
import { IdParams, errors } from './schemas';

const VersionParams = IdParams.extend({ version: z.coerce.number().int().min(1) });

/** Closing and signing a conversation, its versions, corrections and the PDF (decision 012). */
export async function signOffRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signOff = () => app.services.signOff;
  const tags = ['goals'];

  const overview = async (request: FastifyRequest, id: string) => {
    const res = await signOff().overview(requireActor(request), id);
    return presentSignOff(res.conversation, res.versions);
  };

  r.get(
    '/api/conversations/:id/sign-off',
    { schema: { tags, params: IdParams, response: { 200: SignOffSchema, ...errors } } },
    async (request) => overview(request, request.params.id),
  );

  r.post(
    '/api/conversations/:id/sign-off/close',
    { schema: { tags, params: IdParams, response: { 200: SignOffSchema, ...errors } } },
    async (request) => {
      await signOff().close(requireActor(request), request.params.id);
      return overview(request, request.params.id);
    },
  );

  r.post(
    '/api/conversations/:id/sign-off/sign',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({ comment: textBlock().trim().max(5000).nullable().default(null) }),
        response: { 200: SignOffSchema, ...errors },
      },
    },
    async (request) => {
      await signOff().sign(requireActor(request), request.params.id, request.body.comment);
      return overview(request, request.params.id);
    },
  );

  r.get(
    '/api/conversations/:id/versions',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: z.object({ items: z.array(VersionSummarySchema) }), ...errors },
      },
    },
    async (request) => ({ items: (await overview(request, request.params.id)).versions }),
  );

  r.get(
    '/api/conversations/:id/versions/:version',
    { schema: { tags, params: VersionParams, response: { 200: VersionSchema, ...errors } } },
    async (request) => {
      const { id, version } = request.params;
      const res = await signOff().version(requireActor(request), id, version);
      const by = res.history.find((h) => h.version.version === res.version.version);
      return {
        ...presentVersionSummary(res.version, by?.createdByName ?? ''),
        content: res.version.content,
      };
    },
  );

  r.post(
    '/api/conversations/:id/versions',
    {
      schema: {
        tags,
        description: 'A correction of a closed or signed agreement: saved as the next version.',
        params: IdParams,
        body: CorrectionSchema,
        response: { 201: VersionSummarySchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await signOff().correct(actor, request.params.id, request.body);
      return reply.status(201).send(presentVersionSummary(row, actor.name));
    },
  );

  r.get(
    '/api/conversations/:id/pdf',
    {
      schema: {
        tags,
        description:
          'The agreement as PDF in the employee’s language (latest version unless `version` is given).',
        params: IdParams,
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
        produces: ['application/pdf'],
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await signOff().pdf(
        requireActor(request),
        request.params.id,
        request.query.version,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
