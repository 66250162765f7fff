import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client';
import { oneOnOneMeetings } from '../../src/db/schema/index';
import { todayIn } from '../../src/domain/one-on-one/occurrences';
import {
  instantRange,
  quarterOf,
  recentQuarters,
  shiftQuarter,
  type Quarter,
} from '../../src/domain/statistics/periods';
import {
  keptPairsHold,
  refreshRecentStatistics,
  refreshStatistics,
} from '../../src/server/services/statistics-rollup.service';
import { makeDepartment } from '../support/factories';
import { testApp, type TestContext } from '../support/app';
import { closedQuarter, makeStatisticsWorld, type StatisticsWorld } from './statistics.factories';

let ctx: TestContext;
let w: StatisticsWorld;
let quarters: Quarter[];
const db = () => ctx.database.db;

beforeAll(async () => {
  ctx = await testApp();
  w = await makeStatisticsWorld(db(), 'refresh');
  quarters = recentQuarters(todayIn('Europe/Stockholm', new Date()));
});
afterAll(() => ctx.close());

/** Everything a refresh stores for the quarters, in a fixed order. */
const rollup = () =>
  queryRows<Record<string, unknown>>(
    db(),
    sql`select period, kind, group_key, employees, planned, held, overdue_actions,
        weeks_since_held, without_annual
      from statistics_groups where org_id = ${w.org.id}
      order by period, kind, group_key`,
  );
const keptAt = async () =>
  new Map(
    (
      await queryRows<{ period: string; computed_at: string }>(
        db(),
        sql`select period, computed_at::text from statistics_pair_periods where org_id = ${w.org.id}`,
      )
    ).map((r) => [r.period, r.computed_at]),
  );
