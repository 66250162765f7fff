import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccessRequestSchema,
  ErasurePreviewSchema,
  RetentionInputSchema,
  RetentionSchema,
} from '../../contracts/privacy';
import { requireActor } from '../plugins/auth';
import { textLine } from '../../domain/text';
import { ErrorSchema } from '../../contracts/common';
import { errors } from './schemas';

const Email = textLine().trim().min(1).max(320).pipe(z.email());

/** Personal-data duties (decision 024): access and export, erasure, retention. */
export async function privacyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['privacy'];

  r.get(
    '/api/me/export.zip',
    // A file, not JSON: no response schema.
    { schema: { tags } },
    async (request, reply) => {
      const zip = await app.services.privacy.exportOwn(requireActor(request));
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', 'attachment; filename="samtal-my-data.zip"')
        .header('cache-control', 'no-store')
        .send(Buffer.from(zip));
    },
  );

  r.post(
    '/api/people/:id/access-requests',
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        response: { 201: AccessRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const made = await app.services.privacy.requestAccess(
        requireActor(request),
        request.params.id,
      );
      return reply.status(201).send(made);
    },
  );

  r.post(
    '/api/people/:id/export-links',
    {
      schema: {
        tags,
        description:
          'For a deactivated person (a leaver, who cannot sign in): mails a one-time download link, valid 7 days, to the address they gave. Refused (400, field `email`) for an address of anyone in the organisation. HR gets the envelope only.',
        params: z.object({ id: z.uuid() }),
        body: z.object({ email: Email }),
        response: { 201: AccessRequestSchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const made = await app.services.privacy.sendExportLink(
        requireActor(request),
        request.params.id,
        request.body.email,
      );
      return reply.status(201).send(made);
    },
  );

  r.post(
    '/api/export-links/download',
    {
      schema: {
        tags,
        description:
          "A leaver's mailed link, opened without a session: the person's data as a ZIP, once. The token is the part after `#` in the link. 404 unknown link, 410 used or expired, 429 too many failed attempts from this address.",
        body: z.object({ token: textLine().min(10).max(200) }),
        // A file, not JSON: no response schema (errors have the usual shape).
      },
    },
    async (request, reply) => {
      const zip = await app.services.privacy.downloadWithLink(request.body.token, request.ip);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', 'attachment; filename="samtal-my-data.zip"')
        .header('cache-control', 'no-store')
        .send(Buffer.from(zip));
    },
  );

  r.get(
    '/api/people/:id/access-requests',
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ items: z.array(AccessRequestSchema) }), ...errors },
      },
    },
    async (request) => ({
      items: await app.services.privacy.accessRequests(requireActor(request), request.params.id),
    }),
  );

  r.get(
    '/api/people/:id/erasure',
    {
      schema: {
        tags,
        description:
          'What erasing this person would delete and keep, in counts per kind (never content).',
        params: z.object({ id: z.uuid() }),
        response: {
          200: ErasurePreviewSchema,
          ...errors,
        },
      },
    },
    async (request) =>
      app.services.privacy.erasurePreview(requireActor(request), request.params.id),
  );

  r.post(
    '/api/people/:id/erase',
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        body: z.object({ confirmName: z.string().max(500) }),
        response: {
          200: z.object({ deleted: z.number().int(), scrubbed: z.number().int() }),
          ...errors,
        },
      },
    },
    async (request) =>
      app.services.privacy.erase(
        requireActor(request),
        request.params.id,
        request.body.confirmName,
      ),
  );

  r.get(
    '/api/admin/retention',
    { schema: { tags, response: { 200: RetentionSchema, ...errors } } },
    async (request) => app.services.privacy.retention(requireActor(request)),
  );

  r.put(
    '/api/admin/retention',
    { schema: { tags, body: RetentionInputSchema, response: { 200: RetentionSchema, ...errors } } },
    async (request) => app.services.privacy.saveRetention(requireActor(request), request.body),
  );
}
