import { randomUUID } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import {
  LIVE_CLOSE,
  LIVE_MESSAGE,
  parseNoteTextName,
  type LiveEvent,
} from '../../domain/one-on-one/live-doc';
import type { Actor } from '../../domain/roles';
import { authorize } from '../policies/index';
import { identityGeneration } from '../repositories/identity-changes';
import { meetingDocRepository as docRepo } from '../repositories/meeting-doc.repository';
import { oneOnOneOccurrenceRepository as occurrenceRepo } from '../repositories/one-on-one-occurrence.repository';
import { assertOpenForContent, pairOf } from '../services/one-on-one-access';
import { systemClock, type Clock } from '../clock';
import { MAX_INLINE_BYTES, type BusMessage, type LiveBus } from './bus';
import {
  compactDoc,
  COMPACT_AFTER,
  deriveNotes,
  docFromStored,
  loadOrCreateDoc,
} from './meeting-doc';

type Pair = { managerId: string; employeeId: string };

/** What the HTTP API lets the pair do on the meeting, as read at `at`. */
type Checked = { at: number; open: boolean; pair: Pair };

/** One participant's WebSocket, on one meeting. */
type Conn = {
  ws: WebSocket;
  token: string;
  actor: Actor;
  room: Room;
  /** Awareness client ids this connection speaks for (bound on first use). */
  clientIds: Set<number>;
  /** Messages are handled one after the other, in the order they came. */
  queue: Promise<void>;
  /** Write messages received, and how many of them are stored (sent back as "saved"). */
  received: number;
  closed: boolean;
  /** When the session was last checked, and the identity generation it was checked at. */
  checkedAt: number;
  generation: number;
  /** The check in flight, if any. */
  checking: Promise<Checked | null> | null;
};

/** A meeting with participants connected to this instance. */
type Room = {
  orgId: string;
  meetingId: string;
  pair: Pair;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  conns: Set<Conn>;
  ready: Promise<void>;
  /** Bus updates that came while the stored document was being read. */
  early: Uint8Array[];
  loaded: boolean;
  pending: { update: Uint8Array; conn: Conn; count: number }[];
  /** A batch of this room's updates is being stored right now. */
  storing: boolean;
  deriveTimer: ReturnType<typeof setTimeout> | null;
  lastAuthor: string | null;
  storedSinceCompact: number;
  /** The last authorisation of a write, reused for `checkTtlMs` (cleared by every change). */
  checked: Checked | null;
  /** Bumped by every change to the pair's meetings: a check read before it is not kept. */
  version: number;
};

