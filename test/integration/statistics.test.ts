import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client';
import { checkIns, oneOnOneMeetings, oneOnOneSeries } from '../../src/db/schema/index';
import { derivable } from '../../src/domain/statistics/test-support';
import { instantRange, quarter } from '../../src/domain/statistics/periods';
import {
  refreshRecentStatistics,
  refreshStatistics,
} from '../../src/server/services/statistics-rollup.service';
import { makePerson } from '../support/factories';
import { makeHeldConversation } from './goals.factories';
import { signedIn, testApp, type Client, type TestContext } from '../support/app';
import { closedQuarter, makeStatisticsWorld, type StatisticsWorld } from './statistics.factories';

type Row = {
  kind: string;
  id: string | null;
  name: string | null;
  employees: number;
  planned: number;
  held: number;
  cadenceKept: number | null;
  withoutRecent: number;
  overdueActions: number;
  conversations: Record<string, number | null>;
  wellbeing: {
    status: string;
    reason: string | null;
    people: number | null;
    wellbeing: number | null;
  };
};

let ctx: TestContext;
let w: StatisticsWorld;
let hr: Client;
const period = closedQuarter().key;

beforeAll(async () => {
  ctx = await testApp();
  w = await makeStatisticsWorld(ctx.database.db, 'stats');
  hr = await signedIn(ctx.app, w.hr.email);
});
afterAll(() => ctx.close());

const rowsOf = (body: { total: Row; departments: Row[]; managers: Row[] }) => [
  body.total,
  ...body.departments,
  ...body.managers,
];
const find = (rows: Row[], kind: string, id: string | null) =>
  rows.find((r) => r.kind === kind && r.id === id)!;

