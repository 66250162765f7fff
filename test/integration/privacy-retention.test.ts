/**
 * Retention (decision 024): per-organisation settings with country defaults, and the job that
 * erases leavers and deletes old conversation content, in batches, exactly what is due.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client';
import { applyRetention } from '../../src/server/services/privacy.service';
import { privacyRepository } from '../../src/server/repositories/privacy.repository';
import { testApp, type TestContext } from '../support/app';
import { makeOrg, makePerson } from '../support/factories';
import { makePrivacyWorld, SECRETS } from './privacy.factories';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof makePrivacyWorld>>;
const DAY = 86_400_000;

beforeAll(async () => {
  ctx = await testApp();
  world = await makePrivacyWorld(ctx, 'ret');
});
afterAll(() => ctx.close());

const count = async (q: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(ctx.database.db, q))[0]!.n;

describe('retention settings', () => {
  it('start from the country of the organisation and are the admin’s to change', async () => {
    const { c } = world;
    const first = await c.admin!.get('/api/admin/retention');
    expect(first.json()).toEqual({
      country: 'SE',
      leaversAfterDays: 730,
      contentAfterDays: 1095,
      isDefault: true,
    });
    expect((await c.hr!.get('/api/admin/retention')).statusCode).toBe(403);
    const tooShort = await c.admin!.request('PUT', '/api/admin/retention', {
      country: 'SE',
      leaversAfterDays: 5,
      contentAfterDays: 400,
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.code).toBe('validation');
    const saved = await c.admin!.request('PUT', '/api/admin/retention', {
      country: 'DK',
      leaversAfterDays: 3650,
      contentAfterDays: 30,
    });
    expect(saved.statusCode).toBe(200);
    expect((await c.admin!.get('/api/admin/retention')).json()).toMatchObject({
      country: 'DK',
      contentAfterDays: 30,
      isDefault: false,
    });
    const audit = (await c.admin!.get('/api/admin/audit?kind=retention.updated')).json();
    expect(audit.items).toHaveLength(1);
  });
});

describe('the retention job', () => {
  it('deletes conversation content older than the period and keeps the scores', async () => {
    const { w, held } = world;
    const db = ctx.database.db;
    const contentOf = () =>
      count(sql`select ((select count(*) from one_on_one_notes where meeting_id = ${held})
        + (select count(*) from one_on_one_private_notes where meeting_id = ${held})
        + (select count(*) from one_on_one_reflections where meeting_id = ${held})
        + (select count(*) from one_on_one_minutes where meeting_id = ${held}))::int as n`);
    expect(await contentOf()).toBeGreaterThan(0);
    // 20 days on: within the 30 days, nothing goes.
    await applyRetention(db, { now: new Date(Date.now() + 20 * DAY) });
    expect(await contentOf()).toBeGreaterThan(0);
    await applyRetention(db, { now: new Date(Date.now() + 40 * DAY), batch: 1 });
    expect(await contentOf()).toBe(0);
    const checkIn = await queryRows<{ comment: string; wellbeing: number }>(
      db,
      sql`select comment, wellbeing from check_ins where meeting_id = ${held}`,
    );
    expect(checkIn).toEqual([{ comment: '', wellbeing: 4 }]);
    expect(
      await count(sql`select count(*)::int as n from one_on_one_meetings where id = ${held}`),
    ).toBe(1);
    for (const secret of Object.values(SECRETS)) {
      expect(
        await count(
          sql`select count(*)::int as n from one_on_one_notes where body like ${`%${secret}%`}`,
        ),
      ).toBe(0);
    }
    // Recorded, with counts and no content.
    const rows = await queryRows<{ details: Record<string, unknown> }>(
      db,
      sql`select details from audit_events where org_id = ${w.org.id} and action = 'retention.applied'`,
    );
    expect(rows.map((r) => r.details)).toEqual([{ erased: 0, meetings: 1 }]);
  });

  it('erases exactly the leavers past the period, in batches', async () => {
    const db = ctx.database.db;
    const org = await makeOrg(db, { defaultLocale: 'nb' });
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const leaver = (name: string, days: number) =>
      makePerson(db, org.id, { name, active: false, deactivatedAt: ago(days) });
    const due = await Promise.all([
      leaver('Due One', 31),
      leaver('Due Two', 40),
      leaver('Due Three', 90),
      leaver('Due Four', 365),
      leaver('Due Five', 4000),
    ]);
    const recent = await leaver('Recent Leaver', 10);
    const active = await makePerson(db, org.id, { name: 'Still Here' });
    await privacyRepository.saveRetention(
      db,
      org.id,
      { country: 'NO', leaversAfterDays: 30, contentAfterDays: 1095 },
      active.id,
      now,
    );
    const erasedIds = async () =>
      (
        await queryRows<{ id: string }>(
          db,
          sql`select id from people where org_id = ${org.id} and erased_at is not null`,
        )
      )
        .map((r) => r.id)
        .sort();

    // One batch of two: the two longest gone first.
    await applyRetention(db, { now, batch: 2, maxBatches: 1 });
    expect(await erasedIds()).toEqual([due[3]!.id, due[4]!.id].sort());
    // The rest, batch by batch.
    const totals = await applyRetention(db, { now, batch: 2 });
    expect(totals.erased).toBe(3);
    expect(await erasedIds()).toEqual(due.map((p) => p.id).sort());
    const names = await queryRows<{ name: string }>(
      db,
      sql`select distinct name from people where org_id = ${org.id} and erased_at is not null`,
    );
    expect(names).toEqual([{ name: 'Tidligere ansatt' }]);
    const kept = await queryRows<{ id: string; name: string }>(
      db,
      sql`select id, name from people where org_id = ${org.id} and erased_at is null order by name`,
    );
    expect(kept).toEqual([
      { id: recent.id, name: 'Recent Leaver' },
      { id: active.id, name: 'Still Here' },
    ]);
    // Nothing more is due.
    expect((await applyRetention(db, { now })).erased).toBe(0);
  });
});
