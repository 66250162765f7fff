/** Writes sent with an Idempotency-Key happen once, however often a phone replays them. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys } from '../../src/db/schema/index';
import { testApp, type TestContext } from '../support/app';
import {
  bookSeries,
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
} from '../support/one-on-one.factories';

let ctx: TestContext;
let c: Awaited<ReturnType<typeof clientsFor>>;
let meetingId: string;
let w: Awaited<ReturnType<typeof makeOneOnOneWorld>>;

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'idem');
  c = await clientsFor(ctx.app, w);
  meetingId = (await bookSeries(c.manager, w.employee.id, { startDate: daysFromToday(1) }))
    .meetings[0]!.id;
});
afterAll(() => ctx.close());

const actions = async () =>
  (
    (await c.employee.get(`/api/one-on-ones/meetings/${meetingId}`)).json().actions as {
      title: string;
    }[]
  ).map((a) => a.title);

describe('Idempotency-Key', () => {
  it('runs a write once and answers its repeats with the same result', async () => {
    const key = 'offline-action-0001';
    const body = { title: 'Boka utbildning', ownerId: (await c.employee.get('/api/me')).json().id };
    const first = await c.employee.post(`/api/one-on-ones/meetings/${meetingId}/actions`, body, {
      'idempotency-key': key,
    });
    expect(first.statusCode).toBe(201);
    const again = await c.employee.post(`/api/one-on-ones/meetings/${meetingId}/actions`, body, {
      'idempotency-key': key,
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await actions()).toEqual(['Boka utbildning']);
  });

  it('keeps keys apart per person, and refuses one key on another request', async () => {
    const key = 'shared-key-0002';
    const topic = (who = c.employee) =>
      who.post(
        `/api/one-on-ones/meetings/${meetingId}/points`,
        { title: 'Resor' },
        {
          'idempotency-key': key,
        },
      );
    expect((await topic()).statusCode).toBe(201);
    expect((await topic(c.manager)).statusCode).toBe(201);
    const other = await c.employee.post(
      `/api/one-on-ones/meetings/${meetingId}/start`,
      {},
      { 'idempotency-key': key },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency.key_reused');
    const titles = (await c.employee.get(`/api/one-on-ones/meetings/${meetingId}`))
      .json()
      .agenda.map((p: { title: string }) => p.title);
    expect(titles.filter((t: string) => t === 'Resor')).toHaveLength(2);
  });

  it('refuses a repeat while the first is still running (409), and takes over a key left by a crash', async () => {
    const key = 'crashed-key-0003';
    const path = `/api/one-on-ones/meetings/${meetingId}/points`;
    const topic = () => c.employee.post(path, { title: 'Arbetsmiljö' }, { 'idempotency-key': key });
    const agenda = async () =>
      (await c.employee.get(`/api/one-on-ones/meetings/${meetingId}`))
        .json()
        .agenda.filter((p: { title: string }) => p.title === 'Arbetsmiljö');
    // The first request with this key has claimed it and not answered yet.
    const db = ctx.database.db;
    await db
      .insert(idempotencyKeys)
      .values({ orgId: w.org.id, personId: w.employee.id, key, method: 'POST', path });
    const repeat = await topic();
    expect(repeat.statusCode).toBe(409);
    expect(repeat.json().error.code).toBe('idempotency.in_progress');
    expect(await agenda()).toHaveLength(0);

    // Two minutes on, the first request is taken to have died: the repeat does the write, once.
    await db
      .update(idempotencyKeys)
      .set({ createdAt: new Date(Date.now() - 3 * 60_000) })
      .where(and(eq(idempotencyKeys.personId, w.employee.id), eq(idempotencyKeys.key, key)));
    expect((await topic()).statusCode).toBe(201);
    const replayed = await topic();
    expect(replayed.statusCode).toBe(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(await agenda()).toHaveLength(1);
  });
});
