/**
 * The live hub under load (decision 020): a keystroke reaches the other participant without
 * waiting on the database once the meeting has been checked, a sign-out still stops the very
 * next keystroke, and the updates of many meetings are stored by a few statements (group
 * commit), each acknowledged to its writer.
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { noteTextName } from '../../src/domain/one-on-one/live-doc';
import type { Actor } from '../../src/domain/roles';
import { localBus } from '../../src/server/live/bus';
import { testClock } from '../../src/server/clock';
import { createLiveHub, type LiveHub } from '../../src/server/live/hub';
import { meetingDocRepository } from '../../src/server/repositories/meeting-doc.repository';
import { docFromStored } from '../../src/server/live/meeting-doc';
import { LiveMeeting, type SocketLike } from '../../src/web/live/live-meeting';
import { signedIn, testApp, type TestContext } from '../support/app';
import { waitUntil } from '../support/live';
import {
  bookSeries,
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;
let meetings: { id: string }[];
let hub: LiveHub;
let wss: WebSocketServer;
let port = 0;
/** How long the session lookup takes (a pool under load); 0 = as fast as it is. */
let sessionDelayMs = 0;
let sessionLookups = 0;
let inserts = 0;
const clients: LiveMeeting[] = [];

const tokenOf = (cookie: string) => /samtal_session=([^;]+)/.exec(cookie)![1]!;
/** The hub's clock: the test ages its access checks by moving it. */
const clock = testClock();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'hubload');
  c = await clientsFor(ctx.app, w);
  ({ meetings } = await bookSeries(c.manager, w.employee.id, { startDate: daysFromToday(1) }));
  const auth = ctx.app.services.auth;
  const actorForToken = async (token: string): Promise<Actor | undefined> => {
    sessionLookups++;
    if (sessionDelayMs) await sleep(sessionDelayMs);
    return auth.actorForToken(token);
  };
  // Counts the statements that append updates (the hub's only direct inserts).
  const db = ctx.database.db;
  const counting = new Proxy(db, {
    get(target, key) {
      if (key === 'insert') inserts++;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  hub = createLiveHub({ db: counting, bus: localBus(), actorForToken, checkTtlMs: 100, clock });
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  wss.on('connection', (ws, req) => {
    const [, meetingId, token] = /^\/([^/]+)\/([^/]+)$/.exec(req.url ?? '') ?? [];
    void auth.actorForToken(token!).then((actor) => {
      if (!actor) return ws.close(4401);
      void hub.connect(ws, token!, actor, meetingId!);
    });
  });
  await new Promise((r) => wss.once('listening', r));
  port = (wss.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const l of clients) l.destroy();
  await hub.close();
  await new Promise((r) => wss.close(r));
  await ctx.close();
});

function join(meetingId: string, cookie: string) {
  const live = new LiveMeeting({
    url: `ws://127.0.0.1:${port}/${meetingId}/${tokenOf(cookie)}`,
    createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
    maxBackoffMs: 300,
  });
  clients.push(live);
  return live;
}

const note = (live: LiveMeeting, key: string) => live.doc.getText(noteTextName(key, 'body'));

describe('the live hub under load', () => {
  it('passes a keystroke on without waiting for the session or meeting check to be renewed', async () => {
    const key = '00000000-0000-4000-8000-000000000001';
    const m = join(meetings[0]!.id, c.manager.cookie);
    const e = join(meetings[0]!.id, c.employee.cookie);
    await waitUntil(() => m.status === 'live' && e.status === 'live', 'both live');
    note(m, key).insert(0, 'a');
    await waitUntil(() => note(e, key).toString() === 'a', 'first keystroke');

    // The checks are now older than checkTtlMs (moved on the hub's clock, not slept) and the
    // session lookup takes a second.
    clock.advance(150);
    sessionDelayMs = 1000;
    const before = sessionLookups;
    const sent = performance.now();
    note(m, key).insert(1, 'b');
    await waitUntil(() => note(e, key).toString() === 'ab', 'second keystroke', 900);
    expect(performance.now() - sent).toBeLessThan(500);
    // …while the renewal runs behind it.
    await waitUntil(() => sessionLookups > before, 'renewed in the background');
    await sleep(1100);
    sessionDelayMs = 0;
  });

  it('checks the session before the next keystroke once anyone in the process signed out', async () => {
    const key = '00000000-0000-4000-8000-000000000002';
    const other = await signedIn(ctx.app, w.employee.email);
    const m = join(meetings[1]!.id, c.manager.cookie);
    const e = join(meetings[1]!.id, other.cookie);
    await waitUntil(() => m.status === 'live' && e.status === 'live', 'both live');
    note(e, key).insert(0, 'x');
    await waitUntil(() => note(m, key).toString() === 'x', 'first keystroke');
    // Fresh checks (well within checkTtlMs would not matter): the sign-out is seen at once.
    expect((await other.post('/api/auth/logout')).statusCode).toBe(200);
    note(e, key).insert(1, 'y');
    await waitUntil(() => e.status === 'denied', 'closed as signed out');
    await sleep(200);
    expect(note(m, key).toString()).toBe('x');
  });

  it('stores the keystrokes of many meetings in a few statements and acknowledges each', async () => {
    const key = '00000000-0000-4000-8000-000000000003';
    const lives = meetings.slice(2, 8).map((mt) => join(mt.id, c.manager.cookie));
    expect(lives.length).toBe(6);
    await waitUntil(() => lives.every((l) => l.status === 'live'), 'all live');
    lives.forEach((l) => note(l, key).insert(0, '>'));
    await waitUntil(() => lives.every((l) => !l.unsaved), 'first keystrokes saved');

    // The database is busy (a transaction holds the table) while all six type at once.
    let release = () => {};
    let locked = false;
    const locker = ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table meeting_doc_updates in exclusive mode`);
      locked = true;
      await new Promise<void>((r) => (release = r));
    });
    await waitUntil(() => locked, 'table locked');
    const start = inserts;
    lives.forEach((l, i) => note(l, key).insert(1, `meeting ${i}`));
    await sleep(300);
    expect(lives.every((l) => l.unsaved)).toBe(true);
    release();
    await locker;
    await waitUntil(() => lives.every((l) => !l.unsaved), 'all saved');
    // One statement was waiting for the lock; everything that came meanwhile went in the next.
    expect(inserts - start).toBeLessThanOrEqual(2);
    for (const [i, mt] of meetings.slice(2, 8).entries()) {
      const stored = await meetingDocRepository.load(ctx.database.db, w.org.id, mt.id);
      expect(docFromStored(stored!).getText(noteTextName(key, 'body')).toString()).toBe(
        `>meeting ${i}`,
      );
    }
  });
});
