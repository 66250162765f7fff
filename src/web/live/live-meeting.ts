/**
 * The client side of a meeting's live channel (decision 020): keeps a Yjs document of the
 * shared notes in step with the server over one WebSocket, publishes presence, and reports
 * Samtal's events (something changed, what is stored). Plain TypeScript: the browser binds it
 * with React (use-live-meeting.ts); tests and the benchmark drive it from Node with `ws`.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  LIVE_CLOSE,
  LIVE_MESSAGE,
  type LiveEvent,
  type LivePresence,
} from '../../domain/one-on-one/live-doc';

/** What the channel needs of a WebSocket (the browser's, or `ws` in Node). */
export type SocketLike = {
  binaryType: string;
  readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
};

export type LiveStatus =
  /** Trying to reach the server. */
  | 'connecting'
  /** In step with the server: what is typed reaches the other person at once. */
  | 'live'
  /** No connection (offline, or WebSockets blocked): edits are kept and sent on return. */
  | 'offline'
  /** The server refused: signed out, or no longer one of the pair. */
  | 'denied';

export type LiveMeetingOptions = {
  url: string;
  createSocket: (url: string) => SocketLike;
  doc?: Y.Doc;
  onEvent?: (event: LiveEvent) => void;
  onStatus?: (status: LiveStatus) => void;
  /** Longest wait between reconnection attempts (ms). */
  maxBackoffMs?: number;
};

const OPEN = 1;

export class LiveMeeting {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  status: LiveStatus = 'connecting';
  /** Whether the server accepts writes (false once the meeting is finished). */
  writable = true;
  /** Server clock minus this clock (ms), from the last welcome. */
  clockOffsetMs = 0;
  /** Did the server ever answer (so a failure means "blocked or offline", not "slow")? */
  everConnected = false;
  private socket: SocketLike | null = null;
  private sent = 0;
  private savedUpTo = 0;
  /** Edits made while not connected: sent with the next sync, stored then. */
  private dirtyOffline = false;
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private paused = false;
  private readonly savedWaiters = new Set<() => void>();

  constructor(private readonly opts: LiveMeetingOptions) {
    this.doc = opts.doc ?? new Y.Doc();
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.connect();
  }

  /** True while something typed here is not yet stored on the server. */
  get unsaved(): boolean {
    return this.dirtyOffline || this.savedUpTo < this.sent;
  }

