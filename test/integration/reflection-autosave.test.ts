/**
 * The light reflection (issue #15), through the HTTP API: one free text and a note per topic,
 * saved as the manager types. A repeated save of the same text writes nothing (autosave is
 * idempotent), reflections of the earlier three-question form stay readable and keep their
 * answers, the sealed form goes the same way, and nobody but the author reads any of it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client';
import { createVault, open, reflectionContext, seal } from '../../src/domain/sealing/envelope';
import type { Client } from '../support/app';
import { testApp, type TestContext } from '../support/app';
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
let meetings: string[];

const NOTE = 'topic-note-private-8d21';
const FREE = 'free-text-private-c3f0';

const path = (id: string) => `/api/one-on-ones/meetings/${id}/reflection`;
const put = (x: Client, id: string, body: unknown) => x.request('PUT', path(id), body);

async function rowsOf(meetingId: string) {
  return queryRows<{ updated_at: Date; topics: unknown; notes: string }>(
    ctx.database.db,
    sql`select updated_at, topics, notes from one_on_one_reflections
          where org_id = ${w.org.id} and meeting_id = ${meetingId}`,
  );
}

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'refl');
  c = await clientsFor(ctx.app, w);
  const booked = await bookSeries(c.manager, w.employee.id, { startDate: daysFromToday(1) });
  meetings = booked.meetings.map((m: { id: string }) => m.id);
});
afterAll(() => ctx.close());

describe('the light reflection', () => {
  it('takes one free text and a note per topic, without the earlier three answers', async () => {
    const res = await put(c.manager, meetings[0]!, {
      topics: [{ title: 'Hur mår du?', note: NOTE }],
      notes: FREE,
    });
    expect(res.statusCode).toBe(200);
    const got = (await c.manager.get(path(meetings[0]!))).json().reflection;
    expect(got.notes).toBe(FREE);
    expect(got.topics).toEqual([
      { title: 'Hur mår du?', note: NOTE, howItWent: '', why: '', doDifferently: '' },
    ]);
  });

  it('is idempotent: the same text saved again writes nothing, a change writes once', async () => {
    const body = { topics: [{ title: 'Plan', note: 'a' }], notes: 'same' };
    const first = await put(c.manager, meetings[1]!, body);
    const [before] = await rowsOf(meetings[1]!);
    for (let i = 0; i < 3; i++) {
      const again = await put(c.manager, meetings[1]!, body);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(first.json());
    }
    const rows = await rowsOf(meetings[1]!);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.updated_at).toEqual(before!.updated_at);
    const changed = await put(c.manager, meetings[1]!, { ...body, notes: 'changed' });
    expect(changed.json().notes).toBe('changed');
    expect(await rowsOf(meetings[1]!)).toHaveLength(1);
  });

  it('keeps a reflection of the earlier form readable, and its answers through a new save', async () => {
    const old = { title: 'Utmaningar', howItWent: 'Trögt', why: 'Sent', doDifferently: 'Tidigare' };
    expect((await put(c.manager, meetings[2]!, { topics: [old], notes: '' })).statusCode).toBe(200);
    const read = (await c.manager.get(path(meetings[2]!))).json().reflection;
    expect(read.topics).toEqual([{ ...old, note: '' }]);
    await put(c.manager, meetings[2]!, {
      topics: [{ ...read.topics[0], note: 'Ny rad' }],
      notes: '',
    });
    const after = (await c.manager.get(path(meetings[2]!))).json().reflection;
    expect(after.topics).toEqual([{ ...old, note: 'Ny rad' }]);
  });

  it('refuses a topic note too long, naming the field', async () => {
    const res = await put(c.manager, meetings[0]!, {
      topics: [{ title: 'x', note: 'y'.repeat(5001) }],
      notes: '',
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.fields)).toContain('note');
  });

  it('gives the topic notes and the free text to their author only', async () => {
    for (const who of ['employee', 'otherManager', 'hr', 'admin', 'stranger'] as const) {
      const r = await c[who].get(path(meetings[0]!));
      expect(r.statusCode, who).toBe(who === 'employee' ? 403 : 404);
      expect(r.body).not.toContain(NOTE);
      const w2 = await put(c[who], meetings[0]!, { topics: [], notes: 'x' });
      expect(w2.statusCode, who).toBe(who === 'employee' ? 403 : 404);
      const list = await c[who].get('/api/one-on-ones/reflections');
      expect(list.body).not.toContain(NOTE);
      expect(list.body).not.toContain(FREE);
    }
    const page = await c.employee.get(`/api/one-on-ones/meetings/${meetings[0]}`);
    expect(page.body).not.toContain(NOTE);
    expect(page.body).not.toContain(FREE);
    const mine = (await c.manager.get('/api/one-on-ones/reflections')).json().items;
    expect(JSON.stringify(mine)).toContain(NOTE);
  });

  it('autosaves sealed once there is a vault: plain refused, the same envelope written once', async () => {
    const { wraps, key } = await createVault('en lång egen lösenfras för testet');
    expect((await c.manager.post('/api/vault', wraps)).statusCode).toBe(201);
    const plain = await put(c.manager, meetings[3]!, { topics: [], notes: 'plain' });
    expect(plain.statusCode).toBe(409);
    expect(plain.json().error.code).toBe('vault.sealed_required');
    const content = { topics: [{ title: 'A', note: NOTE }], notes: FREE };
    const sealed = await seal(
      key,
      JSON.stringify(content),
      reflectionContext(meetings[3]!, w.manager.id),
      1,
    );
    const first = await put(c.manager, meetings[3]!, { sealed });
    expect(first.statusCode).toBe(200);
    const [before] = await rowsOf(meetings[3]!);
    const again = await put(c.manager, meetings[3]!, { sealed });
    expect(again.json()).toEqual(first.json());
    const rows = await rowsOf(meetings[3]!);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.updated_at).toEqual(before!.updated_at);
    expect(JSON.stringify(rows)).not.toContain(NOTE);
    const got = (await c.manager.get(path(meetings[3]!))).json().reflection;
    expect(
      JSON.parse(await open(key, got.sealed, reflectionContext(meetings[3]!, w.manager.id))),
    ).toEqual(content);
  });
});
