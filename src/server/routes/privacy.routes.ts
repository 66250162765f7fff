import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  RETENTION_COUNTRIES,
  RETENTION_KIND_FIELDS,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
} from '../../domain/privacy/retention';
import { ERASURE_GONE_KINDS, ERASURE_KEPT_KINDS } from '../../domain/privacy/erasure-preview';
import { requireActor } from '../plugins/auth';
import { textLine } from '../../domain/text';
import { ErrorSchema } from '../../contracts/common';
import { errors } from './schemas';

/** The envelope HR sees (decision 024): never the link, its secret or any content. */
const AccessRequestSchema = z.object({
  id: z.uuid(),
  createdAt: z.date(),
  /** When the data was downloaded (from Settings, or through the mailed link). */
  fulfilledAt: z.date().nullable(),
  /** A mailed link only: the address it went to, masked ("m•••@example.org"). */
  sentTo: z.string().nullable(),
  /** A mailed link only: when it stops working. */
  expiresAt: z.date().nullable(),
  state: z.enum(['waiting', 'downloaded', 'expired']),
});

const Email = textLine().trim().min(1).max(320).pipe(z.email());

const Days = z.number().int().min(RETENTION_MIN_DAYS).max(RETENTION_MAX_DAYS);
const KindDays = Object.fromEntries(RETENTION_KIND_FIELDS.map((f) => [f, Days.nullable()])) as {
  [K in (typeof RETENTION_KIND_FIELDS)[number]]: z.ZodNullable<typeof Days>;
};
const AllDays = Object.fromEntries(RETENTION_KIND_FIELDS.map((f) => [f, Days])) as {
  [K in (typeof RETENTION_KIND_FIELDS)[number]]: typeof Days;
};
/** Each kind's days after the meeting; null follows the country's default (decision 024). */
const RetentionBody = z.object({
  country: z.enum(RETENTION_COUNTRIES),
  leaversAfterDays: Days,
  ...KindDays,
});
const DaysInForce = z.object({ leaversAfterDays: Days, ...AllDays });
const RetentionSchema = RetentionBody.extend({
  isDefault: z.boolean(),
  defaults: DaysInForce,
  effective: DaysInForce,
});

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
          200: z.object({
            gone: z.array(z.object({ kind: z.enum(ERASURE_GONE_KINDS), count: z.number().int() })),
            kept: z.array(z.object({ kind: z.enum(ERASURE_KEPT_KINDS), count: z.number().int() })),
          }),
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
    { schema: { tags, body: RetentionBody, response: { 200: RetentionSchema, ...errors } } },
    async (request) => app.services.privacy.saveRetention(requireActor(request), request.body),
  );
}
