import { EventEmitter } from 'node:events';
import pg from 'pg';

/**
 * What one instance tells the others about a meeting (decision 020). Every instance serving a
 * participant of the meeting applies it and passes it on to its own connections.
 * - update: a Yjs update, already stored (inline, or by id when too large for a NOTIFY);
 * - awareness: presence and where someone writes;
 * - changed: something the HTTP API changed (topics, actions, check-in, state): refetch.
 */
export type BusMessage =
  | { t: 'update'; org: string; meeting: string; data?: string; id?: number; from: string }
  | { t: 'awareness'; org: string; meeting: string; data: string; from: string }
  | { t: 'changed'; org: string; manager: string; employee: string; from: string };

export type LiveBus = {
  publish(message: BusMessage): void;
  onMessage(handler: (message: BusMessage) => void): void;
  close(): Promise<void>;
};

/** PostgreSQL NOTIFY carries at most 8000 bytes; larger updates travel by id. */
export const MAX_INLINE_BYTES = 6000;
const CHANNEL = 'samtal_live';

/** One process (PGlite, tests): messages stay in it. */
export function localBus(): LiveBus {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  return {
    publish: (m) => void queueMicrotask(() => events.emit('m', m)),
    onMessage: (handler) => void events.on('m', handler),
    close: async () => void events.removeAllListeners(),
  };
}

/**
 * Several instances on one PostgreSQL: LISTEN on a connection of its own, NOTIFY through a
 * short query. A lost listening connection is opened again; messages sent meanwhile are not
 * replayed, so clients re-sync their documents on reconnect (the stored updates are the truth).
 */
export function postgresBus(
  url: string,
  opts: { log?: (err: unknown) => void } = {},
): LiveBus & { ready: Promise<void> } {
  const handlers: ((m: BusMessage) => void)[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  let listener: pg.Client | null = null;
  let closed = false;
  const queue: string[] = [];
  let sending = false;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      let message: BusMessage;
      try {
        message = JSON.parse(n.payload) as BusMessage;
      } catch {
        return;
      }
      for (const h of handlers) h(message);
    });
    client.on('error', (err) => {
      opts.log?.(err);
      listener = null;
      if (!closed) setTimeout(() => void connect().catch(opts.log), 500);
    });
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    listener = client;
  };

  // Sends in order, several payloads per round trip when they pile up.
  const drain = async () => {
    if (sending) return;
    sending = true;
    try {
      while (queue.length && !closed) {
        const batch = queue.splice(0, 50);
        const values = batch.map((_, i) => `pg_notify('${CHANNEL}', $${i + 1})`).join(', ');
        await pool.query(`select ${values}`, batch).catch((err: unknown) => opts.log?.(err));
      }
    } finally {
      sending = false;
    }
  };

  const ready = connect();
  return {
    ready,
    publish(message) {
      if (closed) return;
      queue.push(JSON.stringify(message));
      void drain();
    },
    onMessage: (handler) => void handlers.push(handler),
    async close() {
      closed = true;
      await listener?.end().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}
