import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { oneOnOneMeetings, oneOnOneSeries } from '../../src/db/schema/index';
import { extendHorizons } from '../../src/server/services/one-on-one.service';
import { signedIn, testApp, type Client, type TestContext } from '../support/app';
import { makePerson } from '../support/factories';
import {
  bookSeries,
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
  seriesBody,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'series');
  c = await clientsFor(ctx.app, w);
});
afterAll(() => ctx.close());

async function meetingsOf(seriesId: string) {
  return ctx.database.db
    .select()
    .from(oneOnOneMeetings)
    .where(and(eq(oneOnOneMeetings.orgId, w.org.id), eq(oneOnOneMeetings.seriesId, seriesId)))
    .orderBy(oneOnOneMeetings.startsAt);
}

async function newReport(name: string, managerId = w.manager.id) {
  const p = await makePerson(ctx.database.db, w.org.id, { name, managerId });
  return p;
}

describe('booking a series', () => {
  it('plans at least six months ahead at the same local time', async () => {
    const report = await newReport('Six Months');
    const res = await c.manager.post(
      '/api/one-on-ones/series',
      seriesBody(report.id, { cadence: 'weekly', durationMinutes: undefined }),
    );
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({
      cadence: 'weekly',
      durationMinutes: 20,
      localTime: '09:00',
      myRole: 'manager',
      template: 'builtin:follow-up',
      place: { kind: 'walk_and_talk', detail: null },
      employee: { id: report.id, name: 'Six Months' },
    });
    const rows = await meetingsOf(s.id);
    const last = rows[rows.length - 1]!;
    const sixMonths = Temporal.Now.plainDateISO('Europe/Stockholm').add({ months: 6 }).toString();
    expect(last.localDate >= sixMonths).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(26);
    const upcoming = (
      await c.manager.get(`/api/one-on-ones/series/${s.id}/meetings?limit=50`)
    ).json();
    expect(upcoming.items.every((m: { localTime: string }) => m.localTime === '09:00')).toBe(true);
    expect(upcoming.items[0]).toMatchObject({ status: 'planned', number: 1, durationMinutes: 20 });
    const p1 = (await c.manager.get(`/api/one-on-ones/series/${s.id}/meetings?limit=10`)).json();
    const p2 = (
      await c.manager.get(
        `/api/one-on-ones/series/${s.id}/meetings?limit=10&cursor=${p1.nextCursor}`,
      )
    ).json();
    expect(p2.items.map((m: { number: number }) => m.number)).toEqual([
      11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
    ]);
    const bad = await c.manager.get(`/api/one-on-ones/series/${s.id}/meetings?cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a time that does not exist on the DST night, in the person’s language', async () => {
    const report = await newReport('Dst Gap');
    // The last Sunday of March a year ahead, at 02:30 Stockholm time.
    const year = Temporal.Now.plainDateISO().year + 1;
    const end = Temporal.PlainDate.from({ year, month: 3, day: 31 });
    const sunday = end.subtract({ days: end.dayOfWeek % 7 }).toString();
    const sv = await c.manager.post(
      '/api/one-on-ones/series',
      seriesBody(report.id, { startDate: sunday, localTime: '02:30', cadence: 'weekly' }),
    );
    expect(sv.statusCode).toBe(400);
    expect(sv.json().error.code).toBe('oneOnOne.time_not_exist');
    expect(sv.json().error.message).toContain('02:30');
    expect(sv.json().error.message).toContain('sommartid');
    const rows = await ctx.database.db
      .select()
      .from(oneOnOneSeries)
      .where(eq(oneOnOneSeries.employeeId, report.id));
    expect(rows).toEqual([]);
  });

  it('refuses a duration outside 15–90 minutes, a past start, and an unknown template', async () => {
    const report = await newReport('Bad Input');
    for (const [over, code] of [
      [{ durationMinutes: 10 }, 'oneOnOne.duration_out_of_range'],
      [{ durationMinutes: 120 }, 'oneOnOne.duration_out_of_range'],
      [{ startDate: daysFromToday(-3) }, 'oneOnOne.start_in_past'],
      [{ template: 'builtin:nope' }, 'oneOnOne.template_not_found'],
      [{ localTime: '9am' }, 'validation'],
    ] as const) {
      const res = await c.manager.post('/api/one-on-ones/series', seriesBody(report.id, over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    const en = await signedIn(ctx.app, w.manager.email);
    await en.patch('/api/me', { locale: 'en' });
    const msg = (
      await en.post('/api/one-on-ones/series', seriesBody(report.id, { durationMinutes: 5 }))
    ).json().error.message;
    expect(msg).toBe('A 1:1 lasts between 15 and 90 minutes.');
    await en.patch('/api/me', { locale: 'sv' });
  });

  it('refuses a series with someone who is not your report, and a second running series', async () => {
    const notMine = await c.manager.post('/api/one-on-ones/series', seriesBody(w.otherReport.id));
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().error.code).toBe('oneOnOne.not_your_report');
    const hr = await c.hr.post('/api/one-on-ones/series', seriesBody(w.employee.id));
    expect(hr.json().error.code).toBe('oneOnOne.not_your_report');
    const stranger = await c.stranger.post('/api/one-on-ones/series', seriesBody(w.employee.id));
    expect(stranger.statusCode).toBe(404);
    const report = await newReport('Twice');
    await bookSeries(c.manager, report.id);
    const again = await c.manager.post('/api/one-on-ones/series', seriesBody(report.id));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('oneOnOne.series_exists');
  });

  it('places monthly meetings on the last Friday', async () => {
    const report = await newReport('Monthly');
    const { series, meetings } = await bookSeries(c.manager, report.id, {
      cadence: 'monthly',
      monthlyOrdinal: -1,
      startDate: daysFromToday(1),
    });
    expect(series.monthlyOrdinal).toBe(-1);
    for (const m of meetings) {
      const d = Temporal.PlainDate.from(m.localDate);
      expect(d.dayOfWeek).toBe(series.weekday);
      expect(d.add({ days: 7 }).month).not.toBe(d.month);
    }
  });
});

describe('changing a series and single meetings', () => {
  let seriesId: string;
  let meetings: { id: string; startsAt: string }[];
  beforeAll(async () => {
    const report = await newReport('Changer');
    ({
      series: { id: seriesId },
      meetings,
    } = await bookSeries(c.manager, report.id, {
      cadence: 'weekly',
    }));
  });

  it('moves one meeting and cancels another with a reason; both stay in the history', async () => {
    const date = Temporal.Instant.from(meetings[0]!.startsAt)
      .toZonedDateTimeISO('Europe/Stockholm')
      .toPlainDate()
      .add({ days: 1 })
      .toString();
    const moved = await c.manager.post(`/api/one-on-ones/meetings/${meetings[0]!.id}/move`, {
      date,
      time: '13:15',
      reason: 'Kundbesök',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      status: 'moved',
      localDate: date,
      localTime: '13:15',
      statusReason: 'Kundbesök',
      originalStartsAt: meetings[0]!.startsAt,
    });
    const cancelled = await c.manager.post(`/api/one-on-ones/meetings/${meetings[1]!.id}/cancel`, {
      reason: 'Sjuk',
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', statusReason: 'Sjuk' });
    const byEmployeeOfOther = await c.employee.post(
      `/api/one-on-ones/meetings/${meetings[2]!.id}/cancel`,
      { reason: 'x' },
    );
    expect(byEmployeeOfOther.statusCode).toBe(404);
    const year = Temporal.Now.plainDateISO().year + 1;
    const march = Temporal.PlainDate.from({ year, month: 3, day: 31 });
    const gap = await c.manager.post(`/api/one-on-ones/meetings/${meetings[2]!.id}/move`, {
      date: march.subtract({ days: march.dayOfWeek % 7 }).toString(),
      time: '02:15',
    });
    expect(gap.json().error.code).toBe('oneOnOne.time_not_exist');
    const again = await c.manager.post(`/api/one-on-ones/meetings/${meetings[1]!.id}/move`, {
      date,
      time: '10:00',
    });
    expect(again.json().error.code).toBe('oneOnOne.meeting_not_open');
    const list = (
      await c.manager.get(`/api/one-on-ones/series/${seriesId}/meetings?limit=3`)
    ).json();
    expect(list.items.map((m: { status: string }) => m.status)).toEqual([
      'moved',
      'cancelled',
      'planned',
    ]);
  });

  it('changes only future planned meetings when the series is edited', async () => {
    const before = await meetingsOf(seriesId);
    const lastTwo = before.filter((m) => m.status === 'planned').slice(-2);
    await c.employee.get(`/api/one-on-ones/meetings/${lastTwo[0]!.id}`); // not hers: nothing happens
    await c.manager.get(`/api/one-on-ones/meetings/${lastTwo[0]!.id}`); // opened, nothing written
    await c.manager.post(`/api/one-on-ones/meetings/${lastTwo[1]!.id}/points`, { title: 'Kvar' });
    const res = await c.manager.patch(`/api/one-on-ones/series/${seriesId}`, {
      localTime: '10:30',
      cadence: 'every_3_weeks',
      durationMinutes: 30,
      place: { kind: 'room', detail: 'Lilla rummet' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      localTime: '10:30',
      cadence: 'every_3_weeks',
      durationMinutes: 30,
    });
    const after = await meetingsOf(seriesId);
    const moved = after.find((m) => m.id === before[0]!.id)!;
    const cancelled = after.find((m) => m.id === before[1]!.id)!;
    expect(moved.startsAt).toEqual(before[0]!.startsAt);
    expect(moved.status).toBe('moved');
    expect(cancelled.status).toBe('cancelled');
    // An opened but empty meeting goes away; one with a topic stays, cancelled with a reason.
    expect(after.find((m) => m.id === lastTwo[0]!.id)).toBeUndefined();
    expect(after.find((m) => m.id === lastTwo[1]!.id)).toMatchObject({
      status: 'cancelled',
      statusReasonCode: 'series_changed',
    });
    const planned = after.filter((m) => m.status === 'planned');
    expect(planned.length).toBeGreaterThan(6);
    for (const m of planned) {
      const local = Temporal.Instant.fromEpochMilliseconds(m.startsAt.getTime()).toZonedDateTimeISO(
        'Europe/Stockholm',
      );
      expect(local.toPlainTime().toString()).toBe('10:30:00');
      expect(m.durationMinutes).toBe(30);
      expect(m.placeDetail).toBe('Lilla rummet');
    }
    // Three weeks apart from the first still-planned one.
    const days = Temporal.PlainDate.from(planned[0]!.localDate).until(
      Temporal.PlainDate.from(planned[1]!.localDate),
    ).days;
    expect(days).toBe(21);
  });

  it('rolls the horizon forward through the job function', async () => {
    await ctx.database.db
      .update(oneOnOneSeries)
      .set({ horizonUntil: daysFromToday(60) })
      .where(eq(oneOnOneSeries.id, seriesId));
    const n = await extendHorizons(ctx.database.db);
    expect(n).toBeGreaterThanOrEqual(1);
    const [s] = await ctx.database.db
      .select()
      .from(oneOnOneSeries)
      .where(eq(oneOnOneSeries.id, seriesId));
    expect(s!.horizonUntil >= Temporal.Now.plainDateISO().add({ months: 6 }).toString()).toBe(true);
    expect(await extendHorizons(ctx.database.db)).toBe(0);
  });
});

describe('ending a series', () => {
  it('lets the manager end it with a reason; the future is cancelled, the history stays', async () => {
    const report = await newReport('Leaver');
    const { series } = await bookSeries(c.manager, report.id);
    const hr = await c.hr.post(`/api/one-on-ones/series/${series.id}/end`, { reason: 'x' });
    expect(hr.statusCode).toBe(404);
    const res = await c.manager.post(`/api/one-on-ones/series/${series.id}/end`, {
      reason: 'Slutar sin anställning',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ endReason: 'series_ended' });
    expect(res.json().endedAt).not.toBeNull();
    const rows = await meetingsOf(series.id);
    expect(rows.every((m) => m.status === 'cancelled')).toBe(true);
    expect(rows[0]).toMatchObject({
      statusReasonCode: 'series_ended',
      statusReason: 'Slutar sin anställning',
      statusChangedBy: w.manager.id,
    });
    const again = await c.manager.post(`/api/one-on-ones/series/${series.id}/end`, { reason: 'x' });
    expect(again.json().error.code).toBe('oneOnOne.series_ended');
    // A new series can be booked with the same person.
    expect(
      (await c.manager.post('/api/one-on-ones/series', seriesBody(report.id))).statusCode,
    ).toBe(201);
  });
});

describe('when the reporting line changes', () => {
  it('ends the series, cancels what is to come, and the new manager inherits nothing', async () => {
    const report = await makePerson(ctx.database.db, w.org.id, {
      email: 'mover@a.test',
      managerId: w.manager.id,
    });
    const mover: Client = await signedIn(ctx.app, 'mover@a.test');
    const { series, meetings } = await bookSeries(c.manager, report.id, {
      startDate: daysFromToday(0),
      localTime: '23:59',
    });
    const first = meetings[0]!.id;
    await c.manager.post(`/api/one-on-ones/meetings/${first}/points`, { title: 'Löneläget' });

    const hr = await c.hr.patch(`/api/people/${report.id}`, { managerId: w.otherManager.id });
    expect(hr.statusCode).toBe(200);

    const s = (await mover.get(`/api/one-on-ones/series/${series.id}`)).json();
    expect(s.endedAt).not.toBeNull();
    expect(s.endReason).toBe('reporting_line_changed');
    const rows = await meetingsOf(series.id);
    expect(rows.filter((m) => m.startsAt > new Date()).every((m) => m.status === 'cancelled')).toBe(
      true,
    );
    expect(rows.find((m) => m.status === 'cancelled')?.statusReasonCode).toBe(
      'reporting_line_changed',
    );
    const before = rows.length;
    await extendHorizons(ctx.database.db);
    expect((await meetingsOf(series.id)).length).toBe(before);

    // The employee keeps the history; the new manager sees none of it.
    expect((await mover.get(`/api/one-on-ones/meetings/${first}`)).statusCode).toBe(200);
    expect((await c.otherManager.get(`/api/one-on-ones/series/${series.id}`)).statusCode).toBe(404);
    expect((await c.otherManager.get(`/api/one-on-ones/meetings/${first}`)).statusCode).toBe(404);
    const patch = await c.manager.patch(`/api/one-on-ones/series/${series.id}`, {
      localTime: '11:00',
    });
    expect(patch.json().error.code).toBe('oneOnOne.series_ended');

    // The new manager books their own series.
    const fresh = await c.otherManager.post('/api/one-on-ones/series', seriesBody(report.id));
    expect(fresh.statusCode).toBe(201);
    const list = (await mover.get('/api/one-on-ones/series?includeEnded=true')).json().items;
    expect(list.map((x: { id: string }) => x.id)).toEqual([fresh.json().id, series.id]);
  });
});

describe('when a person is deactivated', () => {
  it('ends their running series, whichever side they are on, and keeps the history', async () => {
    const leaving = await makePerson(ctx.database.db, w.org.id, {
      email: 'leaving@a.test',
      managerId: w.manager.id,
    });
    const { series, meetings } = await bookSeries(c.manager, leaving.id);
    expect((await c.hr.post(`/api/people/${leaving.id}/deactivate`)).statusCode).toBe(200);
    const s = (await c.manager.get(`/api/one-on-ones/series/${series.id}`)).json();
    expect(s.endReason).toBe('person_deactivated');
    const rows = await meetingsOf(series.id);
    expect(rows.every((m) => m.status === 'cancelled')).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
    expect((await c.manager.get(`/api/one-on-ones/meetings/${meetings[0]!.id}`)).statusCode).toBe(
      200,
    );
  });
});

describe('when a CSV import changes the reporting line', () => {
  it('ends the series with the old manager, as a manual change does', async () => {
    const report = await makePerson(ctx.database.db, w.org.id, {
      email: 'imported@a.test',
      managerId: w.manager.id,
    });
    const { series } = await bookSeries(c.manager, report.id);
    const csv = `email;name;manager\nimported@a.test;Imported Person;${w.otherManager.email}\n`;
    const res = await c.hr.request('POST', '/api/people/import?mode=apply', csv, {
      'content-type': 'text/csv',
    });
    expect(res.statusCode).toBe(200);
    const s = (await c.manager.get(`/api/one-on-ones/series/${series.id}`)).json();
    expect(s.endReason).toBe('reporting_line_changed');
  });
});