describe('who may see HR statistics', () => {
  it('HR and admins do; managers and employees are refused', async () => {
    const admin = await signedIn(ctx.app, w.admin.email);
    expect((await hr.get('/api/statistics')).statusCode).toBe(200);
    expect((await admin.get('/api/statistics')).statusCode).toBe(200);
    for (const email of [w.m.email, w.director.email, w.a[0]!.email]) {
      const c = await signedIn(ctx.app, email);
      expect((await c.get('/api/statistics')).statusCode).toBe(403);
      expect((await c.get('/api/statistics/export.csv')).statusCode).toBe(403);
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/api/statistics' })).statusCode).toBe(401);
  });

  it('another organisation sees only its own (our units are not found there)', async () => {
    const stranger = await signedIn(ctx.app, w.stranger.email);
    const own = await stranger.get('/api/statistics');
    expect(own.statusCode).toBe(200);
    expect(own.json().total.employees).toBe(0);
    expect(own.body).not.toContain(w.units.care.id);
    const ours = await stranger.get(`/api/statistics?department=${w.units.care.id}`);
    expect(ours.statusCode).toBe(404);
    expect((await stranger.get(`/api/statistics?manager=${w.m.id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/statistics?round=${w.roundId}`)).statusCode).toBe(404);
  });

  it('refuses a period in the future or outside the picker with a field error', async () => {
    const res = await hr.get('/api/statistics?period=2999-Q1');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('period');
    expect((await hr.get('/api/statistics?weeks=0')).statusCode).toBe(400);
  });
});

describe('counts for a small known organisation', () => {
  it('adds up 1:1s, people without a recent 1:1, actions and conversations', async () => {
    const body = (await hr.get(`/api/statistics?period=${period}&round=${w.roundId}`)).json();
    const rows = rowsOf(body);
    const total = find(rows, 'all', null);
    // 15 employees; only a1 met in the last 6 weeks.
    expect(total).toMatchObject({ employees: 15, withoutRecent: 14, overdueActions: 1 });
    // Due: one held each (15), Team A's five cancelled by the pair and a1's second held
    // meeting (21 due, 16 held); the five the system cancelled do not count.
    expect(total).toMatchObject({ planned: 21, held: 16 });
    const care = find(rows, 'department', w.units.care.id);
    expect(care).toMatchObject({ employees: 6, planned: 12, held: 7, overdueActions: 1 });
    expect(care.conversations).toMatchObject({
      notBooked: 1,
      booked: 1,
      held: 1,
      closed: 1,
      signed: 1,
      total: 5,
      doneShare: 0.6,
    });
    const root = find(rows, 'department', w.units.root.id);
    expect(root.employees).toBe(15);
    const teamM = find(rows, 'team', w.m.id);
    expect(teamM).toMatchObject({ employees: 5, planned: 11, held: 6 });
    const orgOfDirector = find(rows, 'organisation', w.director.id);
    expect(orgOfDirector).toMatchObject({ employees: 15, planned: 21, held: 16 });
    expect(find(rows, 'team', w.director.id)).toMatchObject({ employees: 10, planned: 10 });
  });

  it('never contains conversation content', async () => {
    const json = await hr.get(`/api/statistics?period=${period}&department=${w.units.care.id}`);
    const csv = await hr.get(`/api/statistics/export.csv?period=${period}`);
    for (const body of [json.body, csv.body]) {
      expect(body).not.toContain('SECRET');
      expect(body).not.toMatch(/comment|title|body|note/i);
    }
  });
});

describe('wellbeing: threshold and differencing', () => {
  it('hides a unit where 4 people answered and shows one where 5 did', async () => {
    const rows = rowsOf((await hr.get(`/api/statistics?period=${period}`)).json());
    const finance = find(rows, 'department', w.units.finance.id);
    expect(finance.wellbeing).toEqual({
      status: 'hidden',
      reason: 'too_few',
      people: null,
      wellbeing: null,
      workload: null,
      progress: null,
    });
    const it5 = find(rows, 'department', w.units.it.id);
    expect(it5.wellbeing).toMatchObject({ status: 'shown', people: 5, wellbeing: 4 });
  });

  it('never shows two overlapping groups that differ by one person (unit vs sub-unit)', async () => {
    const rows = rowsOf(
      (await hr.get(`/api/statistics?period=${period}&department=${w.units.care.id}`)).json(),
    );
    const care = find(rows, 'department', w.units.care.id);
    const teamA = find(rows, 'department', w.units.teamA.id);
    expect([care.wellbeing.status, teamA.wellbeing.status].sort()).toEqual(['hidden', 'shown']);
    expect(care.wellbeing.reason).toBe('overlap');
  });

  it('whatever filters are combined, no one person’s answer can be worked out', async () => {
    // Everything HR can ask for, gathered: every unit, every manager, both sections.
    const urls = [
      `/api/statistics?period=${period}`,
      `/api/statistics?period=${period}&department=${w.units.care.id}`,
      `/api/statistics?period=${period}&department=${w.units.teamA.id}`,
      `/api/statistics?period=${period}&manager=${w.director.id}`,
      `/api/statistics?period=${period}&manager=${w.m.id}`,
      `/api/statistics?period=${period}&weeks=2`,
    ];
    const shown = new Map<string, Row>();
    for (const url of urls)
      for (const r of rowsOf((await hr.get(url)).json()))
        if (r.wellbeing.status === 'shown') shown.set(`${r.kind}:${r.id}`, r);
    // Who is in each group (people with answers), known from the world.
    const ids = [...w.answers.keys()];
    const idx = (p: { id: string }) => ids.indexOf(p.id);
    const members: Record<string, number[]> = {
      'all:null': ids.map((_, k) => k),
      [`department:${w.units.root.id}`]: ids.map((_, k) => k),
      [`department:${w.units.care.id}`]: [w.m, ...w.a].map(idx),
      [`department:${w.units.teamA.id}`]: w.a.map(idx),
      [`department:${w.units.finance.id}`]: w.e.map(idx),
      [`department:${w.units.it.id}`]: w.i.map(idx),
      [`team:${w.director.id}`]: [w.m, ...w.e, ...w.i].map(idx),
      [`team:${w.m.id}`]: w.a.map(idx),
      [`organisation:${w.director.id}`]: ids.map((_, k) => k),
    };
    const published = [...shown.keys()].map((k) => members[k]!);
    expect(published.length).toBeGreaterThanOrEqual(5);
    // Published averages times head counts are sums: check each person's value is not in
    // their span (so no difference, sum or mix of them isolates anyone).
    for (let p = 0; p < ids.length; p++) {
      const unit = ids.map((_, k) => (k === p ? 1 : 0));
      expect(derivable(published, ids.length, unit)).toBe(false);
    }
    // And concretely: the manager's answer (1) is nowhere to be seen.
    for (const r of shown.values()) expect(r.wellbeing.wellbeing).not.toBe(1);
  });

  it('shows the same fixed figures on every later request', async () => {
    const first = (await hr.get(`/api/statistics?period=${period}`)).json();
    const again = (await hr.get(`/api/statistics?period=${period}`)).json();
    expect(again.departments).toEqual(first.departments);
    expect(first.wellbeingPeriod.key).toBe(period);
  });
});

describe('at least once a year (seed 003)', () => {
  it('counts people without a signed development conversation in 12 months, in groups of 5 or more', async () => {
    const db = ctx.database.db;
    const signed = async (employee: { id: string; managerId: string | null }, daysAgo: number) =>
      makeHeldConversation(
        db,
        w.org.id,
        { managerId: employee.managerId!, employeeId: employee.id },
        { status: 'signed', signedAt: new Date(Date.now() - daysAgo * 86_400_000) },
      );
    await signed(w.i[0]!, 30); // within the year: no longer counted
    await signed(w.e[0]!, 400); // more than a year ago: still counted
    // A salary conversation is not a development conversation.
    await makeHeldConversation(
      db,
      w.org.id,
      { managerId: w.director.id, employeeId: w.i[1]!.id },
      { kind: 'salary', status: 'signed', signedAt: new Date() },
    );
    await refreshStatistics(db, w.org.id, { periods: [quarter(period)], rounds: true });
    const rows = rowsOf((await hr.get(`/api/statistics?period=${period}`)).json());
    // 15 employees; Team A's round conversation is "signed" without a date: not counted as held.
    expect(find(rows, 'all', null)).toMatchObject({ withoutAnnual: 14 });
    expect(find(rows, 'department', w.units.it.id)).toMatchObject({
      employees: 5,
      withoutAnnual: 4,
      withoutAnnualShare: 0.8,
    });
    expect(find(rows, 'team', w.m.id)).toMatchObject({ employees: 5, withoutAnnual: 5 });
    // Ekonomi has 4 employees: the figure is hidden, not stored, never sent.
    expect(find(rows, 'department', w.units.finance.id)).toMatchObject({
      employees: 4,
      withoutAnnual: null,
      withoutAnnualShare: null,
    });
    const [stored] = await queryRows<{ without_annual: number | null }>(
      db,
      sql`select without_annual from statistics_groups where org_id = ${w.org.id}
        and kind = 'department' and group_key = ${w.units.finance.id} and period = ${period}`,
    );
    expect(stored?.without_annual).toBeNull();
  });
});

describe('figures over time', () => {
  it('keeps a fixed quarter fixed, and counts new 1:1s at the next refresh', async () => {
    const before = rowsOf((await hr.get(`/api/statistics?period=${period}`)).json());
    // A fifth person in Ekonomi answers a late check-in for the fixed quarter...
    const db = ctx.database.db;
    const e5 = await makePerson(db, w.org.id, {
      email: 'e5-stats@s.test',
      departmentId: w.units.finance.id,
      managerId: w.director.id,
    });
    const seriesId = randomUUID();
    const q = quarter(period);
    await db.insert(oneOnOneSeries).values({
      orgId: w.org.id,
      id: seriesId,
      managerId: w.director.id,
      employeeId: e5.id,
      cadence: 'monthly',
      monthlyOrdinal: 1,
      startDate: q.from,
      localTime: '09:00',
      timeZone: 'Europe/Stockholm',
      durationMinutes: 20,
      placeKind: 'room',
      horizonUntil: q.to,
    });
    const startsAt = new Date(instantRange(q, 'Europe/Stockholm').from.getTime() + 40 * 86_400_000);
    const meetingId = randomUUID();
    await db.insert(oneOnOneMeetings).values({
      orgId: w.org.id,
      id: meetingId,
      seriesId,
      managerId: w.director.id,
      employeeId: e5.id,
      seq: 1,
      localDate: startsAt.toISOString().slice(0, 10),
      timeZone: 'Europe/Stockholm',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 20 * 60_000),
      durationMinutes: 20,
      placeKind: 'room',
      status: 'held',
      heldAt: startsAt,
    });
    await db.insert(checkIns).values({
      orgId: w.org.id,
      id: randomUUID(),
      meetingId,
      seriesId,
      managerId: w.director.id,
      employeeId: e5.id,
      meetingStartsAt: startsAt,
      wellbeing: 2,
      workload: 5,
      progress: 2,
      answeredBy: e5.id,
    });
    // ...but the published quarter does not change: comparing before and after would
    // otherwise show exactly what the newcomer answered.
    await refreshStatistics(db, w.org.id, { periods: [q], rounds: true });
    const after = rowsOf((await hr.get(`/api/statistics?period=${period}`)).json());
    const finance = (rows: Row[]) => find(rows, 'department', w.units.finance.id);
    expect(finance(after).wellbeing).toEqual(finance(before).wellbeing);
    expect(finance(after).wellbeing.status).toBe('hidden');
    expect(find(after, 'all', null).wellbeing).toEqual(find(before, 'all', null).wellbeing);
    // The counts are not answers: the new 1:1 is counted once refreshed.
    expect(finance(after).planned).toBe(finance(before).planned + 1);
    expect(finance(after).employees).toBe(finance(before).employees + 1);
  });
});

