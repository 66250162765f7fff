import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../db/client';
import { idempotencyKeys } from '../../db/schema/index';
import { AppError } from '../../domain/errors';

const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[A-Za-z0-9_-]{8,100}$/;
/** A first request that has not answered in this time is taken to have died. */
const STALE_MS = 2 * 60_000;
/** Answers are kept this long: a phone offline for longer replays against fresh state. */
const KEEP_DAYS = 14;

const claimed = new WeakMap<FastifyRequest, { orgId: string; personId: string; key: string }>();

/**
 * Writes sent with an Idempotency-Key (decision 020): the first one runs and its answer is
 * kept; a repeat by the same person (a phone replaying what it did offline, a retry after a
 * lost answer) gets that answer again instead of a second write. A repeat while the first is
 * still running is refused with 409, and the same key on another request with 422.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance) => {
  const db = (): Db => app.database.db;
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (typeof key !== 'string' || request.method === 'GET' || !request.actor) return;
    if (!KEY.test(key)) throw new AppError('validation');
    const id = { orgId: request.actor.orgId, personId: request.actor.personId, key };
    const path = request.url.split('?')[0]!;
    const inserted = await db()
      .insert(idempotencyKeys)
      .values({ ...id, method: request.method, path })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length) {
      claimed.set(request, id);
      if (Math.random() < 0.01) void forgetOld(db());
      return;
    }
    const [row] = await db()
      .select()
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.orgId, id.orgId),
          eq(idempotencyKeys.personId, id.personId),
          eq(idempotencyKeys.key, key),
        ),
      );
    if (!row) throw new AppError('idempotency.in_progress');
    if (row.method !== request.method || row.path !== path)
      throw new AppError('idempotency.key_reused');
    if (row.status === null) {
      if (app.services.clock.now().getTime() - row.createdAt.getTime() < STALE_MS)
        throw new AppError('idempotency.in_progress');
      claimed.set(request, id);
      return;
    }
    reply.header('idempotent-replayed', 'true');
    return reply.code(row.status).send(row.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const id = claimed.get(request);
    if (!id) return payload;
    claimed.delete(request);
    const where = and(
      eq(idempotencyKeys.orgId, id.orgId),
      eq(idempotencyKeys.personId, id.personId),
      eq(idempotencyKeys.key, id.key),
    );
    // A failure of ours may go better next time: forget the key so a retry runs again.
    if (reply.statusCode >= 500) {
      await db().delete(idempotencyKeys).where(where);
      return payload;
    }
    let body: unknown = null;
    try {
      body = typeof payload === 'string' ? JSON.parse(payload) : null;
    } catch {
      body = null;
    }
    await db()
      .update(idempotencyKeys)
      .set({ status: reply.statusCode, body, completedAt: app.services.clock.now() })
      .where(where);
    return payload;
  });
});

async function forgetOld(db: Db) {
  await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(days => ${KEEP_DAYS})`))
    .catch(() => undefined);
}
