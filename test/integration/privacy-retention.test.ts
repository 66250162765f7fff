/**
 * Retention (decision 024): per-organisation settings with country defaults, and the job that
 * erases leavers and clears each kind of data by its own period, in batches, exactly what is due.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client';
import {
  checkIns,
  conversationPreparations,
  conversationVersions,
  developmentGoals,
  oneOnOneMeetings,
  oneOnOneSeries,
  salaryOutcomes,
} from '../../src/db/schema/index';
import { RETENTION_KIND_FIELDS } from '../../src/domain/privacy/retention';
import { applyRetention, type RetentionStep } from '../../src/server/services/privacy.service';
import { auditRepository } from '../../src/server/repositories/audit.repository';
import { privacyRepository } from '../../src/server/repositories/privacy.repository';
import { testApp, type TestContext } from '../support/app';
import { makeOrg, makePerson } from '../support/factories';
import { makeConversation } from './conversation.factories';
import { makePrivacyWorld, SECRETS } from './privacy.factories';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof makePrivacyWorld>>;
const DAY = 86_400_000;
/** Every kind following the country's default. */
const KINDS_NULL = Object.fromEntries(RETENTION_KIND_FIELDS.map((f) => [f, null])) as Record<
  (typeof RETENTION_KIND_FIELDS)[number],
  null
>;

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
    expect(first.json()).toMatchObject({
      country: 'SE',
      leaversAfterDays: 730,
      notesAfterDays: null,
      salaryAfterDays: null,
      auditAfterDays: null,
      isDefault: true,
      defaults: { notesAfterDays: 1095, salaryAfterDays: 2555, privateAfterDays: 365 },
      effective: { notesAfterDays: 1095, salaryAfterDays: 2555, auditAfterDays: 730 },
    });
    expect((await c.hr!.get('/api/admin/retention')).statusCode).toBe(403);
    const tooShort = await c.admin!.request('PUT', '/api/admin/retention', {
      ...KINDS_NULL,
      country: 'SE',
      leaversAfterDays: 400,
      salaryAfterDays: 5,
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.code).toBe('validation');
    expect(tooShort.json().error.fields.map((f: { path: string }) => f.path)).toContain(
      'salaryAfterDays',
    );
    const tooLong = await c.admin!.request('PUT', '/api/admin/retention', {
      ...KINDS_NULL,
      country: 'SE',
      leaversAfterDays: 400,
      auditAfterDays: 3651,
    });
    expect(tooLong.json().error.fields.map((f: { path: string }) => f.path)).toContain(
      'auditAfterDays',
    );
    const saved = await c.admin!.request('PUT', '/api/admin/retention', {
      ...KINDS_NULL,
      country: 'DK',
      leaversAfterDays: 3650,
      notesAfterDays: 30,
    });
    expect(saved.statusCode).toBe(200);
    expect((await c.admin!.get('/api/admin/retention')).json()).toMatchObject({
      country: 'DK',
      notesAfterDays: 30,
      privateAfterDays: null,
      isDefault: false,
      // A kind left empty follows Denmark's default.
      effective: { notesAfterDays: 30, developmentAfterDays: 1825, salaryAfterDays: 1825 },
    });
    const audit = (await c.admin!.get('/api/admin/audit?kind=retention.updated')).json();
    expect(audit.items).toHaveLength(1);
  });
});

