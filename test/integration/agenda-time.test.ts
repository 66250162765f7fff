/**
 * Time per agenda item (issue #15): each point of a 1:1 agenda may have planned minutes
 * (1–120), set by either of the pair while the meeting is open, stored on the point and shown
 * on the meeting and its page; anything else is a translated 400 naming the field.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneOnOnePoints } from '../../src/db/schema/index';
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
let meetingId: string;
let section: string;
let topic: string;

type AgendaPoint = { id: string; plannedMinutes: number | null };

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'minutes');
  c = await clientsFor(ctx.app, w);
  const { meetings } = await bookSeries(c.manager, w.employee.id, {
    startDate: daysFromToday(1),
    durationMinutes: 30,
  });
  meetingId = meetings[0]!.id;
  const agenda = (await c.manager.get(`/api/one-on-ones/meetings/${meetingId}`)).json()
    .agenda as AgendaPoint[];
  section = agenda[0]!.id;
  topic = (
    await c.employee.post(`/api/one-on-ones/meetings/${meetingId}/points`, { title: 'Kurser' })
  ).json().id;
}, 120_000);
afterAll(() => ctx.close());

const stored = async (pointId: string) =>
  (
    await ctx.database.db
      .select({ m: oneOnOnePoints.plannedMinutes })
      .from(oneOnOnePoints)
      .where(eq(oneOnOnePoints.id, pointId))
  )[0]!.m;

describe('planned minutes per agenda point', () => {
  it('are set by either of the pair, on sections and on either’s topics, and stored', async () => {
    const a = await c.manager.patch(`/api/one-on-ones/points/${topic}`, { plannedMinutes: 20 });
    expect(a.statusCode, a.body).toBe(200);
    const b = await c.employee.patch(`/api/one-on-ones/points/${section}`, { plannedMinutes: 15 });
    expect(b.statusCode, b.body).toBe(200);
    const agenda = b.json().agenda as AgendaPoint[];
    expect(agenda.find((p) => p.id === topic)!.plannedMinutes).toBe(20);
    expect(agenda.find((p) => p.id === section)!.plannedMinutes).toBe(15);
    expect(await stored(topic)).toBe(20);
    expect(await stored(section)).toBe(15);
    // The page carries them too, and the meeting's length to hold them against.
    const page = (await c.employee.get(`/api/pages/meeting/${meetingId}`)).json();
    expect(page.meeting.meeting.durationMinutes).toBe(30);
    const planned = (page.meeting.agenda as AgendaPoint[]).map((p) => p.plannedMinutes ?? 0);
    expect(planned.reduce((x, y) => x + y, 0)).toBe(35);
  });

  it('are taken away with null, and a rename leaves them alone', async () => {
    await c.employee.patch(`/api/one-on-ones/points/${topic}`, { title: 'Kurser i vår' });
    expect(await stored(topic)).toBe(20);
    const res = await c.manager.patch(`/api/one-on-ones/points/${topic}`, { plannedMinutes: null });
    expect(res.statusCode).toBe(200);
    expect(await stored(topic)).toBeNull();
  });

  it.each([0, 121, 2.5, '10', -5])(
    'refuses %s with a translated 400 naming the field, and stores nothing',
    async (value) => {
      const res = await c.employee.patch(`/api/one-on-ones/points/${section}`, {
        plannedMinutes: value,
      });
      expect(res.statusCode).toBe(400);
      const [field] = res.json().error.fields;
      expect(field.path).toBe('plannedMinutes');
      expect(field.message.length).toBeGreaterThan(0);
      expect(await stored(section)).toBe(15);
    },
  );

  it('says the limits in the person’s language', async () => {
    const da = await c.employee.patch(`/api/one-on-ones/points/${section}`, {
      plannedMinutes: 121,
    });
    expect(da.json().error.fields[0].message).toBe('Må højst være 120.');
    const sv = await c.manager.patch(`/api/one-on-ones/points/${section}`, { plannedMinutes: 0 });
    expect(sv.json().error.fields[0].message).toBe('Måste vara minst 1.');
  });

  it('are the pair’s only', async () => {
    for (const who of ['hr', 'admin', 'otherManager', 'stranger'] as const) {
      const res = await c[who].patch(`/api/one-on-ones/points/${section}`, { plannedMinutes: 5 });
      expect(res.statusCode, who).toBe(404);
    }
    expect(await stored(section)).toBe(15);
  });

  it('are not changed on a cancelled meeting', async () => {
    await c.manager.post(`/api/one-on-ones/meetings/${meetingId}/cancel`, { reason: 'Sjuk' });
    const res = await c.manager.patch(`/api/one-on-ones/points/${section}`, { plannedMinutes: 5 });
    expect(res.statusCode).toBe(409);
    expect(await stored(section)).toBe(15);
  });
});
