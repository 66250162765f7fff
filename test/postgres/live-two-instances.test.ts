/**
 * Two `samtal serve` processes on one PostgreSQL database, the manager connected to one and the
 * employee to the other: live notes, presence and "changed" signals cross between them through
 * LISTEN/NOTIFY (decision 020).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteTextName } from '../../src/domain/one-on-one/live-doc';
import { freshDatabase } from '../support/database';
import { makeOrg, makePerson, TEST_PASSWORD } from '../support/factories';
import { liveClient, waitUntil } from '../support/live';
import { daysFromToday, seriesBody } from '../support/one-on-one.factories';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let db: Awaited<ReturnType<typeof freshDatabase>>;
const servers: ChildProcess[] = [];
const ports = [39211, 39212];
const bases = ports.map((p) => `http://127.0.0.1:${p}`);
const opened: { destroy(): void }[] = [];

async function serve(port: number) {
  const child = spawn(process.execPath, ['bin/samtal.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: db.url!,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SAMTAL_WORKERS: 'false',
      SESSION_CACHE_SECONDS: '0',
      COOKIE_SECRET: 'x'.repeat(40),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  try {
    await waitUntil(() => out.includes('Samtal is running'), `instance on ${port}`, 120_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}; its output: ${JSON.stringify(out)}`);
  }
}

/** A minimal cookie-keeping HTTP client against a real instance. */
function http(base: string) {
  const jar = new Map<string, string>();
  let csrf = '';
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const call = async (method: string, url: string, body?: unknown) => {
    if (method !== 'GET' && !csrf)
      csrf = (await (await call('GET', '/api/auth/csrf')).json()).token;
    const res = await fetch(base + url, {
      method,
      headers: {
        cookie: cookie(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  };
  return { call, cookie };
}

beforeAll(async () => {
  db = await freshDatabase();
  if (!db.url) throw new Error('these tests need DATABASE_URL (PostgreSQL)');
  // One after the other: concurrent start-up is startup-race.test.ts's subject; here a loaded CI
  // machine must not make two compiling start-ups race each other against one time limit.
  for (const port of ports) await serve(port);
}, 300_000);
afterAll(async () => {
  for (const o of opened) o.destroy();
  for (const s of servers) s.kill('SIGTERM');
  await Promise.all(
    servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.on('exit', r)))),
  );
  await db.close();
});

describe('a meeting with its two participants on two instances', () => {
  it('carries notes, presence and changes between them, within a fraction of a second', async () => {
    const org = await makeOrg(db.db);
    const manager = await makePerson(db.db, org.id, { email: 'm@two.test', name: 'Maja' });
    const employee = await makePerson(db.db, org.id, {
      email: 'e@two.test',
      name: 'Erik',
      managerId: manager.id,
    });
    const onA = http(bases[0]!);
    const onB = http(bases[1]!);
    expect(
      (await onA.call('POST', '/api/auth/login', { email: 'm@two.test', password: TEST_PASSWORD }))
        .status,
    ).toBe(200);
    expect(
      (await onB.call('POST', '/api/auth/login', { email: 'e@two.test', password: TEST_PASSWORD }))
        .status,
    ).toBe(200);
    const series = await (
      await onA.call(
        'POST',
        '/api/one-on-ones/series',
        seriesBody(employee.id, { startDate: daysFromToday(1) }),
      )
    ).json();
    const meetingId = (
      await (await onA.call('GET', `/api/one-on-ones/series/${series.id}/meetings?limit=1`)).json()
    ).items[0].id as string;
    const agenda = (await (await onA.call('GET', `/api/one-on-ones/meetings/${meetingId}`)).json())
      .agenda as { id: string }[];
    const pointId = agenda[0]!.id;

    const m = liveClient(bases[0]!, meetingId, onA.cookie());
    const e = liveClient(bases[1]!, meetingId, onB.cookie());
    opened.push(m.live, e.live);
    await waitUntil(() => m.live.status === 'live' && e.live.status === 'live', 'both live');

    // A note typed on instance A appears on B, and back.
    const body = (doc: typeof m.live.doc) => doc.getText(noteTextName(pointId, 'body'));
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const from = i % 2 ? e : m;
      const to = i % 2 ? m : e;
      const started = performance.now();
      body(from.live.doc).insert(body(from.live.doc).length, String(i % 10));
      await waitUntil(() => body(to.live.doc).length === i + 1, `keystroke ${i}`);
      latencies.push(performance.now() - started);
    }
    expect(body(m.live.doc).toString()).toBe('01234567890123456789');
    expect(body(e.live.doc).toString()).toBe('01234567890123456789');
    latencies.sort((a, b) => a - b);
    expect(latencies[latencies.length - 2]).toBeLessThan(500);

    // Presence crosses instances.
    m.live.setPresence({ field: noteTextName(pointId, 'body') });
    await waitUntil(() => e.live.others().some((p) => p.name === 'Maja'), 'presence on B');

    // A topic added through A's HTTP API: the employee on B hears of it.
    const changed = () => e.events.filter((x) => x.type === 'changed').length;
    const before = changed();
    expect(
      (await onA.call('POST', `/api/one-on-ones/meetings/${meetingId}/points`, { title: 'Resor' }))
        .status,
    ).toBe(201);
    await waitUntil(() => changed() > before, 'changed on B');

    // The employee's fallback save on B reaches the manager's live document on A.
    expect(await m.live.whenSaved()).toBe(true);
    expect(await e.live.whenSaved()).toBe(true);
    await new Promise((r) => setTimeout(r, 1500)); // the notes' text is derived after a pause
    const note = (await (await onB.call('GET', `/api/one-on-ones/meetings/${meetingId}`)).json())
      .agenda[0].note as { body: string; version: number };
    expect(note.body).toBe('01234567890123456789');
    const saved = await onB.call('PUT', `/api/one-on-ones/points/${pointId}/note`, {
      body: note.body + ' och mer',
      decision: '',
      baseVersion: note.version,
    });
    expect(saved.status).toBe(200);
    await waitUntil(
      () => body(m.live.doc).toString() === '01234567890123456789 och mer',
      'fallback on A',
    );
  }, 60_000);
});
