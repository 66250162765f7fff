import type { ErrorCode } from '../domain/errors';
import type { Actor } from '../domain/roles';
import type { Database } from '../db/client';
import type { Config } from './config';
import type { Mailer } from './mail/mailer';
import type { Services } from './services/index';
import type { LiveHub } from './live/hub';

// Module augmentation needs interfaces: types cannot merge.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    database: Database;
    config: Config;
    mailer: Mailer;
    live: LiveHub;
  }
  interface FastifyContextConfig {
    /** The error a body over this route's own limit gets (default `request.too_large`). */
    tooLargeError?: ErrorCode;
  }
  interface FastifyRequest {
    /** The signed-in person, or null for anonymous requests. */
    actor: Actor | null;
  }
}
