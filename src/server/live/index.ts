import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client';
import type { Actor } from '../../domain/roles';
import type { Clock } from '../clock';
import type { Config } from '../config';
import { localBus, postgresBus, type LiveBus } from './bus';
import { createLiveHub } from './hub';

/**
 * The live channel of this process: PostgreSQL carries it between instances (LISTEN/NOTIFY);
 * the embedded database serves one process, so its messages stay in it.
 */
export async function createLive(
  config: Config,
  database: Database,
  actorForToken: (token: string) => Promise<Actor | undefined>,
  log: FastifyBaseLogger,
  opts: { bus?: LiveBus; sweepMs?: number; deriveMs?: number; clock?: Clock } = {},
) {
  let bus = opts.bus;
  if (!bus && database.kind === 'postgres' && config.databaseUrl) {
    const pgBus = postgresBus(config.databaseUrl, {
      log: (err) => log.warn({ err }, 'live channel: PostgreSQL listener'),
    });
    await pgBus.ready;
    bus = pgBus;
  }
  return createLiveHub({
    db: database.db,
    bus: bus ?? localBus(),
    actorForToken,
    log,
    ...(opts.sweepMs ? { sweepMs: opts.sweepMs } : {}),
    ...(opts.deriveMs ? { deriveMs: opts.deriveMs } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
}
