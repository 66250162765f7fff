/**
 * The live channel of a meeting (decision 020) over a real WebSocket: shared notes typed by
 * both at once, presence, "changed" signals, the save-and-merge fallback, and who may connect
 * and write (the same answers as the HTTP API).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { noteTextName } from '../../src/domain/one-on-one/live-doc';
import { LIVE_CLOSE } from '../../src/domain/one-on-one/live-doc';
import { meetingDocRepository } from '../../src/server/repositories/meeting-doc.repository';
import { docFromStored } from '../../src/server/live/meeting-doc';
import { signedIn, testApp, type TestContext } from '../support/app';
import { makePerson } from '../support/factories';
import { closeCodeOf, liveClient, upgradeStatus, waitUntil } from '../support/live';
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
let base: string;
let meetings: { id: string; startsAt: string }[];
const open: { live: { destroy(): void } }[] = [];

beforeAll(async () => {
  ctx = await testApp({ JOB_TIMING: 'fast' });
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = ctx.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  w = await makeOneOnOneWorld(ctx.database.db, 'live');
  c = await clientsFor(ctx.app, w);
  ({ meetings } = await bookSeries(c.manager, w.employee.id, { startDate: daysFromToday(1) }));
});
afterAll(async () => {
  for (const o of open) o.live.destroy();
  await ctx.close();
});

const connect = (meetingId: string, cookie: string, origin?: string) => {
  const client = liveClient(base, meetingId, cookie, origin ? { origin } : {});
  open.push(client);
  return client;
};
const detail = async (id: string, who = c.manager) =>
  (await who.get(`/api/one-on-ones/meetings/${id}`)).json() as {
    agenda: { id: string; note: { body: string; decision: string; version: number } | null }[];
    meeting: { phase: string; startedAt: string | null; heldOn: string | null };
  };
const textOf = (doc: Y.Doc, pointId: string) =>
  doc.getText(noteTextName(pointId, 'body')).toString();

describe('two people typing into the same note at once', () => {
  it('end with the same text, holding every keystroke of both, stored and derived', async () => {
    const meetingId = meetings[0]!.id;
    const pointId = (await detail(meetingId)).agenda[0]!.id;
    const m = connect(meetingId, c.manager.cookie);
    const e = connect(meetingId, c.employee.cookie);
    await waitUntil(() => m.live.status === 'live' && e.live.status === 'live', 'both live');

    const typed: string[] = [];
    // Each types 150 keystrokes at a place of their own (the manager from the start, the
    // employee at the end) with an occasional keystroke somewhere random, in small bursts so
    // edits cross on the wire.
    const typist = async (doc: Y.Doc, alphabet: string, fromEnd: boolean) => {
      const text = doc.getText(noteTextName(pointId, 'body'));
      let cursor: Y.RelativePosition | null = null;
      for (let i = 0; i < 150; i++) {
        const ch = alphabet[i % alphabet.length]!;
        typed.push(ch);
        let index: number;
        if (i % 17 === 16) index = Math.floor(Math.random() * (text.length + 1));
        else if (cursor) index = Y.createAbsolutePositionFromRelativePosition(cursor, doc)!.index;
        else index = fromEnd ? text.length : 0;
        text.insert(index, ch);
        cursor = Y.createRelativePositionFromTypeIndex(text, index + 1);
        if (i % 5 === 4) await new Promise((r) => setTimeout(r, Math.random() * 8));
      }
    };
    await Promise.all([
      typist(m.live.doc, 'abcdefghij', false),
      typist(e.live.doc, 'KLMNOPQRST', true),
    ]);
    await waitUntil(
      () =>
        textOf(m.live.doc, pointId).length === 300 && textOf(e.live.doc, pointId).length === 300,
      'every keystroke on both sides',
    );
    const final = textOf(m.live.doc, pointId);
    expect(textOf(e.live.doc, pointId)).toBe(final);
    expect([...final].sort().join('')).toBe([...typed].sort().join(''));

    expect(await m.live.whenSaved()).toBe(true);
    expect(await e.live.whenSaved()).toBe(true);
    // Stored: a document built from the database has the same text.
    const stored = await meetingDocRepository.load(ctx.database.db, w.org.id, meetingId);
    expect(textOf(docFromStored(stored!), pointId)).toBe(final);
    // Derived: the plain-text note that minutes, PDFs and search read.
    await ctx.app.live.flushAll();
    expect((await detail(meetingId)).agenda[0]!.note?.body).toBe(final);
  });
});

describe('presence and changes', () => {
  it('shows who is there and where they write, with the name from the session', async () => {
    const meetingId = meetings[1]!.id;
    const m = connect(meetingId, c.manager.cookie);
    const e = connect(meetingId, c.employee.cookie);
    await waitUntil(() => m.live.status === 'live' && e.live.status === 'live', 'both live');
    // Present as soon as the meeting is open, before writing anywhere.
    await waitUntil(() => e.live.others().length === 1 && m.live.others().length === 1, 'present');
    const pointId = (await detail(meetingId)).agenda[1]!.id;
    m.live.setPresence({ field: noteTextName(pointId, 'body') });
    await waitUntil(() => e.live.others().some((p) => p.field !== null), 'manager presence');
    expect(e.live.others()).toEqual([
      { personId: w.manager.id, name: 'Maja Chef', field: noteTextName(pointId, 'body') },
    ]);
    m.live.destroy();
    await waitUntil(() => e.live.others().length === 0, 'manager gone');
  });

  it('tells the other participant at once when the agenda, actions or check-in change', async () => {
    const meetingId = meetings[1]!.id;
    const e = connect(meetingId, c.employee.cookie);
    await waitUntil(() => e.live.status === 'live', 'live');
    const count = () => e.events.filter((x) => x.type === 'changed').length;
    const before = count();
    const started = Date.now();
    expect(
      (await c.manager.post(`/api/one-on-ones/meetings/${meetingId}/points`, { title: 'Lön' }))
        .statusCode,
    ).toBe(201);
    await waitUntil(() => count() > before, 'changed after a topic');
    expect(Date.now() - started).toBeLessThan(1000);
    await c.manager.post(`/api/one-on-ones/meetings/${meetingId}/start`);
    await waitUntil(() => count() > before + 1, 'changed after the start');
    const d = await detail(meetingId, c.employee);
    expect(d.meeting.phase).toBe('in_progress');
    expect(d.meeting.startedAt).not.toBeNull();
  });
});

describe('the save-and-merge fallback', () => {
  it('a save over HTTP lands in the live document and merges with what is typed live', async () => {
    const meetingId = meetings[2]!.id;
    const pointId = (await detail(meetingId)).agenda[0]!.id;
    const m = connect(meetingId, c.manager.cookie);
    await waitUntil(() => m.live.status === 'live', 'live');
    m.live.doc.getText(noteTextName(pointId, 'body')).insert(0, 'Live text.');
    expect(await m.live.whenSaved()).toBe(true);
    await ctx.app.live.flushAll();
    const note = (await detail(meetingId, c.employee)).agenda[0]!.note!;
    expect(note.body).toBe('Live text.');
    // The employee's browser cannot open a WebSocket: it saves as before, appending.
    const res = await c.employee.request('PUT', `/api/one-on-ones/points/${pointId}/note`, {
      body: 'Live text. Fallback text.',
      decision: '',
      baseVersion: note.version,
    });
    expect(res.statusCode).toBe(200);
    await waitUntil(
      () => textOf(m.live.doc, pointId) === 'Live text. Fallback text.',
      'fallback save in the live document',
    );
  });
});

describe('text a request could not carry', () => {
  it('never keeps a live note from being stored (a NUL typed live is left out)', async () => {
    const meetingId = meetings[2]!.id;
    const agenda = (await detail(meetingId)).agenda;
    const m = connect(meetingId, c.manager.cookie);
    await waitUntil(() => m.live.status === 'live', 'live');
    m.live.doc.getText(noteTextName(agenda[1]!.id, 'body')).insert(0, 'Före\u0000efter\u0007.');
    m.live.doc.getText(noteTextName(agenda[2]!.id, 'body')).insert(0, 'Vanlig text.');
    expect(await m.live.whenSaved()).toBe(true);
    await ctx.app.live.flushAll();
    const after = (await detail(meetingId, c.employee)).agenda;
    expect(after[1]!.note!.body).toBe('Föreefter.');
    expect(after[2]!.note!.body).toBe('Vanlig text.');
  });
});

describe('who may connect and write', () => {
  it('answers every person as the HTTP API does', async () => {
    const meetingId = meetings[0]!.id;
    const url = `${base.replace('http', 'ws')}/api/live/meetings/${meetingId}`;
    const headers = (cookie: string, origin = base) => ({ cookie, origin });
    // The pair connect; everybody else gets "not found", like GET /api/one-on-ones/meetings/:id.
    const expected: [keyof typeof c, number][] = [
      ['otherManager', LIVE_CLOSE.notFound],
      ['hr', LIVE_CLOSE.notFound],
      ['admin', LIVE_CLOSE.notFound],
      ['stranger', LIVE_CLOSE.notFound],
    ];
    for (const [who, code] of expected) {
      expect((await c[who].get(`/api/one-on-ones/meetings/${meetingId}`)).statusCode).toBe(404);
      expect(await closeCodeOf(url, headers(c[who].cookie))).toBe(code);
    }
    expect(await upgradeStatus(url, headers(c.manager.cookie))).toBe(101);
    expect(await upgradeStatus(url, headers(c.employee.cookie))).toBe(101);
    // No session: refused before the upgrade. Another site's page: refused (CSRF).
    expect(await upgradeStatus(url, headers(''))).toBe(401);
    expect(await upgradeStatus(url, headers(c.manager.cookie, 'https://evil.example'))).toBe(403);
    expect(await upgradeStatus(url, { cookie: c.manager.cookie })).toBe(403);
  });

  it('never carries private notes, and refuses anything that is not a shared note', async () => {
    const meetingId = meetings[3]!.id;
    const e = connect(meetingId, c.employee.cookie);
    const m = connect(meetingId, c.manager.cookie);
    await waitUntil(() => m.live.status === 'live' && e.live.status === 'live', 'both live');
    const secret = 'Endast för mig: funderar på omorganisation';
    expect(
      (
        await c.manager.request('PUT', `/api/one-on-ones/meetings/${meetingId}/private-note`, {
          body: secret,
          baseVersion: 0,
        })
      ).statusCode,
    ).toBe(200);
    const pointId = (await detail(meetingId)).agenda[0]!.id;
    m.live.doc.getText(noteTextName(pointId, 'body')).insert(0, 'shared');
    await waitUntil(() => textOf(e.live.doc, pointId) === 'shared', 'shared text arrives');
    expect(Buffer.concat(e.received).includes(Buffer.from(secret))).toBe(false);
    // A client that tries to put something else in the document is disconnected.
    m.live.doc.getText('private:' + pointId).insert(0, 'x');
    await waitUntil(() => m.closes.includes(LIVE_CLOSE.invalid), 'refused');
    expect(e.live.doc.share.has('private:' + pointId)).toBe(false);
  });

  it('refuses writes once the meeting is finished, and lets the pair read', async () => {
    const meetingId = meetings[4]!.id;
    const pointId = (await detail(meetingId)).agenda[0]!.id;
    const e = connect(meetingId, c.employee.cookie);
    await waitUntil(() => e.live.status === 'live', 'live');
    expect((await c.manager.post(`/api/one-on-ones/meetings/${meetingId}/finish`)).statusCode).toBe(
      200,
    );
    await waitUntil(() => e.events.some((x) => x.type === 'changed'), 'changed');
    e.live.doc.getText(noteTextName(pointId, 'body')).insert(0, 'too late');
    await waitUntil(() => e.events.some((x) => x.type === 'readOnly'), 'read only');
    await ctx.app.live.flushAll();
    expect((await detail(meetingId)).agenda[0]!.note).toBeNull();
    const stored = await meetingDocRepository.load(ctx.database.db, w.org.id, meetingId);
    expect(textOf(docFromStored(stored!), pointId)).toBe('');
  });

  it('drops the connection of a session that signs out or a person who is deactivated', async () => {
    const meetingId = meetings[5]!.id;
    // A second employee signs in twice; one session signs out.
    const employee2 = await makePerson(ctx.database.db, w.org.id, {
      email: 'second-live@a.test',
      managerId: w.manager.id,
    });
    const other = await signedIn(ctx.app, 'manager-live@a.test');
    const { meetings: m2 } = await bookSeries(other, employee2.id, {
      startDate: daysFromToday(2),
    });
    const session = await signedIn(ctx.app, 'second-live@a.test');
    const live = connect(m2[0]!.id, session.cookie);
    await waitUntil(() => live.live.status === 'live', 'live');
    await session.post('/api/auth/logout');
    // Idle: the sweep closes it; writing would too.
    await waitUntil(() => live.closes.includes(LIVE_CLOSE.unauthorized), 'closed on sign-out');
    expect(live.live.status).toBe('denied');

    const again = await signedIn(ctx.app, 'second-live@a.test');
    const live2 = connect(m2[0]!.id, again.cookie);
    await waitUntil(() => live2.live.status === 'live', 'live again');
    expect((await c.hr.post(`/api/people/${employee2.id}/deactivate`)).statusCode).toBe(200);
    await waitUntil(() => live2.closes.includes(LIVE_CLOSE.unauthorized), 'closed on deactivation');
    void meetingId;
  });
});
