/**
 * Changes made to a meeting without a connection (decision 020): kept on the device in order,
 * shown at once over what the server last said, and sent when the connection returns, each
 * with its Idempotency-Key so the server applies it exactly once however often it is replayed.
 */
import { useSyncExternalStore } from 'react';
import { ApiError, http } from '../api';

export type OfflineOp =
  | { kind: 'tick'; pointId: string; discussed: boolean }
  | {
      kind: 'addPoint';
      title: string;
      sectionKey: string | null;
      authorId: string;
      role: 'manager' | 'employee';
    }
  | {
      kind: 'addAction';
      title: string;
      ownerId: string;
      ownerRole: 'manager' | 'employee';
      dueDate: string | null;
      pointId: string | null;
      prompt?: 'workload' | null;
    }
  | { kind: 'actionDone'; actionId: string; done: boolean }
  /** The check-in answered: the form keeps showing what was chosen until it is sent. */
  | { kind: 'checkIn' };

export type OutboxEntry = {
  /** The Idempotency-Key, also the id shown for what it creates until the server answers. */
  key: string;
  /** Who made it: only their own session ever sends it (a shared device, another sign-in). */
  personId: string;
  meetingId: string;
  op: OfflineOp;
  method: string;
  path: string;
  body: unknown;
  at: number;
};

const STORE = 'samtal.outbox';
const FAILED = 'samtal.outbox.failed';
const listeners = new Set<() => void>();
let entries: OutboxEntry[] = read(STORE);
let failed: OutboxEntry[] = read(FAILED);

function read(key: string): OutboxEntry[] {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as OutboxEntry[]) : [];
  } catch {
    return [];
  }
}

function save() {
  try {
    localStorage.setItem(STORE, JSON.stringify(entries));
    localStorage.setItem(FAILED, JSON.stringify(failed));
  } catch {
    // private mode or full: the entries live as long as the page
  }
  for (const l of listeners) l();
}

if (typeof window !== 'undefined') {
  // Another tab of the same browser changed the outbox.
  window.addEventListener('storage', (e) => {
    if (e.key !== STORE && e.key !== FAILED) return;
    entries = read(STORE);
    failed = read(FAILED);
    for (const l of listeners) l();
  });
  window.addEventListener('online', () => void replay());
  // The 'online' event can come before requests go through: try again while anything waits.
  setInterval(() => {
    if (person && mine().length && navigator.onLine) void replay();
  }, 3000);
}

const PENDING_PREFIX = 'pending-';
export const isPendingId = (id: string) => id.startsWith(PENDING_PREFIX);

const newKey = () => `${PENDING_PREFIX}${crypto.randomUUID()}`;

let person = '';
/** The person signed in on this page; the outbox sends and shows only their changes. */
export function setOutboxPerson(personId: string) {
  if (person === personId) return;
  person = personId;
  void replay();
}
const mine = () => entries.filter((e) => e.personId === person);

/**
 * Sends a change now, or keeps it for later when there is no connection. Returns the server's
 * answer, or null when the change was kept (it shows through `applyOutbox` meanwhile).
 */
export async function writeOrKeep<T>(
  meetingId: string,
  op: OfflineOp,
  method: 'POST' | 'PATCH' | 'PUT',
  path: string,
  body: unknown,
): Promise<T | null> {
  const entry: OutboxEntry = {
    key: newKey(),
    personId: person,
    meetingId,
    op,
    method,
    path,
    body,
    at: Date.now(),
  };
  // Older changes go first, so the server sees them in the order they were made.
  if (!navigator.onLine || mine().length > 0) {
    entries = [...entries, entry];
    save();
    void replay();
    return null;
  }
  try {
    return await http.write<T>(method, path, body, { 'idempotency-key': entry.key });
  } catch (err) {
    if (err instanceof ApiError && err.status === 0) {
      entries = [...entries, entry];
      save();
      return null;
    }
    throw err;
  }
}

let replaying: Promise<void> | null = null;

/** Sends what was kept, oldest first; stops at the first change that cannot be sent yet. */
export function replay(): Promise<void> {
  // Cleared in a `finally` chained after the assignment: a run that ends at once (nothing to
  // send, offline) must not leave a settled promise here that every later call returns.
  replaying ??= sendKept().finally(() => {
    replaying = null;
  });
  return replaying;
}

async function sendKept(): Promise<void> {
  while (person && mine().length && navigator.onLine) {
    const e = mine()[0]!;
    try {
      // A request that hangs (a half-open connection after a dead spot) counts as offline.
      await Promise.race([
        http.write(e.method, e.path, e.body, { 'idempotency-key': e.key }),
        new Promise((_, reject) => setTimeout(() => reject(new ApiError(0, 'network', '')), 5_000)),
      ]);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 0 || err.status >= 500) return;
      if (err.code === 'idempotency.in_progress') return;
      // Refused for good (the meeting was finished meanwhile, …): shown to the person.
      failed = [...failed, e];
    }
    entries = entries.filter((x) => x.key !== e.key);
    save();
  }
}

/** Changes refused when they were sent later, for the person to see (and dismiss). */
export function dismissFailed(meetingId: string) {
  failed = failed.filter((e) => e.meetingId !== meetingId);
  save();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The changes kept for one meeting, and those refused, kept in step with the outbox. */
export function useOutbox(meetingId: string) {
  const all = useSyncExternalStore(subscribe, () => entries);
  const refused = useSyncExternalStore(subscribe, () => failed);
  return {
    pending: all.filter((e) => e.meetingId === meetingId && e.personId === person),
    failed: refused.filter((e) => e.meetingId === meetingId && e.personId === person),
  };
}
