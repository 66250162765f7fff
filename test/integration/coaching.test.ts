/**
 * Coaching signals through the HTTP API: computed from the manager's own 1:1 history, shown
 * only to that manager (not the employee, another manager, HR, an admin or another tenant),
 * and dismissable until the numbers get worse.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/app';
import { signedIn, testApp, type TestContext } from '../support/app';
import { makePerson } from '../support/factories';
import {
  bookSeries,
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';

type Who = 'manager' | 'employee' | 'otherManager' | 'hr' | 'admin' | 'stranger';
const WHO: Who[] = ['manager', 'employee', 'otherManager', 'hr', 'admin', 'stranger'];

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Record<Who, Client>;
let meetings: { id: string }[];

type SignalDto = { key: string; subject: string; numbers: Record<string, number> };
const signals = async (who: Who) =>
  (await c[who].get('/api/coaching/signals?days=90')).json() as {
    signals: SignalDto[];
    dismissed: number;
  };

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'coach');
  c = await clientsFor(ctx.app, w);
  const booked = await bookSeries(c.manager, w.employee.id, {
    startDate: daysFromToday(1),
    cadence: 'weekly',
  });
  // Nine weeks of history: the series' meetings moved 64 days back, as if booked then.
  await ctx.database.db.execute(sql`
    update one_on_one_meetings set starts_at = starts_at - interval '64 days',
      ends_at = ends_at - interval '64 days', local_date = local_date - 64
    where series_id = ${booked.series.id}`);
  meetings = booked.meetings;
  // Held: weeks 1–3; cancelled: weeks 4–6; nothing since (a gap of about six weeks).
  for (const m of meetings.slice(0, 3))
    expect((await c.manager.post(`/api/one-on-ones/meetings/${m.id}/finish`)).statusCode).toBe(200);
  for (const m of meetings.slice(3, 6))
    await c.manager.post(`/api/one-on-ones/meetings/${m.id}/cancel`, { reason: 'Busy' });
});
afterAll(() => ctx.close());

describe('coaching signals', () => {
  it('show the manager what the history says, with the numbers behind it', async () => {
    const list = await signals('manager');
    const byKey = Object.fromEntries(list.signals.map((s) => [s.key, s]));
    expect(byKey.cancelled_or_moved).toMatchObject({
      subject: w.employee.id,
      numbers: { cancelled: 3, moved: 0, held: 3, percent: 50 },
    });
    expect(byKey.cadence_gap?.numbers.cadenceDays).toBe(7);
    expect(byKey.cadence_gap!.numbers.gapDays).toBeGreaterThanOrEqual(14);
    // No check-in and nothing under "how are you" in any held meeting.
    expect(byKey.status_over_wellbeing?.numbers).toEqual({ statusOnly: 3, held: 3 });
    expect(byKey.no_reflection).toMatchObject({ subject: 'all', numbers: { written: 0, held: 3 } });
  });

  it('are shown to nobody else, whatever their role', async () => {
    for (const who of WHO.filter((x) => x !== 'manager')) {
      const res = await c[who].get('/api/coaching/signals');
      expect(res.statusCode, who).toBe(200);
      expect(res.body, who).not.toContain(w.employee.id);
      expect(res.json().signals, who).toEqual([]);
    }
  });

  it('cannot be dismissed by anyone else', async () => {
    for (const who of WHO.filter((x) => x !== 'manager')) {
      const res = await c[who].post('/api/coaching/dismissals', {
        key: 'cancelled_or_moved',
        subject: w.employee.id,
      });
      expect(res.statusCode, who).toBe(404);
    }
    expect((await signals('manager')).dismissed).toBe(0);
  });

  it('stays dismissed until the numbers get worse', async () => {
    const res = await c.manager.post('/api/coaching/dismissals', {
      key: 'cancelled_or_moved',
      subject: w.employee.id,
      forDays: 30,
    });
    expect(res.statusCode).toBe(200);
    let list = await signals('manager');
    expect(list.signals.map((s) => s.key)).not.toContain('cancelled_or_moved');
    expect(list.dismissed).toBe(1);
    await c.manager.post(`/api/one-on-ones/meetings/${meetings[6]!.id}/cancel`, { reason: 'Ill' });
    list = await signals('manager');
    expect(list.signals.find((s) => s.key === 'cancelled_or_moved')?.numbers.cancelled).toBe(4);
  });

  it('go away when the manager writes reflections and checks in', async () => {
    for (const m of meetings.slice(0, 3))
      await c.manager.request('PUT', `/api/one-on-ones/meetings/${m.id}/reflection`, {
        topics: [],
        notes: 'Went well; ask more about workload next time.',
      });
    const keys = (await signals('manager')).signals.map((s) => s.key);
    expect(keys).not.toContain('no_reflection');
  });
});

describe('coaching signals at scale', () => {
  it('count only the period for 15 reports with five years of fortnightly history', async () => {
    const db = ctx.database.db;
    const boss = await makePerson(db, w.org.id, { email: 'boss-scale@a.test', name: 'Bo Stor' });
    for (let i = 0; i < 15; i++)
      await makePerson(db, w.org.id, { email: `r${i}-scale@a.test`, managerId: boss.id });
    // One running fortnightly series per report, 130 held meetings each (five years back).
    await db.execute(sql`
      insert into one_on_one_series (org_id, id, manager_id, employee_id, cadence, start_date,
        local_time, time_zone, duration_minutes, place_kind, horizon_until)
      select p.org_id, gen_random_uuid(), p.manager_id, p.id, 'every_2_weeks',
        (now() - interval '1820 days')::date, '09:00', 'Europe/Stockholm', 20, 'room', now()::date
      from people p where p.org_id = ${w.org.id} and p.manager_id = ${boss.id}`);
    await db.execute(sql`
      insert into one_on_one_meetings (org_id, id, series_id, manager_id, employee_id, seq,
        local_date, time_zone, starts_at, ends_at, duration_minutes, place_kind, status, held_at)
      select s.org_id, gen_random_uuid(), s.id, s.manager_id, s.employee_id, g.n,
        (now() - make_interval(days => g.n * 14))::date, 'Europe/Stockholm',
        now() - make_interval(days => g.n * 14), now() - make_interval(days => g.n * 14) + interval '20 minutes',
        20, 'room', 'held', now() - make_interval(days => g.n * 14) + interval '20 minutes'
      from one_on_one_series s, generate_series(1, 130) g(n)
      where s.org_id = ${w.org.id} and s.manager_id = ${boss.id}`);
    const bossClient = await signedIn(ctx.app, 'boss-scale@a.test');
    const list = (await bossClient.get('/api/coaching/signals?days=90')).json() as {
      signals: SignalDto[];
    };
    // Six held 1:1s per report in 90 days (days 14 … 84), none cancelled, no gap; no check-ins
    // and no reflections were written, and nothing older than the period is counted.
    const byKey = (k: string) => list.signals.filter((s) => s.key === k);
    expect(byKey('status_over_wellbeing')).toHaveLength(15);
    for (const s of byKey('status_over_wellbeing'))
      expect(s.numbers).toEqual({ statusOnly: 6, held: 6 });
    expect(byKey('no_reflection')[0]!.numbers).toEqual({ written: 0, held: 90 });
    expect(list.signals).toHaveLength(16);
  });
});
