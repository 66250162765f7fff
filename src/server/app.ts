import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../db/client';
import { ConfigError, type Config } from './config';
import { ssoRepository } from './repositories/sso.repository';
import { derivedDemoKey, secretBox, type SecretBox } from './sso/secret-box';
import { clientErrorHandler, frameworkErrors, installErrorHandler } from './http-errors';
import {
  installBodyGuards,
  installCanonicalPaths,
  installCsrfCheck,
} from './plugins/request-guards';
import { authPlugin } from './plugins/auth';
import { idempotencyPlugin } from './plugins/idempotency';
import { staticWeb } from './plugins/static-web';
import { responseSerializer } from './response-serializer';
import { instanceSecret } from './repositories/instance.repository';
import { authRoutes } from './routes/auth.routes';
import { departmentRoutes } from './routes/departments.routes';
import { meRoutes } from './routes/me.routes';
import { organisationRoutes } from './routes/organisation.routes';
import { peopleRoutes } from './routes/people.routes';
import { createServices } from './services/index';
import type { Clock } from './clock';
import type { JobQueue } from './jobs/queue';
import { createMailer } from './mail/mailer';
import { FAST_MAIL_RETRY } from '../domain/mail-retry';
import { createOneOnOneNotifier } from './mail/one-on-one.notifier';
import { smtpTransport } from './mail/transport';
import { registerExtraRoutes } from './routes/index';
import { createLive } from './live/index';
import { liveRoutes } from './routes/live.routes';
import { projectPath } from '../project-root';

const WEB_DIST = projectPath('dist', 'web');

/** Query parameters that carry a credential: an identity provider's code and state (019). */
const SECRET_QUERY = /([?&](?:code|state|id_token|access_token|session_state)=)[^&]*/g;

/** A request URL as it may be logged. */
function loggableUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]');
}

/** Log options: request ids, and never a password, token, cookie or note. */
function loggerOptions(level: string) {
  return {
    level,
    serializers: {
      req: (req: { method: string; url: string; hostname?: string; ip?: string }) => ({
        method: req.method,
        url: loggableUrl(req.url),
        host: req.hostname,
        remoteAddress: req.ip,
      }),
    },
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
}

/**
 * The box for identity providers' client secrets (decision 019): ENCRYPTION_KEY; in tests and
 * `serve --demo` a key derived from the cookie secret. Without a key, start-up is refused
 * once a provider exists (its secret could not be read), else providers cannot be added.
 */
async function secretBoxFor(
  config: Config,
  database: Database,
  cookieSecret: string,
): Promise<SecretBox | undefined> {
  if (config.encryptionKey) return secretBox(config.encryptionKey);
  if (config.demo || config.env === 'test') return secretBox(derivedDemoKey(cookieSecret));
  if ((await ssoRepository.countAllProviders(database.db)) > 0)
    throw new ConfigError(
      'Invalid configuration:\n  ENCRYPTION_KEY: required: identity providers are configured (32 bytes, e.g. `openssl rand -base64 32`)',
    );
  return undefined;
}

/** Builds the whole HTTP application around an open database. */
export async function buildApp(
  config: Config,
  database: Database,
  opts: { logStream?: NodeJS.WritableStream; queue?: JobQueue | null; clock?: Clock } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            ...loggerOptions(config.logLevel),
            ...(opts.logStream ? { stream: opts.logStream } : {}),
          },
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // Errors raised before a route is found, or before there is a request, in Samtal's shape.
    frameworkErrors,
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(config.env));
  app.decorate('config', config);
  app.decorate('database', database);
  const mailer = createMailer({
    queue: opts.queue ?? null,
    transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : null,
    from: config.mailFrom,
    messageIdDomain: new URL(config.publicUrl).hostname,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(config.jobTiming === 'fast' ? { leaseMs: 4_000, retry: FAST_MAIL_RETRY } : {}),
  });
  const notifier = createOneOnOneNotifier({
    mailer,
    publicUrl: config.publicUrl,
    uidDomain: new URL(config.publicUrl).hostname,
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  app.decorate('mailer', mailer);
  // The live meeting channel (decision 020); sessions are resolved as for every request.
  const live = await createLive(
    config,
    database,
    (token) => app.services.auth.actorForToken(token),
    app.log,
    {
      ...(config.jobTiming === 'fast' ? { sweepMs: 500, deriveMs: 200 } : {}),
      ...(opts.clock ? { clock: opts.clock } : {}),
    },
  );
  app.decorate('live', live);
  app.addHook('onClose', () => live.close());
  const cookieSecret = config.cookieSecret ?? (await instanceSecret(database.db, 'cookie'));
  const box = await secretBoxFor(config, database, cookieSecret);
  app.decorate(
    'services',
    createServices(
      database.db,
      {
        sessionDays: config.sessionDays,
        login: config.login,
        hashing: config.hashing,
        sessionCacheMs: config.sessionCacheSeconds * 1000,
      },
      {
        notifier,
        mailer,
        publicUrl: config.publicUrl,
        uidDomain: new URL(config.publicUrl).hostname,
        live: live.events,
        queue: opts.queue ?? null,
      },
      { box, log: app.log },
      opts.clock,
    ),
  );
  installErrorHandler(app);
  installCanonicalPaths(app);

  await app.register(fastifyCookie, { secret: cookieSecret });
  await app.register(fastifyCsrf, {
    cookieKey: 'samtal_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  // Every state-changing request carries the CSRF token, signed-in or not (login CSRF too).
  installCsrfCheck(app);
  installBodyGuards(app);
  await app.register(authPlugin);
  await app.register(idempotencyPlugin);
  await app.register(liveRoutes);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Samtal API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'samtal_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(authRoutes);
  await app.register(meRoutes);
  await app.register(peopleRoutes);
  await app.register(departmentRoutes);
  await app.register(organisationRoutes);
  await registerExtraRoutes(app);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // The framework's floor for the benchmark (bench/): no session, no database, a tiny body.
  app.get('/api/ping', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await database.ping();
      return { status: 'ok', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await staticWeb(app, { root: WEB_DIST, publicUrl: config.publicUrl });
  }
  return app;
}