const touchCount = async () =>
  (
    await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from statistics_touches where org_id = ${w.org.id}`,
    )
  )[0]!.n;

/** The refresh as the job runs it (closed quarters kept) and then everything recounted. */
async function incrementalThenFull() {
  await refreshStatistics(db(), w.org.id, { periods: quarters, rounds: true });
  const incremental = await rollup();
  await refreshStatistics(db(), w.org.id, { periods: quarters, rounds: true, recount: true });
  const full = await rollup();
  return { incremental, full };
}

const older = () => shiftQuarter(closedQuarter().key, 1);
async function meetingIn(
  q: Quarter,
  employee: { id: string; managerId: string | null },
  day = 10,
  status: 'planned' | 'held' = 'planned',
) {
  const [series] = await queryRows<{ id: string }>(
    db(),
    sql`select id from one_on_one_series where org_id = ${w.org.id} and employee_id = ${employee.id}`,
  );
  const startsAt = new Date(instantRange(q, 'UTC').from.getTime() + (day * 24 + 9) * 3_600_000);
  const id = randomUUID();
  await db()
    .insert(oneOnOneMeetings)
    .values({
      orgId: w.org.id,
      id,
      seriesId: series!.id,
      managerId: employee.managerId!,
      employeeId: employee.id,
      seq: 10_000 + Math.floor(Math.random() * 1_000_000),
      localDate: startsAt.toISOString().slice(0, 10),
      timeZone: 'Europe/Stockholm',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 20 * 60_000),
      durationMinutes: 20,
      placeKind: 'room',
      status,
    });
  return id;
}
const meetingWhere = (id: string) => sql`org_id = ${w.org.id} and id = ${id}`;

describe('the refresh keeps closed quarters and counts only what changed', () => {
  it('equals a full recount after 1:1s are held, moved, cancelled, added and removed, and people move or leave', async () => {
    // Two closed quarters with 1:1s, and a 1:1 in the previous quarter.
    const q2 = closedQuarter();
    const q3 = older();
    const planned = await meetingIn(q3, w.e[0]!);
    const toMove = await meetingIn(q3, w.i[0]!, 20);
    const toCancel = await meetingIn(q2, w.e[1]!, 30, 'held');
    const toDrop = await meetingIn(q3, w.i[1]!, 40);
    await meetingIn(shiftQuarter(quarterOf(todayIn('UTC', new Date())).key, 1), w.a[1]!, 5);
    const first = await incrementalThenFull();
    expect(first.incremental).toEqual(first.full);
    expect(first.full.some((r) => r.period === q3.key && Number(r.planned) > 0)).toBe(true);

    // Nothing changed: the closed quarters are not recounted, the figures stay.
    const kept = await keptAt();
    await refreshStatistics(db(), w.org.id, { periods: quarters, rounds: true });
    expect((await keptAt()).get(q3.key)).toBe(kept.get(q3.key));
    expect((await keptAt()).get(q2.key)).toBe(kept.get(q2.key));
    expect(await rollup()).toEqual(first.full);

    const steps: [string, () => Promise<unknown>][] = [
      [
        'held late',
        () =>
          db().execute(
            sql`update one_on_one_meetings set status = 'held' where ${meetingWhere(planned)}`,
          ),
      ],
      [
        'moved to another closed quarter',
        () =>
          db().execute(sql`update one_on_one_meetings
            set starts_at = starts_at + interval '100 days',
              local_date = local_date + 100, status = 'moved' where ${meetingWhere(toMove)}`),
      ],
      [
        'cancelled by the pair',
        () =>
          db().execute(
            sql`update one_on_one_meetings set status = 'cancelled' where ${meetingWhere(toCancel)}`,
          ),
      ],
      [
        'cancelled by the system',
        () =>
          db().execute(sql`update one_on_one_meetings set status = 'cancelled',
            status_reason_code = 'reporting_line_changed' where ${meetingWhere(planned)}`),
      ],
      [
        'removed',
        () => db().execute(sql`delete from one_on_one_meetings where ${meetingWhere(toDrop)}`),
      ],
      ['added to a closed quarter', () => meetingIn(q2, w.i[2]!, 50)],
      [
        'a person moved to another unit',
        async () => {
          const unit = await makeDepartment(db(), w.org.id, 'Nya enheten', w.units.root.id);
          await db().execute(sql`update people set department_id = ${unit.id}
            where org_id = ${w.org.id} and id = ${w.e[2]!.id}`);
        },
      ],
      [
        'a person deactivated',
        () =>
          db().execute(sql`update people set active = false
            where org_id = ${w.org.id} and id = ${w.i[3]!.id}`),
      ],
      [
        'a person given another manager',
        () =>
          db().execute(sql`update people set manager_id = ${w.m.id}
            where org_id = ${w.org.id} and id = ${w.i[4]!.id}`),
      ],
      [
        'a new team appears',
        () =>
          db().execute(sql`update people set manager_id = ${w.i[0]!.id}
            where org_id = ${w.org.id} and id = ${w.e[3]!.id}`),
      ],
      [
        'and goes again',
        () =>
          db().execute(sql`update people set manager_id = ${w.director.id}
            where org_id = ${w.org.id} and id = ${w.e[3]!.id}`),
      ],
    ];
    for (const [what, write] of steps) {
      const before = await rollup();
      await write();
      const { incremental, full } = await incrementalThenFull();
      expect(incremental, what).toEqual(full);
      expect(full, what).not.toEqual(before);
    }
    // Nothing stale stays behind: the same as counting into an empty rollup.
    await refreshStatistics(db(), w.org.id, { periods: quarters, rounds: true });
    const settled = await rollup();
    expect(settled.some((r) => r.kind === 'team' && r.group_key === w.i[0]!.id)).toBe(false);
    await db().execute(sql`delete from statistics_groups where org_id = ${w.org.id}`);
    await refreshStatistics(db(), w.org.id, { periods: quarters, rounds: true, recount: true });
    expect(await rollup()).toEqual(settled);
  });

  it('leaves no touch for a change that counts do not read, and one for a change they do', async () => {
    await refreshStatistics(db(), w.org.id, { periods: quarters, rounds: true });
    expect(await touchCount()).toBe(0);
    const id = await meetingIn(closedQuarter(), w.e[3]!, 60);
    expect(await touchCount()).toBe(1);
    await refreshStatistics(db(), w.org.id, { periods: quarters, rounds: true });
    expect(await touchCount()).toBe(0);
    await db().execute(
      sql`update one_on_one_meetings set status_reason = 'annat', place_detail = 'rum 2' where ${meetingWhere(id)}`,
    );
    expect(await touchCount()).toBe(0);
    await db().execute(
      sql`update one_on_one_meetings set status = 'held' where ${meetingWhere(id)}`,
    );
    expect(await touchCount()).toBe(1);
  });
});

describe('what the refresh keeps stays small', () => {
  it('keeps one touch per kept quarter of an organisation that no longer looks, and forgets quarters the picker dropped', async () => {
    const [other] = await queryRows<{ org_id: string }>(
      db(),
      sql`select org_id from people where id = ${w.stranger.id}`,
    );
    const orgId = other!.org_id;
    const kept = closedQuarter().key;
    await db().execute(sql`insert into statistics_pair_periods (org_id, period)
      values (${orgId}, ${kept})`);
    for (const period of [kept, kept, kept, '2001-Q1', '2001-Q1'])
      await db().execute(sql`insert into statistics_touches (org_id, period)
        values (${orgId}, ${period})`);
    await refreshRecentStatistics(db());
    const left = await queryRows<{ period: string }>(
      db(),
      sql`select period from statistics_touches where org_id = ${orgId}`,
    );
    expect(left).toEqual([{ period: kept }]);

    // A kept quarter older than the picker's is forgotten at the next refresh.
    await db().execute(sql`insert into statistics_pair_periods (org_id, period)
      values (${w.org.id}, '2001-Q1')`);
    await refreshStatistics(db(), w.org.id, { periods: quarters, rounds: true });
    expect((await keptAt()).has('2001-Q1')).toBe(false);
    expect((await keptAt()).has(kept)).toBe(true);
  });
});

describe('keptPairsHold', () => {
  const today = '2026-11-15'; // Q4: Q3 is the previous quarter, Q2 closed.
  const q2 = { key: '2026-Q2', from: '2026-04-01', to: '2026-06-30' };
  it('reuses a closed quarter counted after the trigger began marking it, without touches', () => {
    expect(keptPairsHold(q2, today, new Date('2026-07-02T12:00:00Z'), new Set())).toBe(true);
  });
  it('recounts a touched quarter, the previous and current ones, and counts from too early', () => {
    expect(keptPairsHold(q2, today, new Date('2026-08-01T00:00:00Z'), new Set(['2026-Q2']))).toBe(
      false,
    );
    const q3 = { key: '2026-Q3', from: '2026-07-01', to: '2026-09-30' };
    expect(keptPairsHold(q3, today, new Date('2026-11-01T00:00:00Z'), new Set())).toBe(false);
    // Counted while Q2 was still the current quarter in UTC (or within a day of its end):
    // writes then were not marked.
    expect(keptPairsHold(q2, today, new Date('2026-06-30T23:00:00Z'), new Set())).toBe(false);
    expect(keptPairsHold(q2, today, new Date('2026-07-01T10:00:00Z'), new Set())).toBe(false);
    expect(keptPairsHold(q2, today, undefined, new Set())).toBe(false);
  });
});
