/**
 * Feedback both ways and motivation (issue #15, seed 002), through the HTTP API: the built-in
 * 1:1 templates carry both standing items; the employee scores motivation per meeting, both of
 * the pair follow it across the series, and nobody else — HR, an admin, another manager,
 * another organisation — reads or writes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let ctx: TestContext;
let w: OneOnOneWorld;
let c: Record<Who, Client>;
let meetings: string[];

const path = (id: string) => `/api/one-on-ones/meetings/${id}/motivation`;
const put = (x: Client, id: string, body: unknown) => x.request('PUT', path(id), body);

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'motiv');
  c = await clientsFor(ctx.app, w);
  const booked = await bookSeries(c.manager, w.employee.id, { startDate: daysFromToday(1) });
  meetings = booked.meetings.map((m) => m.id);
});
afterAll(() => ctx.close());

describe('feedback both ways and motivation', () => {
  it('puts both standing items on the agenda of the built-in templates', async () => {
    const agenda = (await c.manager.get(`/api/one-on-ones/meetings/${meetings[0]}`)).json()
      .agenda as { sectionKey: string | null; sectionKind: string | null }[];
    expect(agenda.find((p) => p.sectionKey === 'feedback')).toMatchObject({
      sectionKind: 'standard',
    });
    expect(agenda.find((p) => p.sectionKey === 'motivation')).toMatchObject({
      sectionKind: 'motivation',
    });
  });

  it('lets the employee score motivation and both of the pair follow the trend', async () => {
    const first = await put(c.employee, meetings[0]!, { score: 4 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ score: 4, mayScore: true, direction: null });
    expect((await put(c.employee, meetings[1]!, { score: 2 })).statusCode).toBe(200);
    // Corrected: still one score per meeting.
    const again = await put(c.employee, meetings[1]!, { score: 3 });
    expect(again.json().trend.map((p: { score: number }) => p.score)).toEqual([4, 3]);
    expect(again.json().direction).toBe('down');
    const seen = (await c.manager.get(path(meetings[1]!))).json();
    expect(seen).toMatchObject({ score: 3, mayScore: false, direction: 'down' });
    // An earlier meeting's trend stops at that meeting.
    const earlier = (await c.manager.get(path(meetings[0]!))).json();
    expect(earlier.trend).toHaveLength(1);
  });

  it('is the pair’s only: the manager cannot score it, nobody else reads or writes it', async () => {
    const expectRead: Record<Who, number> = {
      manager: 200,
      employee: 200,
      otherManager: 404,
      hr: 404,
      admin: 404,
      stranger: 404,
    };
    const expectWrite: Record<Who, number> = { ...expectRead, manager: 403 };
    for (const who of Object.keys(expectRead) as Who[]) {
      const r = await c[who].get(path(meetings[0]!));
      expect(r.statusCode, `${who} read`).toBe(expectRead[who]);
      const wr = await put(c[who], meetings[0]!, { score: 1 });
      expect(wr.statusCode, `${who} write`).toBe(expectWrite[who]);
    }
    // Only the employee's own write landed.
    expect((await c.manager.get(path(meetings[0]!))).json().score).toBe(1);
  });

  it('refuses a score outside 1–5 or not a whole number, naming the field', async () => {
    for (const score of [0, 6, 2.5, '3', null]) {
      const r = await put(c.employee, meetings[0]!, { score });
      expect(r.statusCode, String(score)).toBe(400);
      expect(JSON.stringify(r.json().error.fields)).toContain('score');
    }
    expect((await put(c.employee, meetings[0]!, { score: 3, extra: 1 })).statusCode).toBe(400);
  });

  it('refuses a score on a cancelled meeting with a conflict', async () => {
    await c.manager.post(`/api/one-on-ones/meetings/${meetings[2]}/cancel`, { reason: 'Sjuk' });
    const r = await put(c.employee, meetings[2]!, { score: 3 });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('oneOnOne.meeting_cancelled');
    expect((await c.employee.get(path(meetings[2]!))).json().mayScore).toBe(false);
  });
});