export type LiveHubOptions = {
  db: Db;
  bus: LiveBus;
  /** Resolves a session token like every HTTP request does (same cache, same rules). */
  actorForToken(token: string): Promise<Actor | undefined>;
  log?: { warn(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void };
  /** How often every connection's session and pair are checked again (ms). */
  sweepMs?: number;
  /** How long one check of the meeting (pair, still open) serves further writes (ms). */
  checkTtlMs?: number;
  /** Quiet time before the notes' plain text is written from the document (ms). */
  deriveMs?: number;
  /** The source of "now" for access-check ages and the welcome's server time (issue #17). */
  clock?: Clock;
};

/** What the services tell the live channel after a change they committed. */
export type LiveEvents = {
  /** Something of this pair's meetings changed through the HTTP API: participants refetch. */
  pairChanged(orgId: string, pair: Pair): void;
  /** A document update already stored (by the save-and-merge fallback): pass it on. */
  storedUpdate(orgId: string, meetingId: string, update: Uint8Array, id: number): void;
};

const MAX_MESSAGE_BYTES = 512 * 1024;
/** Stands for "nothing new" in the queue of updates to store (acknowledged, not stored). */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * The live channel (decision 020): per meeting, a Yjs document of the shared notes, presence,
 * and "changed" signals for everything else. Every connection is authorised like an HTTP
 * request on connect, on every message that writes, and by a periodic sweep; updates are stored
 * before they are passed to other instances, so an instance that loads the document later
 * never misses one.
 */
export function createLiveHub(opts: LiveHubOptions) {
  const instance = randomUUID();
  const rooms = new Map<string, Room>();
  const checkTtlMs = opts.checkTtlMs ?? 5000;
  const deriveMs = opts.deriveMs ?? 1000;
  const clock = opts.clock ?? systemClock;
  const nowMs = () => clock.now().getTime();
  let closing = false;

  const roomKey = (orgId: string, meetingId: string) => `${orgId}:${meetingId}`;

  const send = (conn: Conn, data: Uint8Array) => {
    if (conn.closed || conn.ws.readyState !== conn.ws.OPEN) return;
    // Back-pressure: a client that cannot keep up is dropped; it re-syncs when it returns.
    if (conn.ws.bufferedAmount > 4 * 1024 * 1024) {
      closeConn(conn, LIVE_CLOSE.restart, 'slow consumer');
      return;
    }
    conn.ws.send(data);
  };

  const sendEvent = (conn: Conn, event: LiveEvent) => {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, LIVE_MESSAGE.event);
    encoding.writeVarString(enc, JSON.stringify(event));
    send(conn, encoding.toUint8Array(enc));
  };

  const syncMessage = (update: Uint8Array) => {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, LIVE_MESSAGE.sync);
    syncProtocol.writeUpdate(enc, update);
    return encoding.toUint8Array(enc);
  };

  const awarenessMessage = (update: Uint8Array) => {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, LIVE_MESSAGE.awareness);
    encoding.writeVarUint8Array(enc, update);
    return encoding.toUint8Array(enc);
  };

  function closeConn(conn: Conn, code: number, reason: string) {
    if (conn.closed) return;
    conn.closed = true;
    try {
      conn.ws.close(code, reason);
    } catch {
      conn.ws.terminate();
    }
    leave(conn);
  }

  // ---- rooms ----------------------------------------------------------------------------

  function openRoom(orgId: string, meetingId: string, pair: Pair): Room {
    const key = roomKey(orgId, meetingId);
    const existing = rooms.get(key);
    if (existing) return existing;
    const doc = new Y.Doc({ gc: true });
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState(null);
    const room: Room = {
      orgId,
      meetingId,
      pair,
      doc,
      awareness,
      conns: new Set(),
      ready: Promise.resolve(),
      early: [],
      loaded: false,
      pending: [],
      storing: false,
      deriveTimer: null,
      lastAuthor: null,
      storedSinceCompact: 0,
      checked: null,
      version: 0,
    };
    rooms.set(key, room);
    doc.on('update', (update: Uint8Array, origin: unknown) => onDocUpdate(room, update, origin));
    awareness.on(
      'update',
      (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = [...change.added, ...change.updated, ...change.removed];
        const update = awarenessProtocol.encodeAwarenessUpdate(awareness, changed);
        const message = awarenessMessage(update);
        for (const c of room.conns) if (c !== origin) send(c, message);
        if (origin !== 'bus')
          opts.bus.publish({
            t: 'awareness',
            org: orgId,
            meeting: meetingId,
            data: Buffer.from(update).toString('base64'),
            from: instance,
          });
      },
    );
    room.ready = (async () => {
      const stored = await opts.db.transaction((tx) => loadOrCreateDoc(tx, orgId, meetingId));
      const fromDb = docFromStored(stored);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(fromDb), 'db');
      fromDb.destroy();
      for (const u of room.early.splice(0)) Y.applyUpdate(doc, u, 'bus');
      room.loaded = true;
    })();
    room.ready.catch((err: unknown) => {
      opts.log?.error({ err, meetingId }, 'live document could not be loaded');
      for (const c of room.conns) closeConn(c, LIVE_CLOSE.restart, 'load failed');
      rooms.delete(key);
    });
    return room;
  }

  function onDocUpdate(room: Room, update: Uint8Array, origin: unknown) {
    const message = syncMessage(update);
    for (const c of room.conns) if (c !== origin) send(c, message);
    if (!isConn(origin)) return;
    // A participant wrote: store it, then tell the other instances.
    room.pending.push({ update, conn: origin, count: origin.received });
    room.lastAuthor = origin.actor.personId;
    void flush(room);
  }

  const isConn = (o: unknown): o is Conn =>
    typeof o === 'object' && o !== null && 'ws' in o && 'room' in o;

  /**
   * Group commit: what every room has pending is stored by one statement (one merged update per
   * room), so a thousand keystrokes a second cost a few dozen transactions, not a thousand.
   * One statement is in flight at a time; what arrives meanwhile waits for the next. Resolves
   * when nothing that was pending when it was called is still unstored.
   */
  const dirty = new Set<Room>();
  let storing: Promise<void> | null = null;

  async function flush(room: Room): Promise<void> {
    if (room.pending.length) dirty.add(room);
    // A loop that is just ending may no longer see this room: wait for it and start another.
    while (room.pending.length || room.storing) {
      storing ??= storeLoop().finally(() => {
        storing = null;
      });
      await storing;
    }
  }

  async function storeLoop() {
    while (dirty.size) {
      const batches = [...dirty].map((room) => ({ room, batch: room.pending.splice(0) }));
      dirty.clear();
      for (const b of batches) b.room.storing = true;
      try {
        await storeBatches(batches);
      } finally {
        for (const b of batches) b.room.storing = false;
      }
    }
  }

  async function storeBatches(batches: { room: Room; batch: Room['pending'] }[]) {
    const rows = batches.flatMap(({ room, batch }) => {
      const updates = batch.filter((b) => b.update !== EMPTY_UPDATE).map((b) => b.update);
      if (!updates.length) return [];
      return [
        {
          orgId: room.orgId,
          meetingId: room.meetingId,
          update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
          authorId: batch[batch.length - 1]!.conn.actor.personId,
        },
      ];
    });
    let ids: Map<string, number>;
    try {
      ids = await docRepo.appendMany(opts.db, rows);
    } catch (err) {
      // Not stored: the writers still hold the text and send it again when they re-sync.
      opts.log?.error({ err, rooms: batches.length }, 'live updates not stored');
      for (const { batch } of batches)
        for (const b of batch) closeConn(b.conn, LIVE_CLOSE.restart, 'not stored');
      return;
    }
    for (const row of rows) {
      const room = rooms.get(roomKey(row.orgId, row.meetingId));
      if (room) room.storedSinceCompact++;
      publishUpdate(
        row.orgId,
        row.meetingId,
        row.update,
        ids.get(roomKey(row.orgId, row.meetingId))!,
      );
    }
    for (const { room, batch } of batches) {
      const saved = new Map<Conn, number>();
      for (const b of batch) saved.set(b.conn, Math.max(saved.get(b.conn) ?? 0, b.count));
      for (const [conn, count] of saved) sendEvent(conn, { type: 'saved', upTo: count });
      if (room.lastAuthor) scheduleDerive(room);
    }
  }

  function publishUpdate(orgId: string, meetingId: string, update: Uint8Array, id: number) {
    const inline = update.byteLength <= MAX_INLINE_BYTES;
    opts.bus.publish({
      t: 'update',
      org: orgId,
      meeting: meetingId,
      ...(inline ? { data: Buffer.from(update).toString('base64') } : { id }),
      from: instance,
    });
  }

  function scheduleDerive(room: Room) {
    if (room.deriveTimer) clearTimeout(room.deriveTimer);
    room.deriveTimer = setTimeout(() => {
      room.deriveTimer = null;
      void derive(room);
    }, deriveMs);
    room.deriveTimer.unref?.();
  }

  /** Writes the notes' plain text from the document (minutes, PDFs and search read it). */
  async function derive(room: Room) {
    try {
      await opts.db.transaction(async (tx) => {
        await deriveNotes(tx, room.orgId, room.meetingId, room.doc, room.lastAuthor);
        if (room.storedSinceCompact >= COMPACT_AFTER) {
          await compactDoc(tx, room.orgId, room.meetingId);
          room.storedSinceCompact = 0;
        }
      });
    } catch (err) {
      opts.log?.warn({ err, meetingId: room.meetingId }, 'notes not derived from live document');
    }
  }

  async function unloadIfEmpty(room: Room) {
    if (room.conns.size > 0) return;
    await flush(room);
    if (room.deriveTimer) {
      clearTimeout(room.deriveTimer);
      room.deriveTimer = null;
      await derive(room);
    }
    if (room.conns.size > 0) return;
    rooms.delete(roomKey(room.orgId, room.meetingId));
    room.awareness.destroy();
    room.doc.destroy();
  }

  function leave(conn: Conn) {
    const room = conn.room;
    if (!room.conns.delete(conn)) return;
    if (conn.clientIds.size)
      awarenessProtocol.removeAwarenessStates(room.awareness, [...conn.clientIds], 'close');
    void unloadIfEmpty(room);
  }

  // ---- the bus ----------------------------------------------------------------------------

  opts.bus.onMessage((m: BusMessage) => {
    if (m.from === instance) return;
    if (m.t === 'changed') {
      for (const room of rooms.values())
        if (
          room.orgId === m.org &&
          room.pair.managerId === m.manager &&
          room.pair.employeeId === m.employee
        )
          changedInRoom(room);
      return;
    }
    const room = rooms.get(roomKey(m.org, m.meeting));
    if (!room) return;
    if (m.t === 'awareness') {
      awarenessProtocol.applyAwarenessUpdate(
        room.awareness,
        new Uint8Array(Buffer.from(m.data, 'base64')),
        'bus',
      );
      return;
    }
    void (async () => {
      const update = m.data
        ? new Uint8Array(Buffer.from(m.data, 'base64'))
        : await docRepo.updateById(opts.db, m.org, m.meeting, m.id!);
      if (!update) return;
      applyRemote(room, update);
    })().catch((err: unknown) => opts.log?.warn({ err }, 'live update from the bus not applied'));
  });

  function applyRemote(room: Room, update: Uint8Array) {
    if (!room.loaded) room.early.push(update);
    else Y.applyUpdate(room.doc, update, 'bus');
    scheduleDeriveIfWriter(room);
  }

  // Only an instance that stored updates derives text; a reader has nothing to add.
  function scheduleDeriveIfWriter(room: Room) {
    if (room.deriveTimer) scheduleDerive(room);
  }

  function changedInRoom(room: Room) {
    room.checked = null;
    room.version++;
    for (const c of room.conns) sendEvent(c, { type: 'changed' });
  }

  // ---- authorisation ----------------------------------------------------------------------

  /**
   * What the HTTP API would let this person do on the meeting now: read (one of the pair),
   * and write shared notes while it is open. Throws AppError like a request would.
   */
  async function authorizeMeeting(actor: Actor, meetingId: string) {
    const row = await occurrenceRepo.findMeeting(opts.db, actor.orgId, meetingId);
    if (!row) throw new AppError('not_found');
    authorize(actor, { do: 'oneOnOne.meeting.read', pair: pairOf(row.series) });
    let open = true;
    try {
      authorize(actor, { do: 'oneOnOne.sharedNote.write', pair: pairOf(row.series) });
      assertOpenForContent(row.meeting);
    } catch {
      open = false;
    }
    return { open, pair: { managerId: row.series.managerId, employeeId: row.series.employeeId } };
  }

  const closeCodeFor = (err: unknown) => {
    if (err instanceof AppError) {
      if (err.code === 'not_found') return LIVE_CLOSE.notFound;
      if (err.code === 'auth.required') return LIVE_CLOSE.unauthorized;
      return LIVE_CLOSE.forbidden;
    }
    return LIVE_CLOSE.restart;
  };

  /**
   * Checks a write: the session is still valid (signed out or deactivated ends it), the person
   * is still one of the pair, and the meeting is still open. False (and the client told so)
   * when the meeting is closed for writing; the connection is closed when access is gone.
   *
   * The write waits for the database only when something may have changed: the first write,
   * a change to the pair's meetings through the API (`changedInRoom`), or any identity change
   * in this process (sign-out, deactivation, roles, manager). Otherwise a check younger than
   * `checkTtlMs` serves, and an older one is renewed in the background while the keystroke goes
   * through (decision 020): the pair sees each other type without waiting on the pool.
   */
  async function mayWrite(conn: Conn): Promise<boolean> {
    const room = conn.room;
    let checked = room.checked;
    if (!checked || conn.generation !== identityGeneration()) {
      const result = await recheck(conn);
      if (!result) return false;
      checked = result;
    } else if (nowMs() - checked.at > checkTtlMs || nowMs() - conn.checkedAt > checkTtlMs) {
      // Renewed behind the keystroke; a database error here must not become an unhandled
      // rejection (the next blocking check or the sweep tries again).
      recheck(conn).catch((err: unknown) =>
        opts.log?.warn({ err }, 'live access check not renewed'),
      );
    }
    if (conn.closed) return false;
    const { pair } = checked;
    if (pair.managerId !== conn.actor.personId && pair.employeeId !== conn.actor.personId) {
      closeConn(conn, LIVE_CLOSE.notFound, 'access ended');
      return false;
    }
    if (!checked.open) {
      sendEvent(conn, { type: 'readOnly', reason: 'closed' });
      return false;
    }
    return true;
  }

  /**
   * Checks the connection's session and the meeting again (one check in flight per
   * connection); closes the connection when access is gone. A result read while the pair's
   * meetings changed is used for this write but not kept for later ones.
   */
  function recheck(conn: Conn): Promise<Checked | null> {
    conn.checking ??= (async (): Promise<Checked | null> => {
      const generation = identityGeneration();
      const actor = await opts.actorForToken(conn.token);
      if (!actor || actor.personId !== conn.actor.personId) {
        closeConn(conn, LIVE_CLOSE.unauthorized, 'session ended');
        return null;
      }
      conn.actor = actor;
      conn.checkedAt = nowMs();
      conn.generation = generation;
      const room = conn.room;
      const kept = room.checked;
      if (kept && nowMs() - kept.at <= checkTtlMs) return kept;
      const version = room.version;
      const at = nowMs();
      try {
        const checked = { at, ...(await authorizeMeeting(actor, room.meetingId)) };
        if (room.version === version) room.checked = checked;
        return checked;
      } catch (err) {
        closeConn(conn, closeCodeFor(err), 'access ended');
        return null;
      }
    })().finally(() => {
      conn.checking = null;
    });
    return conn.checking;
  }

  /** Only note texts of this meeting's shape may be written (no other roots). */
  function validUpdate(update: Uint8Array): boolean {
    try {
      const { structs } = Y.decodeUpdate(update);
      for (const s of structs) {
        if (!(s instanceof Y.Item)) continue;
        if (typeof s.parent === 'string' && !parseNoteTextName(s.parent)) return false;
        if (s.parentSub !== null) return false;
      }
      return true;
    } catch {
      return false;
    }
  }

  // ---- messages -----------------------------------------------------------------------------

  async function handle(conn: Conn, data: Uint8Array) {
    const room = conn.room;
    await room.ready;
    if (conn.closed) return;
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === LIVE_MESSAGE.sync) {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const enc = encoding.createEncoder();
        encoding.writeVarUint(enc, LIVE_MESSAGE.sync);
        syncProtocol.readSyncStep1(decoder, enc, room.doc);
        send(conn, encoding.toUint8Array(enc));
        return;
      }
      if (
        syncType !== syncProtocol.messageYjsSyncStep2 &&
        syncType !== syncProtocol.messageYjsUpdate
      )
        return closeConn(conn, LIVE_CLOSE.invalid, 'unknown message');
      const update = decoding.readVarUint8Array(decoder);
      conn.received++;
      if (!validUpdate(update)) return closeConn(conn, LIVE_CLOSE.invalid, 'not a note');
      if (!(await mayWrite(conn))) return;
      const before = room.pending.length;
      Y.applyUpdate(room.doc, update, conn);
      if (room.pending.length === before) {
        // Nothing new (already known): still acknowledge it in order with what is pending.
        if (!room.pending.length && !room.storing)
          sendEvent(conn, { type: 'saved', upTo: conn.received });
        else {
          room.pending.push({ update: EMPTY_UPDATE, conn, count: conn.received });
          void flush(room);
        }
      }
      return;
    }
    if (type === LIVE_MESSAGE.awareness) {
      const update = decoding.readVarUint8Array(decoder);
      const clean = presenceOf(conn, update);
      if (!clean) return closeConn(conn, LIVE_CLOSE.invalid, 'not your presence');
      // Presence is not content, but it says "I am here": only while the session holds.
      const actor = await opts.actorForToken(conn.token);
      if (!actor) return closeConn(conn, LIVE_CLOSE.unauthorized, 'session ended');
      awarenessProtocol.applyAwarenessUpdate(room.awareness, clean, conn);
      return;
    }
    closeConn(conn, LIVE_CLOSE.invalid, 'unknown message');
  }

  /**
   * A presence update, kept only when it speaks for this connection's own person: client ids
   * are bound to the first connection that uses them, and each state is reduced to who and
   * where (the name comes from the session, never from the client).
   */
  function presenceOf(conn: Conn, update: Uint8Array): Uint8Array | null {
    const decoder = decoding.createDecoder(update);
    const enc = encoding.createEncoder();
    const count = decoding.readVarUint(decoder);
    encoding.writeVarUint(enc, count);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const raw = decoding.readVarString(decoder);
      const owner = [...conn.room.conns].find((c) => c !== conn && c.clientIds.has(clientId));
      if (owner) return null;
      conn.clientIds.add(clientId);
      let state: unknown = null;
      try {
        state = JSON.parse(raw);
      } catch {
        return null;
      }
      let clean: string = 'null';
      if (state && typeof state === 'object') {
        const field = (state as { field?: unknown }).field;
        clean = JSON.stringify({
          personId: conn.actor.personId,
          name: conn.actor.name,
          field: typeof field === 'string' && parseNoteTextName(field) ? field : null,
        });
      }
      encoding.writeVarUint(enc, clientId);
      encoding.writeVarUint(enc, clock);
      encoding.writeVarString(enc, clean);
    }
    return encoding.toUint8Array(enc);
  }

  // ---- connections --------------------------------------------------------------------------

  /**
   * A participant opens the live channel of a meeting. The caller has checked the Origin and
   * resolved the session; here the meeting is authorised as the HTTP API would.
   */
  async function connect(ws: WebSocket, token: string, actor: Actor, meetingId: string) {
    // Messages that arrive while the meeting is authorised wait in order.
    const early: Uint8Array[] = [];
    const hold = (data: Buffer) => early.push(new Uint8Array(data));
    ws.on('message', hold);
    let access: Awaited<ReturnType<typeof authorizeMeeting>>;
    try {
      access = await authorizeMeeting(actor, meetingId);
    } catch (err) {
      ws.close(closeCodeFor(err), 'no access');
      return;
    }
    if (closing) return ws.close(LIVE_CLOSE.restart, 'restarting');
    const room = openRoom(actor.orgId, meetingId, access.pair);
    const conn: Conn = {
      ws,
      token,
      actor,
      room,
      clientIds: new Set(),
      queue: Promise.resolve(),
      received: 0,
      closed: false,
      checkedAt: nowMs(),
      generation: identityGeneration(),
      checking: null,
    };
    room.conns.add(conn);
    ws.off('message', hold);
    const enqueue = (data: Uint8Array) => {
      if (data.byteLength > MAX_MESSAGE_BYTES)
        return closeConn(conn, LIVE_CLOSE.invalid, 'too large');
      conn.queue = conn.queue
        .then(() => handle(conn, data))
        .catch((err: unknown) => {
          opts.log?.warn({ err }, 'live message refused');
          closeConn(conn, LIVE_CLOSE.invalid, 'bad message');
        });
    };
    ws.on('message', (data: Buffer) => enqueue(new Uint8Array(data)));
    ws.on('close', () => {
      conn.closed = true;
      leave(conn);
    });
    ws.on('error', () => closeConn(conn, LIVE_CLOSE.restart, 'error'));
    try {
      await room.ready;
    } catch {
      return;
    }
    if (conn.closed) return;
    sendEvent(conn, {
      type: 'welcome',
      serverTime: clock.now().toISOString(),
      writable: access.open,
      personId: actor.personId,
    });
    // The server's state vector: the client answers with what it has that the server lacks
    // (what was typed offline).
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, LIVE_MESSAGE.sync);
    syncProtocol.writeSyncStep1(enc, room.doc);
    send(conn, encoding.toUint8Array(enc));
    const states = [...room.awareness.getStates().keys()];
    if (states.length)
      send(conn, awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(room.awareness, states)));
    for (const data of early) enqueue(data);
  }

  // Sessions that end, and people who leave the pair, lose the connection even when idle.
  const sweep = setInterval(() => {
    for (const room of rooms.values()) {
      for (const conn of room.conns) {
        void (async () => {
          const actor = await opts.actorForToken(conn.token);
          if (!actor) return closeConn(conn, LIVE_CLOSE.unauthorized, 'session ended');
          await authorizeMeeting(actor, room.meetingId).catch((err: unknown) =>
            closeConn(conn, closeCodeFor(err), 'access ended'),
          );
        })().catch(() => undefined);
      }
    }
  }, opts.sweepMs ?? 15_000);
  sweep.unref();

  const events: LiveEvents = {
    pairChanged(orgId, pair) {
      for (const room of rooms.values())
        if (
          room.orgId === orgId &&
          room.pair.managerId === pair.managerId &&
          room.pair.employeeId === pair.employeeId
        )
          changedInRoom(room);
      opts.bus.publish({
        t: 'changed',
        org: orgId,
        manager: pair.managerId,
        employee: pair.employeeId,
        from: instance,
      });
    },
    storedUpdate(orgId, meetingId, update, id) {
      const room = rooms.get(roomKey(orgId, meetingId));
      if (room) applyRemote(room, update);
      publishUpdate(orgId, meetingId, update, id);
    },
  };

  return {
    connect,
    events,
    /** Rooms and connections on this instance (benchmark and tests). */
    stats: () => ({
      rooms: rooms.size,
      connections: [...rooms.values()].reduce((n, r) => n + r.conns.size, 0),
    }),
    /** Stores what is pending and derives the notes of every open room (tests, shutdown). */
    async flushAll() {
      for (const room of rooms.values()) {
        await flush(room);
        if (room.deriveTimer) {
          clearTimeout(room.deriveTimer);
          room.deriveTimer = null;
          await derive(room);
        }
      }
    },
    async close() {
      closing = true;
      clearInterval(sweep);
      for (const room of rooms.values())
        for (const conn of room.conns) closeConn(conn, LIVE_CLOSE.restart, 'restarting');
      await this.flushAll();
      await opts.bus.close();
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
