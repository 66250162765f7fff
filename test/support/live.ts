import WebSocket from 'ws';
import { LiveMeeting, type SocketLike } from '../../src/web/live/live-meeting';
import type { LiveEvent } from '../../src/domain/one-on-one/live-doc';

/** A participant's live channel from Node, as a browser on `origin` would open it. */
export function liveClient(
  baseUrl: string,
  meetingId: string,
  cookie: string,
  opts: { origin?: string } = {},
) {
  const events: LiveEvent[] = [];
  /** Every byte the server sent, to prove what never travels on the channel. */
  const received: Buffer[] = [];
  const closes: number[] = [];
  const live = new LiveMeeting({
    url: `${baseUrl.replace(/^http/, 'ws')}/api/live/meetings/${meetingId}`,
    createSocket: (url) => {
      const ws = new WebSocket(url, { headers: { cookie, origin: opts.origin ?? baseUrl } });
      ws.on('message', (data: Buffer) => received.push(Buffer.from(data)));
      ws.on('close', (code) => closes.push(code));
      return ws as unknown as SocketLike;
    },
    onEvent: (e) => events.push(e),
    maxBackoffMs: 300,
  });
  return { live, events, received, closes };
}

/** Waits until `check` holds (polling), or fails with `what`. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 10_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The HTTP status of a refused WebSocket upgrade (or 101 when it was accepted). */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', () => resolve(0));
  });
}

/** Opens a raw socket and resolves with the close code the server chose. */
export function closeCodeOf(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('close', (code) => resolve(code));
    ws.on('unexpected-response', (_req, res) => {
      resolve(-(res.statusCode ?? 0));
      ws.terminate();
    });
  });
}
