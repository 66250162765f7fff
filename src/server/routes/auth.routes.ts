import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textLine } from '../../domain/text';
import { homeFor } from '../../domain/roles';
import { requireActor, SESSION_COOKIE } from '../plugins/auth';
import type { DeviceToken } from '../services/auth.service';
import { Ok, errors } from './schemas';
import { ErrorSchema } from '../../contracts/common';
import { PasswordLinkSchema } from '../../contracts/auth';

/**
 * The browser's device cookie (decision 016): signed, only sent to /api/auth, kept half a year.
 * It says "this browser has signed in to this account before", so its failed attempts count
 * against itself, not against the account.
 */
const DEVICE_COOKIE = 'samtal_device';
const DEVICE_MAX_AGE_SECONDS = 180 * 86_400;

function readDevice(request: FastifyRequest): DeviceToken | null {
  const raw = request.cookies[DEVICE_COOKIE];
  if (!raw) return null;
  const { valid, value } = request.unsignCookie(raw);
  if (!valid || !value) return null;
  const [personId, nonce] = value.split('.');
  if (!personId || !nonce || !z.uuid().safeParse(personId).success) return null;
  return { personId, nonce };
}

export function writeDevice(
  request: FastifyRequest,
  reply: FastifyReply,
  device: DeviceToken,
): void {
  reply.setCookie(DEVICE_COOKIE, `${device.personId}.${device.nonce}`, {
    path: '/api/auth',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    signed: true,
    maxAge: DEVICE_MAX_AGE_SECONDS,
  });
}

/** The session cookie, the same for every way of signing in. */
export function writeSession(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: session.expiresAt,
  });
}

const Email = textLine().trim().min(1).max(320);

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
        body: z.object({ email: Email, password: z.string().min(1).max(1000) }),
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
        device: readDevice(request),
      });
      writeSession(request, reply, result);
      writeDevice(request, reply, result.device);
      const actor = await app.services.auth.actorForToken(result.token);
      return {
        home: actor ? homeFor(actor) : 'employee',
        locale: actor?.locale ?? result.person.locale ?? 'sv',
      };
    },
  );

  r.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        description:
          "Ends Samtal's session. When it was signed in through an identity provider that has a logout page, `providerLogout` offers it (decision 019).",
        response: {
          200: z.object({
            ok: z.literal(true),
            providerLogout: z.object({ label: z.string(), url: z.string() }).optional(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const offer = request.actor ? await app.services.sso.logoutOffer(request.actor) : null;
      if (request.actor) await app.services.auth.logout(request.actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const, ...(offer ? { providerLogout: offer } : {}) };
    },
  );

  r.post(
    '/api/auth/forgot-password',
    {
      schema: {
        tags: ['auth'],
        description:
          'Mails a link for a new password to the address, if it belongs to an account. The answer is the same either way.',
        body: z.object({ email: Email }),
        response: { 200: Ok, ...errors, 429: ErrorSchema },
      },
    },
    async (request) => {
      await app.services.accountLinks.forgotPassword({
        email: request.body.email,
        ip: request.ip,
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/set-password',
    {
      schema: {
        tags: ['auth'],
        body: z.object({ token: textLine().min(10).max(200), password: z.string().max(1000) }),
        response: { 200: Ok, ...errors, 429: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { device } = await app.services.accountLinks.setPasswordWithToken(
        request.body.token,
        request.body.password,
        request.ip,
      );
      writeDevice(request, reply, device);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/people/:id/password-link',
    {
      schema: {
        tags: ['people'],
        description:
          'An invitation link for someone who has never signed in; for anyone else, a reset link mailed to their own address (the answer holds no link).',
        params: z.object({ id: z.uuid() }),
        response: { 200: PasswordLinkSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const link = await app.services.accountLinks.requestLink(actor, request.params.id);
      if (link.kind === 'reset_sent')
        return { kind: link.kind, expiresAt: link.expiresAt.toISOString() };
      return {
        kind: link.kind,
        url: `${app.config.publicUrl}/set-password#${link.token}`,
        expiresAt: link.expiresAt.toISOString(),
      };
    },
  );
}
