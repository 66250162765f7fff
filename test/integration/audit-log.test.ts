/**
 * Issue #11, item 9: an append-only audit log of who did what, when and from where, never
 * content. The database itself refuses changes (on PGlite and PostgreSQL alike); admins, and
 * only they, read it with filters, keyset pages and a CSV export, which is recorded too.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index';
import { auditRepository } from '../../src/server/repositories/audit.repository';
import { Client, signedIn, testApp, type TestContext } from '../support/app';
import { makePerson } from '../support/factories';
import { clientsFor, makeOneOnOneWorld, type OneOnOneWorld } from '../support/one-on-one.factories';
import { makeHeldConversation } from './goals.factories';
import { roundBody } from './rounds.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;
let admin: Client;
let salary: Client;
let adminId: string;

const db = () => ctx.database.db;
type Event = {
  id: string;
  kind: string;
  actor: { id: string } | null;
  subject: { id: string | null };
  ip: string | null;
  details: Record<string, unknown>;
};
const log = async (query = '') => {
  const res = await admin.get(`/api/admin/audit${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Event[]; nextCursor: string | null };
};
/** The statement is refused by the append-only trigger (the driver's error wraps the database's). */
const refused = async (q: ReturnType<typeof sql>) => {
  const err = await db()
    .execute(q)
    .then(
      () => null,
      (e: unknown) => e as Error & { cause?: Error },
    );
  expect(err, 'the statement went through').not.toBeNull();
  expect(`${err!.message} ${err!.cause?.message ?? ''}`).toMatch(/audit_events is append-only/);
};
const kinds = async (query = '') => (await log(query)).items.map((e) => e.kind);

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(db(), 'audit');
  c = await clientsFor(ctx.app, w);
  adminId = w.admin.id;
  await makePerson(db(), w.org.id, { email: 'salary-audit@a.test', roles: ['hr', 'salary'] });
  admin = new Client(ctx.app, { ip: '192.0.2.10' });
  expect((await admin.login(w.admin.email)).statusCode).toBe(200);
  salary = await signedIn(ctx.app, 'salary-audit@a.test');
});
afterAll(() => ctx.close());

describe('the audit log in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, whoever asks', async () => {
    const [row] = await db().select().from(auditEvents).limit(1);
    expect(row).toBeDefined();
    const attempts = [
      sql`update audit_events set action = 'auth.signed_out' where id = ${row!.id}`,
      sql`update audit_events set details = '{}'::jsonb`,
      sql`delete from audit_events where id = ${row!.id}`,
      sql`truncate audit_events`,
    ];
    for (const q of attempts) await refused(q);
    const [still] = await db().select().from(auditEvents).where(eq(auditEvents.id, row!.id));
    expect(still).toEqual(row);
  });

  it('lets the retention job, and only it, remove old entries', async () => {
    await auditRepository.record(db(), {
      orgId: w.org.id,
      actorId: null,
      action: 'auth.sign_in_failed',
      subjectType: 'person',
      at: new Date('2019-01-01T00:00:00Z'),
    });
    await refused(sql`delete from audit_events where at < '2020-01-01'`);
    expect(await auditRepository.deleteOlderThan(db(), new Date('2020-01-01T00:00:00Z'))).toBe(1);
    // The setting is local to that transaction: afterwards, deletes are refused again.
    await refused(sql`delete from audit_events`);
  });
});

describe('what is recorded', () => {
  it('sign-ins, successful and failed, with the address, in the organisation of the e-mail', async () => {
    const stranger = new Client(ctx.app, { ip: '198.51.100.7' });
    await stranger.login(w.manager.email, 'a wrong guess');
    await stranger.login('nobody-at-all@a.test', 'a wrong guess');
    const failed = (await log(`?kind=auth.sign_in_failed&person=${w.manager.id}`)).items;
    expect(failed[0]).toMatchObject({
      actor: null,
      ip: '198.51.100.7',
      details: { reason: 'password' },
    });
    const ok = (await log(`?kind=auth.signed_in&person=${adminId}`)).items;
    expect(ok[0]).toMatchObject({ actor: { id: adminId }, ip: '192.0.2.10' });
  });

  it('links, password changes, roles, sessions, deactivations, exports, salary reads, rounds, templates', async () => {
    const newcomer = await makePerson(db(), w.org.id, {
      email: 'newcomer-audit@a.test',
      passwordHash: null,
    });
    await c.hr.post(`/api/people/${newcomer.id}/password-link`);
    await c.hr.post(`/api/people/${w.manager.id}/password-link`);
    await c.employee.post('/api/me/password', {
      currentPassword: 'correct horse battery',
      newPassword: 'a brand new password',
    });
    await c.hr.patch(`/api/people/${w.employee.id}`, {
      roles: ['salary'],
      jobTitle: 'Secret title',
    });
    await signedIn(ctx.app, w.manager.email); // a second session, ended below
    const sessions = (await c.manager.get('/api/me/sessions')).json().items as {
      id: string;
      current: boolean;
    }[];
    await c.manager.delete(`/api/me/sessions/${sessions.find((s) => !s.current)!.id}`);
    await c.hr.post(`/api/people/${newcomer.id}/deactivate`);
    await c.hr.post(`/api/people/${newcomer.id}/reactivate`);
    await c.hr.get('/api/statistics/export.csv');

    const pair = { managerId: w.manager.id, employeeId: w.employee.id };
    const conv = (await makeHeldConversation(db(), w.org.id, pair, { kind: 'salary' })).id;
    await c.manager.request('PUT', `/api/conversations/${conv}/salary-outcome`, {
      changeKind: 'new_salary',
      amount: '42500.00',
      currency: 'SEK',
      effectiveDate: '2027-04-01',
      criteria: 'Ansvar',
      comment: 'Ett hemligt omdöme',
    });
    await c.manager.get(`/api/conversations/${conv}/salary-outcome`); // the pair: not recorded
    expect((await salary.get(`/api/conversations/${conv}/salary-outcome`)).statusCode).toBe(200);
    await salary.get('/api/salary-outcomes');

    const templates = (await c.hr.get('/api/conversation-templates')).json().items as {
      id: string;
      builtinKey: string | null;
    }[];
    const builtin = templates.find((t) => t.builtinKey === 'development')!.id;
    const copy = (await c.hr.post(`/api/conversation-templates/${builtin}/copy`)).json().id;
    await c.hr.patch(`/api/conversation-templates/${copy}`, { archived: true });
    const round = await c.hr.post('/api/rounds', roundBody(builtin, { type: 'all' }));
    expect(round.statusCode).toBe(201);

    const seen = await kinds('?limit=200');
    for (const kind of [
      'auth.invitation_created',
      'auth.reset_sent',
      'auth.password_changed',
      'role.granted',
      'person.updated',
      'session.revoked',
      'person.deactivated',
      'person.reactivated',
      'export.statistics',
      'salary.outcome_read',
      'salary.outcomes_listed',
      'template.created',
      'template.archived',
      'round.opened',
    ])
      expect(seen, kind).toContain(kind);
    const salaryReads = (await log('?kind=salary.outcome_read')).items;
    expect(salaryReads).toHaveLength(1);
    expect(salaryReads[0]).toMatchObject({ subject: { id: w.employee.id } });

    // Never content: no note, answer, amount, comment, title or name in any event.
    const everything = JSON.stringify(await db().select().from(auditEvents));
    for (const secret of ['Secret title', 'Ett hemligt omdöme', '42500', 'a brand new password'])
      expect(everything).not.toContain(secret);
  });
});

