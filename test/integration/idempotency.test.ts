/** Writes sent with an Idempotency-Key happen once, however often a phone replays them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

beforeAll(async () => {
  ctx = await testApp();
  const w = await makeOneOnOneWorld(ctx.database.db, 'idem');
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
});
