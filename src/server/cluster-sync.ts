/**
 * Several worker processes of one `samtal serve --workers N` (decision 021) each keep a
 * session cache. A change of who someone is (a sign-out, a deactivation, a role) made in one
 * worker must hold in the others at once, not when their cache entries expire: each change is
 * sent to the primary process, which passes it to every other worker and answers once they
 * have all applied it. The request that made the change is answered only after that.
 */
import cluster, { type Worker } from 'node:cluster';
import { identityChanged, onIdentityChange } from './repositories/identity-changes';

type Message =
  | { samtal: 'identity'; id: number }
  | { samtal: 'identity-done'; id: number }
  | { samtal: 'identity-apply'; id: number }
  | { samtal: 'identity-applied'; id: number };

const isMessage = (m: unknown): m is Message =>
  typeof m === 'object' && m !== null && 'samtal' in m && 'id' in m;

/** A worker that does not answer in this time is taken to be gone (its cache with it). */
const ACK_TIMEOUT_MS = 2_000;

let nextId = 1;
const pending = new Map<number, () => void>();
let joined = false;
let applying = false;

/** True in a worker process of a cluster (its primary relays identity changes). */
function inClusterWorker(): boolean {
  return cluster.isWorker && typeof process.send === 'function';
}

/**
 * Tells the other workers that identities changed; resolves when every one of them has
 * dropped its cached sessions (or after a timeout, if one does not answer). Outside a
 * cluster it resolves at once.
 */
export function broadcastIdentityChange(): Promise<void> {
  if (!joined) return Promise.resolve();
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      resolve();
    }, ACK_TIMEOUT_MS);
    timer.unref();
    pending.set(id, () => {
      clearTimeout(timer);
      resolve();
    });
    process.send!({ samtal: 'identity', id } satisfies Message);
  });
}

/** In a worker: relays this process's identity changes and applies the others'. */
export function joinCluster(): void {
  if (!inClusterWorker() || joined) return;
  joined = true;
  process.on('message', (m: unknown) => {
    if (!isMessage(m)) return;
    if (m.samtal === 'identity-apply') {
      applying = true;
      try {
        identityChanged();
      } finally {
        applying = false;
      }
      process.send!({ samtal: 'identity-applied', id: m.id } satisfies Message);
    } else if (m.samtal === 'identity-done') {
      pending.get(m.id)?.();
      pending.delete(m.id);
    }
  });
  // A change outside a request (a job pruning sessions) is passed on too, without waiting.
  onIdentityChange(() => {
    if (!applying) void broadcastIdentityChange();
  });
}

/** In the primary: passes each worker's identity changes to all the others. */
export function relayIdentityChanges(): void {
  let relayId = 1;
  const waiting = new Map<number, { left: Set<number>; done: () => void }>();
  const onMessage = (from: Worker, m: unknown) => {
    if (!isMessage(m)) return;
    if (m.samtal === 'identity') {
      const others = Object.values(cluster.workers ?? {}).filter(
        (w): w is Worker => !!w && w.id !== from.id && w.isConnected(),
      );
      const done = () => {
        if (from.isConnected()) from.send({ samtal: 'identity-done', id: m.id } satisfies Message);
      };
      if (others.length === 0) return done();
      const id = relayId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        done();
      }, ACK_TIMEOUT_MS);
      waiting.set(id, {
        left: new Set(others.map((w) => w.id)),
        done: () => {
          clearTimeout(timer);
          waiting.delete(id);
          done();
        },
      });
      for (const w of others) w.send({ samtal: 'identity-apply', id } satisfies Message);
    } else if (m.samtal === 'identity-applied') {
      const w = waiting.get(m.id);
      if (!w) return;
      w.left.delete(from.id);
      if (w.left.size === 0) w.done();
    }
  };
  cluster.on('message', onMessage);
  // A worker that exits no longer holds anyone up.
  cluster.on('exit', (gone) => {
    for (const w of waiting.values()) {
      w.left.delete(gone.id);
      if (w.left.size === 0) w.done();
    }
  });
}