describe('the refresh job', () => {
  it('refreshes the organisations whose statistics were used lately', async () => {
    expect(await refreshRecentStatistics(ctx.database.db)).toBeGreaterThanOrEqual(1);
    expect((await hr.get('/api/statistics')).statusCode).toBe(200);
  });
});

describe('CSV export', () => {
  it('is UTF-8 with BOM, semicolon-separated, with translated headers and hidden groups', async () => {
    const res = await hr.get(`/api/statistics/export.csv?period=${period}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(`statistics-${period}.csv`);
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const header = lines[0]!.split(';');
    expect(header[0]).toBe('Grupp'); // HR's language is Swedish
    expect(header).toContain('Välmående (1–5)');
    const finance = lines.find((l) => l.includes(';Ekonomi;'))!;
    expect(finance).toContain('färre än 5 personer');
    const cells = finance.split(';');
    expect(cells.slice(16, 20)).toEqual(['', '', '', '']);
    const it5 = lines.find((l) => l.includes(';IT;'))!.split(';');
    expect(it5[17]).toBe('4');
    // Without a signed development conversation in 12 months: i1 signed one a month ago.
    expect(header[9]).toBe('Utan signerat medarbetarsamtal på 12 månader');
    expect(it5[9]).toBe('4');
    // Swedish decimals use a comma.
    expect(lines.find((l) => l.startsWith('Organisation;'))).toMatch(/;\d+,\d;/);
  });

  it('writes a unit named like a spreadsheet formula as plain text, never as a formula', async () => {
    const name = '=HYPERLINK("http://evil.example","Klicka")';
    const renamed = await hr.patch(`/api/departments/${w.units.it.id}`, { name });
    expect(renamed.statusCode).toBe(200);
    try {
      const res = await hr.get(`/api/statistics/export.csv?period=${period}`);
      const rows = parse(res.body.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
      const cells = rows.flat();
      expect(cells).toContain(`'${name}`);
      expect(cells.filter((c) => /^[=+@\t\r]/.test(c))).toEqual([]);
    } finally {
      await hr.patch(`/api/departments/${w.units.it.id}`, { name: 'IT' });
    }
  });
});