describe('the retention job', () => {
  it('clears each kind exactly when its own period has passed, and nothing else', async () => {
    const { w, held } = world;
    const db = ctx.database.db;
    const org = w.org.id;
    // Everything happened at T: the 1:1, the check-in, the conversations, the audit entries.
    const T = new Date('2025-01-01T09:00:00Z');
    await db.execute(sql`update one_on_one_meetings set starts_at = ${T} where id = ${held}`);
    await db.execute(sql`update check_ins set meeting_starts_at = ${T} where meeting_id = ${held}`);
    for (const action of ['auth.signed_in', 'auth.sign_in_failed'] as const) {
      await auditRepository.record(db, {
        orgId: org,
        actorId: null,
        action,
        subjectType: 'person',
        at: T,
      });
    }
    const pair = { managerId: w.manager.id, employeeId: w.employee.id };
    const dev = await makeConversation(db, org, pair, {
      status: 'closed',
      heldAt: T,
      closedAt: T,
    });
    await db.insert(conversationPreparations).values({
      orgId: org,
      id: randomUUID(),
      conversationId: dev.id,
      authorId: w.employee.id,
      authorRole: 'employee',
      answers: { now: { how: 'Jeg er træt' } } as never,
    });
    await db.insert(developmentGoals).values({
      orgId: org,
      id: randomUUID(),
      conversationId: dev.id,
      ...pair,
      title: 'Lede teamets møder',
      description: 'Hemmeligt mål',
      outcome: 'achieved',
      createdBy: w.manager.id,
    });
    await db.insert(conversationVersions).values({
      orgId: org,
      conversationId: dev.id,
      version: 1,
      content: { sections: [], goals: [], plan: [], actions: [] } as never,
      summary: 'Aftalt',
      createdBy: w.manager.id,
    });
    const pay = await makeConversation(db, org, pair, {
      kind: 'salary',
      status: 'closed',
      heldAt: T,
      closedAt: T,
    });
    await db.insert(salaryOutcomes).values({
      orgId: org,
      conversationId: pay.id,
      ...pair,
      changeKind: 'new_salary',
      amount: '42000',
      currency: 'SEK',
      effectiveDate: '2025-04-01',
      recordedBy: w.manager.id,
    });
    await privacyRepository.saveRetention(
      db,
      org,
      {
        country: 'SE',
        leaversAfterDays: 3650,
        notesAfterDays: 100,
        checkInsAfterDays: 200,
        developmentAfterDays: 300,
        salaryAfterDays: 400,
        privateAfterDays: 500,
        auditAfterDays: 600,
      },
      w.manager.id,
      new Date(),
    );

    // Another organisation keeps everything ten years: its old entries are not ours to trim.
    const other = await makeOrg(db, { defaultLocale: 'en' });
    const otherAdmin = await makePerson(db, other.id, { name: 'Other Admin' });
    await privacyRepository.saveRetention(
      db,
      other.id,
      {
        country: 'OTHER',
        leaversAfterDays: 3650,
        ...(Object.fromEntries(RETENTION_KIND_FIELDS.map((f) => [f, 3650])) as Record<
          (typeof RETENTION_KIND_FIELDS)[number],
          number
        >),
      },
      otherAdmin.id,
      new Date(),
    );
    await auditRepository.record(db, {
      orgId: other.id,
      actorId: null,
      action: 'auth.signed_in',
      subjectType: 'person',
      at: T,
    });

    const present = async () => ({
      notes:
        (await count(sql`select ((select count(*) from one_on_one_notes where meeting_id = ${held})
          + (select count(*) from one_on_one_minutes where meeting_id = ${held}))::int as n`)) > 0,
      checkIns:
        (await count(sql`select count(*)::int as n from check_ins
          where meeting_id = ${held} and comment <> ''`)) > 0,
      development:
        (await count(sql`select ((select count(*) from conversation_preparations where conversation_id = ${dev.id})
          + (select count(*) from development_goals where conversation_id = ${dev.id} and title <> '')
          + (select count(*) from conversation_versions where conversation_id = ${dev.id} and summary is not null))::int as n`)) ===
        3,
      salary:
        (await count(
          sql`select count(*)::int as n from salary_outcomes where conversation_id = ${pay.id}`,
        )) > 0,
      private:
        (await count(sql`select ((select count(*) from one_on_one_private_notes where meeting_id = ${held})
          + (select count(*) from one_on_one_reflections where meeting_id = ${held}))::int as n`)) >
        0,
      audit:
        (await count(sql`select count(*)::int as n from audit_events
          where org_id = ${org} and at = ${T}`)) > 0,
    });
    const at = (days: number, ms = 0) => new Date(T.getTime() + days * DAY + ms);
    const all = {
      notes: true,
      checkIns: true,
      development: true,
      salary: true,
      private: true,
      audit: true,
    };
    expect(await present()).toEqual(all);

    const steps = [
      ['notes', 100],
      ['checkIns', 200],
      ['development', 300],
      ['salary', 400],
      ['private', 500],
      ['audit', 600],
    ] as const;
    const gone: Partial<Record<keyof typeof all, boolean>> = {};
    for (const [kind, days] of steps) {
      // A day before, and at the very instant the period ends: still kept.
      await applyRetention(db, { now: at(days - 1) });
      await applyRetention(db, { now: at(days) });
      expect(await present(), `${kind} before its time`).toEqual({ ...all, ...gone });
      // A second later it has expired: this kind goes, in batches of one, and no other.
      await applyRetention(db, { now: at(days, 1000), batch: 1 });
      gone[kind] = false;
      expect(await present(), `${kind} after its time`).toEqual({ ...all, ...gone });
    }

    expect(
      await count(sql`select count(*)::int as n from audit_events where org_id = ${other.id}`),
    ).toBe(1);

    // Dates, statuses and scores stay for the statistics.
    const checkIn = await queryRows<{ comment: string; wellbeing: number }>(
      db,
      sql`select comment, wellbeing from check_ins where meeting_id = ${held}`,
    );
    expect(checkIn).toEqual([{ comment: '', wellbeing: 4 }]);
    const convs = await queryRows<{ status: string; held_at: Date | null }>(
      db,
      sql`select status, held_at from conversations where id in (${dev.id}, ${pay.id})`,
    );
    expect(convs.map((r) => r.status)).toEqual(['closed', 'closed']);
    expect(convs.every((r) => r.held_at !== null)).toBe(true);
    const goals = await queryRows<{ outcome: string; description: string }>(
      db,
      sql`select outcome, description from development_goals where conversation_id = ${dev.id}`,
    );
    expect(goals).toEqual([{ outcome: 'achieved', description: '' }]);
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
    // Recorded per kind, with counts and no content.
    const rows = await queryRows<{ details: Record<string, number> }>(
      db,
      sql`select details from audit_events where org_id = ${org} and action = 'retention.applied'
          order by at`,
    );
    const cleared = rows.map((r) =>
      Object.fromEntries(Object.entries(r.details).filter(([, n]) => n > 0)),
    );
    expect(cleared).toEqual([
      { notes: 1 },
      { checkIns: 1 },
      { development: 1 },
      { salary: 1 },
      { private: 1 },
      expect.objectContaining({ audit: expect.any(Number) }),
    ]);
    expect(rows.at(-1)!.details.audit).toBeGreaterThan(0);
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
      { ...KINDS_NULL, country: 'NO', leaversAfterDays: 30 },
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

  it('walks check-ins and conversations once, in order, even when due rows share a date', async () => {
    const db = ctx.database.db;
    const org = await makeOrg(db, { defaultLocale: 'sv' });
    const manager = await makePerson(db, org.id, { name: 'Walk Manager' });
    const employee = await makePerson(db, org.id, { name: 'Walk Employee' });
    const pair = { managerId: manager.id, employeeId: employee.id };
    const seriesId = randomUUID();
    await db.insert(oneOnOneSeries).values({
      orgId: org.id,
      id: seriesId,
      ...pair,
      cadence: 'every_2_weeks',
      startDate: '2024-01-01',
      localTime: '09:00',
      timeZone: 'Europe/Stockholm',
      durationMinutes: 20,
      placeKind: 'room',
      horizonUntil: '2024-12-31',
    });
    // Due rows tie on their date, so every batch boundary falls inside a tie: a cursor on the
    // date alone would skip or repeat rows.
    const T = new Date('2024-03-01T09:00:00Z');
    const later = new Date('2024-11-01T09:00:00Z');
    let seq = 0;
    const checkIn = async (startsAt: Date, comment: string) => {
      const meetingId = randomUUID();
      await db.insert(oneOnOneMeetings).values({
        orgId: org.id,
        id: meetingId,
        seriesId,
        ...pair,
        seq: ++seq,
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
        orgId: org.id,
        id: randomUUID(),
        meetingId,
        seriesId,
        ...pair,
        meetingStartsAt: startsAt,
        wellbeing: 3,
        workload: 3,
        progress: 3,
        comment,
        answeredBy: employee.id,
      });
    };
    for (let i = 0; i < 5; i++) await checkIn(T, `walk comment ${i}`);
    for (let i = 0; i < 2; i++) await checkIn(T, '');
    await checkIn(later, 'not due yet');
    const conversation = async (at: { heldAt?: Date; closedAt?: Date }, title: string | null) => {
      const c = await makeConversation(db, org.id, pair, { status: 'closed', ...at });
      if (title !== null)
        await db.insert(developmentGoals).values({
          orgId: org.id,
          id: randomUUID(),
          conversationId: c.id,
          ...pair,
          title,
          outcome: 'achieved',
          createdBy: manager.id,
        });
      return c.id;
    };
    const withContent = [];
    for (let i = 0; i < 5; i++)
      withContent.push(await conversation({ heldAt: T }, `walk goal ${i}`));
    for (let i = 0; i < 2; i++) await conversation({ heldAt: T }, null);
    withContent.push(await conversation({ closedAt: T }, 'closed, never marked held'));
    const notDue = await conversation({ heldAt: later }, 'not due yet');
    await privacyRepository.saveRetention(
      db,
      org.id,
      {
        country: 'SE',
        leaversAfterDays: 3650,
        notesAfterDays: 3650,
        checkInsAfterDays: 30,
        developmentAfterDays: 30,
        salaryAfterDays: 3650,
        privateAfterDays: 3650,
        auditAfterDays: 3650,
      },
      manager.id,
      new Date(),
    );
    const now = new Date(T.getTime() + 100 * DAY);
    const run = async () => {
      const steps: RetentionStep[] = [];
      await applyRetention(db, { now, batch: 2, onStep: (s) => steps.push(s) });
      const of = (step: RetentionStep['step']) => {
        const s = steps.find((x) => x.orgId === org.id && x.step === step)!;
        return { cleared: s.cleared, batches: s.batches };
      };
      return { checkIns: of('checkIns'), development: of('development') };
    };

    // Five check-ins with a comment, read two at a time: three batches. Eight conversations
    // due (the two without content are read, not cleared): four full batches and an empty one.
    expect(await run()).toEqual({
      checkIns: { cleared: 5, batches: 3 },
      development: { cleared: 6, batches: 5 },
    });
    expect(
      await queryRows(
        db,
        sql`select comment from check_ins where org_id = ${org.id} and comment <> ''`,
      ),
    ).toEqual([{ comment: 'not due yet' }]);
    const titles = await queryRows<{ conversation_id: string; title: string }>(
      db,
      sql`select conversation_id, title from development_goals
          where org_id = ${org.id} and title <> ''`,
    );
    expect(titles).toEqual([{ conversation_id: notDue, title: 'not due yet' }]);
    // The next run finds nothing: blanked check-ins are not read again (one empty batch); the
    // conversations are walked once more and none is cleared twice.
    expect(await run()).toEqual({
      checkIns: { cleared: 0, batches: 1 },
      development: { cleared: 0, batches: 5 },
    });
  });
});
