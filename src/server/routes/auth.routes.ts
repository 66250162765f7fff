import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { homeFor } from '../../domain/roles';
import { requireActor, SESSION_COOKIE } from '../plugins/auth';
import { ErrorSchema, Ok, errors } from './schemas';

/** Sign-in, sign-out, CSRF token and password links. */
export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/auth/csrf',
    {
      schema: { tags: ['auth'], response: { 200: z.object({ token: z.string() }) } },
    },
    async (_request, reply) => ({ token: reply.generateCsrf() }),
  );

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        body: z.object({
          email: z.string().trim().min(1).max(320),
          password: z.string().min(1).max(1000),
        }),
        response: {
          200: z.object({ home: z.enum(['hr', 'manager', 'employee']), locale: z.string() }),
          ...errors,
          429: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await app.services.auth.login({
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        expires: result.expiresAt,
      });
      const actor = await app.services.auth.actorForToken(result.token);
      return {
        home: actor ? homeFor(actor) : 'employee',
        locale: result.person.locale ?? result.org.defaultLocale,
      };
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 200: Ok, ...errors } } },
    async (request, reply) => {
      if (request.actor) await app.services.auth.logout(request.actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/set-password',
    {
      schema: {
        tags: ['auth'],
        body: z.object({ token: z.string().min(10).max(200), password: z.string().max(1000) }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await app.services.auth.setPasswordWithToken(request.body.token, request.body.password);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/people/:id/password-link',
    {
      schema: {
        tags: ['people'],
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ url: z.string(), expiresAt: z.iso.datetime() }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const link = await app.services.auth.createPasswordLink(actor, request.params.id);
      return {
        url: `${app.config.publicUrl}/set-password#${link.token}`,
        expiresAt: link.expiresAt.toISOString(),
      };
    },
  );
}
