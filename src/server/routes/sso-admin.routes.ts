import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../plugins/auth';
import { presentProvider } from '../presenters/sso.presenter';
import { IdParams, Ok, errors } from './schemas';
import {
  Claim,
  IdentityProviderSchema,
  ProviderInputSchema,
  SsoOverviewSchema,
} from '../../contracts/sso';

/** Identity providers and the single sign-on rule, for administrators (decision 019). */
export async function ssoAdminRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function overview(actor: Parameters<typeof app.services.sso.overview>[0]) {
    const o = await app.services.sso.overview(actor);
    return {
      ...o,
      providers: o.providers.map((p) => presentProvider(p.row, o.orgSlug, p.linked)),
    };
  }

  r.get(
    '/api/admin/sso',
    { schema: { tags: ['sso'], response: { 200: SsoOverviewSchema, ...errors } } },
    async (request) => overview(requireActor(request)),
  );

  r.patch(
    '/api/admin/sso',
    {
      schema: {
        tags: ['sso'],
        description:
          'Requires single sign-on for everyone but administrators (break-glass), or not. Needs an enabled provider.',
        body: z.object({ required: z.boolean() }),
        response: { 200: SsoOverviewSchema, ...errors, 409: errors[400] },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await app.services.sso.setRequired(actor, request.body.required);
      return overview(actor);
    },
  );

  r.post(
    '/api/admin/sso/providers',
    {
      schema: {
        tags: ['sso'],
        description: 'Adds a provider, turned off until a test sign-in succeeds.',
        body: ProviderInputSchema,
        response: { 200: IdentityProviderSchema, ...errors, 409: errors[400] },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await app.services.sso.createProvider(actor, request.body);
      const o = await app.services.sso.overview(actor);
      return presentProvider(row, o.orgSlug, 0);
    },
  );

  r.patch(
    '/api/admin/sso/providers/:id',
    {
      schema: {
        tags: ['sso'],
        description:
          'Changes a provider. A new issuer, client id or secret turns it off until tested again; `enabled: true` needs a successful test.',
        params: IdParams,
        body: ProviderInputSchema.partial().extend({
          emailClaim: Claim.optional(),
          trustEmail: z.boolean().optional(),
          createAccounts: z.boolean().optional(),
          enabled: z.boolean().optional(),
        }),
        response: { 200: IdentityProviderSchema, ...errors, 409: errors[400] },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await app.services.sso.updateProvider(actor, request.params.id, request.body);
      const o = await app.services.sso.overview(actor);
      const linked = o.providers.find((p) => p.row.id === row.id)?.linked ?? 0;
      return presentProvider(row, o.orgSlug, linked);
    },
  );

  r.delete(
    '/api/admin/sso/providers/:id',
    {
      schema: {
        tags: ['sso'],
        params: IdParams,
        response: { 200: Ok, ...errors, 409: errors[400] },
      },
    },
    async (request) => {
      await app.services.sso.deleteProvider(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
}