describe('the admin’s audit page', () => {
  it('is for administrators only: HR, managers and employees are refused', async () => {
    for (const who of [c.hr, c.manager, c.employee])
      expect((await who.get('/api/admin/audit')).statusCode).toBe(403);
    const paths = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
    const auditPaths = Object.entries(paths).filter(([p]) => p.startsWith('/api/admin/audit'));
    // Nothing in Samtal changes or removes an entry: reading only.
    for (const [, methods] of auditPaths) expect(Object.keys(methods as object)).toEqual(['get']);
  });

  it('filters by person, kind and period, and pages without gaps or repeats', async () => {
    const base = new Date('2025-06-01T08:00:00Z').getTime();
    await auditRepository.recordMany(
      db(),
      Array.from({ length: 130 }, (_, i) => ({
        orgId: w.org.id,
        actorId: i % 2 ? adminId : null,
        action: 'auth.signed_in',
        subjectType: 'person',
        subjectId: w.employee.id,
        // Many in the same instant, to test the cursor's tie-break.
        at: new Date(base + Math.floor(i / 10) * 3_600_000),
      })),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q = `?person=${w.employee.id}&from=2025-06-01&to=2025-06-01&limit=50${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await log(q);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    expect((await log('?from=2025-06-02&to=2025-06-30')).items).toHaveLength(0);
    expect((await log(`?kind=role.granted&person=${w.employee.id}`)).items.length).toBeGreaterThan(
      0,
    );
    expect((await admin.get('/api/admin/audit?kind=made.up')).statusCode).toBe(400);
  });

  it('refuses a crafted cursor with a 400, never a database error', async () => {
    const crafted = (at: string) =>
      Buffer.from(JSON.stringify({ at, id: '00000000-0000-4000-8000-000000000000' })).toString(
        'base64url',
      );
    for (const at of ['not a time', '2026-02-30 10:00:00+00', "2026-01-01'; drop", '']) {
      const res = await admin.get(`/api/admin/audit?cursor=${crafted(at)}`);
      expect(res.statusCode, at).toBe(400);
      expect(res.json().error.code).toBe('validation');
    }
    // A cursor the server wrote itself still works.
    const first = await log('?limit=1');
    expect(
      (await admin.get(`/api/admin/audit?limit=1&cursor=${first.nextCursor}`)).statusCode,
    ).toBe(200);
  });

  it('exports the filtered log as CSV through the one CSV writer, and records the export', async () => {
    const res = await admin.get(
      `/api/admin/audit/export.csv?person=${w.employee.id}&from=2025-06-01&to=2025-06-01`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // In the administrator's language (Swedish here).
    expect(lines[0]).toBe(
      'Tid (UTC);Händelse;Händelsekod;Av;Av (id);Gäller (typ);Gäller;Gäller (id);Adress;Detaljer',
    );
    expect(lines).toHaveLength(131);
    expect(lines[1]).toContain(';Loggade in;auth.signed_in;');
    const exported = (await log('?kind=export.audit')).items[0];
    expect(exported).toMatchObject({
      actor: { id: adminId },
      details: { rows: 130, format: 'csv' },
    });
    // The export of the exports is itself recorded.
    await admin.get('/api/admin/audit/export.csv?kind=export.audit');
    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, w.org.id), eq(auditEvents.action, 'export.audit')));
    expect(events).toHaveLength(2);
  });
});
