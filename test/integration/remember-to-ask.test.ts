/**
 * The manager's "remember to ask" reminders (issue #15): sealed in the manager's browser,
 * shown on the meeting they were written in and every later meeting of the series until
 * ticked off, and nobody else's — not the employee's, HR's, an admin's, another manager's or
 * another organisation's.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client';
import {
  createVault,
  open,
  reminderContext,
  seal,
  type CryptoKey,
  type Sealed,
} from '../../src/domain/sealing/envelope';
import type { Client } from '../support/app';
import { testApp, type TestContext } from '../support/app';
import {
  bookSeries,
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';

type Who = 'manager' | 'employee' | 'otherManager' | 'hr' | 'admin' | 'stranger';
const OTHERS: Who[] = ['employee', 'otherManager', 'hr', 'admin', 'stranger'];
const SECRET = 'fråga-hur-flytten-gick-4e1d';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Record<Who, Client>;
let seriesId = '';
let meetings: string[] = [];
let key: CryptoKey;

const list = (x: Client, meetingId: string) =>
  x.get(`/api/one-on-ones/meetings/${meetingId}/reminders`);
const add = (x: Client, meetingId: string, sealed: Sealed) =>
  x.post(`/api/one-on-ones/meetings/${meetingId}/reminders`, { sealed });
const tick = (x: Client, meetingId: string, id: string, done: boolean) =>
  x.patch(`/api/one-on-ones/meetings/${meetingId}/reminders/${id}`, { done });
const sealFor = (text: string, keyVersion = 1) =>
  seal(key, text, reminderContext(seriesId, w.manager.id), keyVersion);
type Item = { id: string; sealed: Sealed; doneAt: string | null };
const items = async (meetingId: string) =>
  (await list(c.manager, meetingId)).json().items as Item[];

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'remind');
  c = await clientsFor(ctx.app, w);
  const booked = await bookSeries(c.manager, w.employee.id, { startDate: daysFromToday(1) });
  seriesId = booked.series.id;
  meetings = booked.meetings.slice(0, 3).map((m) => m.id);
  ({ key } = await createVault('en lång lösenfras för valvet').then(async (v) => {
    // No vault yet: a reminder cannot be kept, since it could only be kept in plain text.
    const refused = await add(
      c.manager,
      meetings[0]!,
      await seal(v.key, 'x', reminderContext(seriesId, w.manager.id), 1),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('vault.missing');
    expect((await c.manager.post('/api/vault', v.wraps)).statusCode).toBe(201);
    return v;
  }));
});
afterAll(() => ctx.close());

describe('remember to ask', () => {
  it('shows on the meeting it was written in and every later one until ticked off', async () => {
    const [first, second, third] = meetings as [string, string, string];
    const res = await add(c.manager, first, await sealFor(SECRET));
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    for (const m of [first, second, third]) {
      const [one] = await items(m);
      expect(one!.id).toBe(id);
      expect(await open(key, one!.sealed, reminderContext(seriesId, w.manager.id))).toBe(SECRET);
    }
    // Ticked off in the second meeting: still there (to undo), gone from the third.
    expect((await tick(c.manager, second, id, true)).json().doneAt).not.toBeNull();
    expect((await items(second)).map((r) => r.doneAt !== null)).toEqual([true]);
    expect(await items(third)).toEqual([]);
    // The whole page says the same, in its one request.
    const page = (await c.manager.get(`/api/pages/meeting/${third}`)).json();
    expect(page.reminders).toEqual({ items: [] });
    // Undone, it carries on.
    await tick(c.manager, second, id, false);
    expect((await items(third)).map((r) => r.id)).toEqual([id]);
    const again = (await c.manager.get(`/api/pages/meeting/${third}`)).json();
    expect(again.reminders.items.map((r: Item) => r.id)).toEqual([id]);
  });

  it('is not shown on a meeting before the one it was written in', async () => {
    const [first, second] = meetings as [string, string];
    const res = await add(c.manager, second, await sealFor('written in the second'));
    const id = res.json().id as string;
    expect((await items(first)).map((r) => r.id)).not.toContain(id);
    expect((await tick(c.manager, first, id, true)).statusCode).toBe(404);
  });

  it('is the manager’s alone: everyone else gets “not found”, the employee included', async () => {
    const [first, second] = meetings as [string, string];
    const id = (await items(first))[0]!.id;
    const sealed = await sealFor('someone else');
    for (const who of OTHERS) {
      expect((await list(c[who], first)).statusCode, `${who} lists`).toBe(404);
      expect((await add(c[who], first, sealed)).statusCode, `${who} adds`).toBe(404);
      expect((await tick(c[who], second, id, true)).statusCode, `${who} ticks`).toBe(404);
    }
    // The employee's own page of the same meeting holds no reminders, not even an empty list.
    const page = (await c.employee.get(`/api/pages/meeting/${first}`)).json();
    expect(page.reminders).toBeNull();
    expect(JSON.stringify(page)).not.toContain((await items(first))[0]!.sealed.ciphertext);
    // A reminder id from another series is "not found" too.
    expect((await tick(c.manager, first, crypto.randomUUID(), true)).statusCode).toBe(404);
  });

  it('takes only a sealed text under the current key; the server holds ciphertext only', async () => {
    const first = meetings[0]!;
    const plain = await c.manager.post(`/api/one-on-ones/meetings/${first}/reminders`, {
      body: 'in plain text',
    });
    expect(plain.statusCode).toBe(400);
    const stale = await add(c.manager, first, await sealFor('old key', 2));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('vault.key_version');
    const rows = await queryRows<Record<string, unknown>>(
      ctx.database.db,
      sql`select * from one_on_one_reminders`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(SECRET);
  });

  it('refuses more than twenty open reminders for one employee', async () => {
    const first = meetings[0]!;
    let status = 201;
    for (let i = 0; i < 25 && status === 201; i++)
      status = (await add(c.manager, first, await sealFor(`r${i}`))).statusCode;
    expect(status).toBe(409);
    // The second meeting shows every open one (one of them was written there).
    expect((await items(meetings[1]!)).filter((r) => r.doneAt === null)).toHaveLength(20);
  });
});