  /** Resolves once everything typed so far is stored, or false after `timeoutMs`. */
  whenSaved(timeoutMs = 5000): Promise<boolean> {
    if (!this.unsaved) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.savedWaiters.delete(done);
        resolve(true);
      };
      const t = setTimeout(() => {
        this.savedWaiters.delete(done);
        resolve(false);
      }, timeoutMs);
      this.savedWaiters.add(done);
    });
  }

  /** Who this device is and which note field it writes in (the server fills in the name). */
  setPresence(presence: Pick<LivePresence, 'field'> | null) {
    this.awareness.setLocalState(presence ? { field: presence.field } : null);
  }

  /** Presence of the others: person and field, by awareness client id. */
  others(): LivePresence[] {
    const out: LivePresence[] = [];
    for (const [id, state] of this.awareness.getStates()) {
      if (id === this.doc.clientID || !state || typeof state !== 'object') continue;
      const s = state as Partial<LivePresence>;
      if (s.personId)
        out.push({ personId: s.personId, name: s.name ?? '', field: s.field ?? null });
    }
    return out;
  }

  /** Stops using the network (offline mode): edits are kept until `resume`. */
  pause() {
    this.paused = true;
    this.clearTimer();
    this.socket?.close(1000, 'offline');
    this.setStatus('offline');
  }

  resume() {
    if (!this.paused) return;
    this.paused = false;
    this.attempts = 0;
    this.connect();
  }

  destroy() {
    this.stopped = true;
    this.clearTimer();
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'destroy');
    this.socket?.close(1000, 'leaving');
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
  }

  // ---- connection ---------------------------------------------------------------------------

  private connect() {
    if (this.stopped || this.paused) return;
    this.setStatus(this.everConnected ? 'offline' : 'connecting');
    let socket: SocketLike;
    try {
      socket = this.opts.createSocket(this.opts.url);
    } catch {
      this.retry();
      return;
    }
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.onopen = () => {
      this.sent = 0;
      this.savedUpTo = 0;
      // Our state vector: the server answers with everything we lack; its own state vector
      // (in the welcome) makes us send what it lacks, such as what was typed offline.
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, LIVE_MESSAGE.sync);
      syncProtocol.writeSyncStep1(enc, this.doc);
      socket.send(encoding.toUint8Array(enc));
      // Present at once: setting the state again raises its clock, so the server (which
      // ignores a first state at clock 0) takes it, and the 'update' listener sends it.
      const state = this.awareness.getLocalState();
      if (state !== null) this.awareness.setLocalState({ ...state });
    };
    socket.onmessage = (ev) => this.onMessage(ev.data);
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (
        ev.code === LIVE_CLOSE.unauthorized ||
        ev.code === LIVE_CLOSE.forbidden ||
        ev.code === LIVE_CLOSE.notFound
      ) {
        this.setStatus('denied');
        return;
      }
      if (this.paused || this.stopped) return;
      this.setStatus('offline');
      this.retry();
    };
    socket.onerror = () => undefined;
  }

  private retry() {
    if (this.stopped || this.paused) return;
    this.clearTimer();
    const max = this.opts.maxBackoffMs ?? 10_000;
    const wait = Math.min(max, 500 * 2 ** this.attempts) * (0.75 + Math.random() * 0.5);
    this.attempts++;
    this.timer = setTimeout(() => this.connect(), wait);
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setStatus(status: LiveStatus) {
    if (this.status === status) return;
    this.status = status;
    this.opts.onStatus?.(status);
  }

  private send(data: Uint8Array): boolean {
    const s = this.socket;
    if (!s || s.readyState !== OPEN) return false;
    s.send(data);
    return true;
  }

  private sendAwareness(clients: number[]) {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, LIVE_MESSAGE.awareness);
    encoding.writeVarUint8Array(
      enc,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients),
    );
    this.send(encoding.toUint8Array(enc));
  }

  // ---- messages -----------------------------------------------------------------------------

  private onMessage(data: unknown) {
    const bytes =
      data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : null;
    if (!bytes) return;
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === LIVE_MESSAGE.sync) {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, LIVE_MESSAGE.sync);
      const syncType = syncProtocol.readSyncMessage(decoder, enc, this.doc, this);
      if (encoding.length(enc) > 1 && this.send(encoding.toUint8Array(enc))) {
        // Our answer to the server's step 1: what it lacks (what was typed offline).
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          this.sent++;
          this.dirtyOffline = false;
        }
      }
      return;
    }
    if (type === LIVE_MESSAGE.awareness) {
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        decoding.readVarUint8Array(decoder),
        this,
      );
      return;
    }
    if (type === LIVE_MESSAGE.event) {
      const event = JSON.parse(decoding.readVarString(decoder)) as LiveEvent;
      if (event.type === 'welcome') {
        this.clockOffsetMs = Date.parse(event.serverTime) - Date.now();
        this.writable = event.writable;
        this.everConnected = true;
        this.attempts = 0;
        this.setStatus('live');
      } else if (event.type === 'saved') {
        this.savedUpTo = Math.max(this.savedUpTo, event.upTo);
        if (!this.unsaved) for (const w of [...this.savedWaiters]) w();
      } else if (event.type === 'readOnly') {
        this.writable = false;
      }
      this.opts.onEvent?.(event);
    }
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return;
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, LIVE_MESSAGE.sync);
    syncProtocol.writeUpdate(enc, update);
    if (this.status === 'live' && this.send(encoding.toUint8Array(enc))) this.sent++;
    else this.dirtyOffline = true;
  };

  private onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin === this) return;
    const mine = [...change.added, ...change.updated, ...change.removed].filter(
      (id) => id === this.doc.clientID,
    );
    if (mine.length) this.sendAwareness(mine);
  };
}
