import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textLine } from '../../domain/text';
import { requireActor } from '../plugins/auth';
import type { ScimTokenRow } from '../repositories/scim.repository';
import { errors, IdParams } from './schemas';
import { ScimSettingsSchema, ScimTokenSchema } from '../../contracts/provisioning';

function presentToken(t: ScimTokenRow): z.infer<typeof ScimTokenSchema> {
  return {
    id: t.id,
    name: t.name,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  };
}

/** Settings → Provisioning: tokens (administrators) and whether units are created (HR). */
export async function scimAdminRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['provisioning'];
  const tenantUrl = `${app.config.publicUrl}/scim/v2`;

  r.get(
    '/api/admin/scim/tokens',
    {
      schema: { tags, response: { 200: z.object({ items: z.array(ScimTokenSchema) }), ...errors } },
    },
    async (request) => ({
      items: (await app.services.scimTokens.list(requireActor(request))).map(presentToken),
    }),
  );

  r.post(
    '/api/admin/scim/tokens',
    {
      schema: {
        tags,
        body: z.object({ name: textLine().trim().min(1).max(100) }),
        response: {
          201: z.object({
            token: ScimTokenSchema,
            /** Shown once: only its SHA-256 is kept. */
            secret: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const made = await app.services.scimTokens.create(requireActor(request), request.body.name);
      return reply.status(201).send({ token: presentToken(made.row), secret: made.secret });
    },
  );

  r.post(
    '/api/admin/scim/tokens/:id/revoke',
    { schema: { tags, params: IdParams, response: { 200: ScimTokenSchema, ...errors } } },
    async (request) =>
      presentToken(await app.services.scimTokens.revoke(requireActor(request), request.params.id)),
  );

  r.get(
    '/api/admin/scim/settings',
    { schema: { tags, response: { 200: ScimSettingsSchema, ...errors } } },
    async (request) => ({
      tenantUrl,
      ...(await app.services.scimTokens.settings(requireActor(request))),
    }),
  );

  r.put(
    '/api/admin/scim/settings',
    {
      schema: {
        tags,
        body: z.object({ createDepartments: z.boolean() }),
        response: { 200: ScimSettingsSchema, ...errors },
      },
    },
    async (request) => ({
      tenantUrl,
      ...(await app.services.scimTokens.saveSettings(requireActor(request), request.body)),
    }),
  );
}
