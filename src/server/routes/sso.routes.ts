import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textLine } from '../../domain/text';
import type { CallbackResult } from '../services/sso.service';
import { writeDevice, writeSession } from './auth.routes';
import { SignInOptionsSchema, SlugSchema } from '../../contracts/sso';

/**
 * Binds a sign-in under way to the browser that started it (decision 019): the state, signed,
 * httpOnly, sent only to the SSO routes, for as long as the state lives. A callback whose
 * state is not this browser's is refused (login CSRF), and the cookie goes with the first one.
 */
const STATE_COOKIE = 'samtal_sso_state';
const STATE_PATH = '/api/auth/sso';

function readState(request: FastifyRequest): string | undefined {
  const raw = request.cookies[STATE_COOKIE];
  if (!raw) return undefined;
  const { valid, value } = request.unsignCookie(raw);
  return valid && value ? value : undefined;
}

function signInPage(code: string, orgSlug: string | null): string {
  const q = new URLSearchParams({ ...(orgSlug ? { org: orgSlug } : {}), error: code });
  return `/sign-in?${q}`;
}

function land(request: FastifyRequest, reply: FastifyReply, result: CallbackResult) {
  switch (result.kind) {
    case 'signed-in':
      writeSession(request, reply, result);
      writeDevice(request, reply, result.device);
      return reply.redirect(result.next, 303);
    case 'tested':
      return reply.redirect(
        `/admin/single-sign-on?${new URLSearchParams({ tested: result.providerId, result: result.result })}`,
        303,
      );
    case 'failed':
      return reply.redirect(signInPage(result.code, result.orgSlug), 303);
  }
}

/** Signing in through an organisation's identity provider (OpenID Connect). */
export async function ssoRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/auth/sso/options',
    {
      schema: {
        tags: ['auth'],
        description:
          "The sign-in page's choices for an organisation: its enabled identity providers (label and slug) and whether single sign-on is required. An unknown organisation has none.",
        querystring: z.object({ org: SlugSchema }),
        response: {
          200: SignInOptionsSchema,
        },
      },
    },
    async (request) => app.services.sso.signInOptions(request.query.org),
  );

  r.get(
    '/api/auth/sso/callback',
    {
      schema: {
        tags: ['auth'],
        description:
          'The redirect URI to register at the provider. Always answers with a redirect: into the app, or to the sign-in page with an error code.',
        querystring: z.looseObject({
          state: textLine().max(500).optional(),
          code: textLine().max(4000).optional(),
          error: textLine().max(200).optional(),
        }),
      },
    },
    async (request, reply) => {
      const browserState = readState(request);
      reply.clearCookie(STATE_COOKIE, { path: STATE_PATH });
      const result = await app.services.sso.callback({
        query: request.url.split('?')[1] ?? '',
        state: request.query.state,
        browserState,
        error: request.query.error,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      return land(request, reply, result);
    },
  );

  r.get(
    '/api/auth/sso/:org/:provider',
    {
      schema: {
        tags: ['auth'],
        description:
          "Starts a sign-in at the organisation's provider (a redirect). `test=1`: an administrator's test sign-in, which checks the provider and starts no session.",
        params: z.object({ org: SlugSchema, provider: SlugSchema }),
        querystring: z.object({
          next: textLine().max(500).optional(),
          test: z.enum(['1']).optional(),
        }),
      },
    },
    async (request, reply) => {
      const started = await app.services.sso.start({
        orgSlug: request.params.org,
        providerSlug: request.params.provider,
        next: request.query.next,
        test: request.query.test === '1',
        actor: request.actor,
      });
      if ('failed' in started)
        return reply.redirect(signInPage(started.failed, request.params.org), 303);
      reply.setCookie(STATE_COOKIE, started.state, {
        path: STATE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        signed: true,
        maxAge: 600,
      });
      return reply.redirect(started.url, 303);
    },
  );
}
