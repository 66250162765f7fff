/** Rounds: scope resolution, counts per status, access, no content for HR, reminders. */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, mailOutbox } from '../../src/db/schema/index';
import { createMailer } from '../../src/server/mail/mailer';
import { sendRoundReminders } from '../../src/server/mail/round-reminders';
import { testApp, type TestContext } from '../support/app';
import { makePerson } from '../support/factories';
import { makeRoundWorld, roundBody, roundClients, type RoundWorld } from './rounds.factories';

let ctx: TestContext;
let w: RoundWorld;
let c: Awaited<ReturnType<typeof roundClients>>;
let templateId: string;

const conversationsOf = (roundId: string) =>
  ctx.database.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.orgId, w.org.id), eq(conversations.roundId, roundId)));

beforeAll(async () => {
  ctx = await testApp();
  w = await makeRoundWorld(ctx.database.db, 'rounds');
  c = await roundClients(ctx.app, w);
  const list = await c.hr.get('/api/conversation-templates');
  expect(list.statusCode).toBe(200);
  templateId = list
    .json()
    .items.find((t: { builtinKey: string }) => t.builtinKey === 'development').id;
});
afterAll(() => ctx.close());

describe('opening a round', () => {
  let deptRound: string;

  it('creates one conversation per active person of a department and its sub-units, with their manager', async () => {
    const res = await c.hr.post(
      '/api/rounds',
      roundBody(templateId, {
        type: 'department',
        departmentId: w.sales.id,
        includeSubunits: true,
      }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    deptRound = body.round.id;
    // Sales: ceo (no manager), anna, emp1; North: emp2, bo, emp3, orphan (no manager). Gone is inactive.
    expect(body.created).toBe(5);
    expect(body.skipped.total).toBe(2);
    expect(
      body.skipped.people.map((p: { name: string; reason: string }) => [p.name, p.reason]),
    ).toEqual([
      ['Cecilia CEO', 'no_manager'],
      ['Olle Utan', 'no_manager'],
    ]);
    const rows = await conversationsOf(deptRound);
    const pairs = new Map(rows.map((r) => [r.employeeId, r.managerId]));
    expect(pairs).toEqual(
      new Map([
        [w.anna.id, w.ceo.id],
        [w.emp1.id, w.anna.id],
        [w.emp2.id, w.anna.id],
        [w.bo.id, w.anna.id],
        [w.emp3.id, w.bo.id],
      ]),
    );
    expect(rows.every((r) => r.status === 'not_booked' && r.kind === 'development')).toBe(true);
    expect(new Set(rows.map((r) => r.templateVersionId)).size).toBe(1);
  });

  it('leaves sub-units out when asked', async () => {
    const res = await c.hr.post(
      '/api/rounds',
      roundBody(templateId, {
        type: 'department',
        departmentId: w.sales.id,
        includeSubunits: false,
      }),
    );
    expect(res.json().created).toBe(2); // anna, emp1
  });

  it('takes a manager’s direct reports or their whole organisation', async () => {
    const direct = await c.hr.post(
      '/api/rounds',
      roundBody(templateId, { type: 'manager', managerId: w.anna.id, wholeOrganisation: false }),
    );
    expect(direct.json().created).toBe(3); // emp1, emp2, bo
    const whole = await c.hr.post(
      '/api/rounds',
      roundBody(templateId, { type: 'manager', managerId: w.anna.id, wholeOrganisation: true }),
    );
    expect(whole.json().created).toBe(5); // + emp3, emp4
    const all = await c.hr.post(
      '/api/rounds',
      roundBody(templateId, { type: 'all' }, { kind: 'wellbeing' }),
    );
    expect(all.json().created).toBe(6);
  });

  it('rejects bad input with translated field errors', async () => {
    const dates = await c.hr.post(
      '/api/rounds',
      roundBody(templateId, { type: 'all' }, { periodEnd: '2027-01-01', deadline: '2027-05-01' }),
    );
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'periodEnd',
      'deadline',
    ]);
    const sv = await c.hr.request(
      'POST',
      '/api/rounds',
      roundBody(templateId, { type: 'department', departmentId: randomUUID() }),
      { 'accept-language': 'sv' },
    );
    expect(sv.statusCode).toBe(400);
    expect(sv.json().error.fields[0]).toMatchObject({ path: 'scope.departmentId' });
    const missing = await c.hr.post('/api/rounds', {
      ...roundBody(templateId, { type: 'all' }),
      name: '',
    });
    expect(missing.json().error.fields[0].path).toBe('name');
    const empty = await c.hr.post(
      '/api/rounds',
      roundBody(templateId, { type: 'manager', managerId: w.emp4.id }),
    );
    expect(empty.json().error.code).toBe('round.nobody_included');
  });

  it('counts per status by department and by manager, with totals, and never any content', async () => {
    const rows = await conversationsOf(deptRound);
    const emp3Conv = rows.find((r) => r.employeeId === w.emp3.id)!;
    const emp1Conv = rows.find((r) => r.employeeId === w.emp1.id)!;
    await ctx.database.db
      .update(conversations)
      .set({ status: 'signed' })
      .where(and(eq(conversations.orgId, w.org.id), eq(conversations.id, emp3Conv.id)));
    await ctx.database.db
      .update(conversations)
      .set({ status: 'booked' })
      .where(and(eq(conversations.orgId, w.org.id), eq(conversations.id, emp1Conv.id)));
    // Content exists: a preparation with answers HR must never see.
    await ctx.database.db.execute(sql`insert into conversation_preparations
      (org_id, id, conversation_id, author_id, author_role, answers)
      values (${w.org.id}, ${randomUUID()}, ${emp3Conv.id}, ${w.emp3.id}, 'employee',
              ${JSON.stringify({ works_well: 'SECRET-ANSWER' })}::jsonb)`);

    const detail = await c.hr.get(`/api/rounds/${deptRound}`);
    expect(detail.json().counts).toEqual({
      not_booked: 3,
      booked: 1,
      held: 0,
      closed: 0,
      signed: 1,
      total: 5,
    });
    const byDept = await c.hr.get(`/api/rounds/${deptRound}/progress?by=department`);
    expect(byDept.json().groups).toBe(2);
    expect(
      byDept
        .json()
        .rows.map((r: { name: string; counts: { total: number; signed: number } }) => [
          r.name,
          r.counts.total,
          r.counts.signed,
        ]),
    ).toEqual([
      ['Sales', 2, 0],
      ['Sales North', 3, 1],
    ]);
    const byManager = await c.hr.get(
      `/api/rounds/${deptRound}/progress?by=manager&limit=1&offset=1`,
    );
    expect(byManager.json().groups).toBe(3);
    expect(byManager.json().rows).toHaveLength(1);
    expect(byManager.json().rows[0].name).toBe('Bo Mellanchef');
    const past = await c.hr.get(`/api/rounds/${deptRound}/progress?by=manager&offset=50`);
    expect(past.json()).toEqual({ groups: 3, rows: [] });
    for (const res of [detail, byDept, byManager, await c.hr.get('/api/rounds')]) {
      expect(res.body).not.toContain('SECRET-ANSWER');
      expect(res.body).not.toMatch(/"answers"|"notes"|"goals"|"content"/);
    }
  });

  it('lists rounds newest first with their counts', async () => {
    const res = await c.hr.get('/api/rounds');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(5);
    expect(res.json().items.at(-1).counts.total).toBe(5);
  });

  it('is HR’s only: employee and manager are forbidden, another organisation finds nothing', async () => {
    for (const client of [c.emp1, c.anna]) {
      expect((await client.get('/api/rounds')).statusCode).toBe(403);
      expect((await client.get(`/api/rounds/${deptRound}`)).statusCode).toBe(403);
      expect(
        (await client.post('/api/rounds', roundBody(templateId, { type: 'all' }))).statusCode,
      ).toBe(403);
      expect((await client.get('/api/conversation-templates')).statusCode).toBe(403);
    }
    expect((await c.stranger.get(`/api/rounds/${deptRound}`)).statusCode).toBe(404);
    expect((await c.stranger.get(`/api/rounds/${deptRound}/progress`)).statusCode).toBe(404);
    expect((await c.stranger.post(`/api/rounds/${deptRound}/remind`)).statusCode).toBe(404);
    expect((await c.stranger.get('/api/rounds')).json().items).toEqual([]);
    const theirs = await c.stranger.post('/api/rounds', roundBody(templateId, { type: 'all' }));
    expect(theirs.json().error.fields[0].path).toBe('templateId');
  });

  it('reminds a manager who is behind once per stage, in their language; HR can remind now', async () => {
    const mailer = createMailer({
      queue: null,
      transport: null,
      from: 'x@y',
      messageIdDomain: 't',
    });
    const mails = () =>
      ctx.database.db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.orgId, w.org.id), eq(mailOutbox.kind, 'round.reminder')));
    // Twenty days before the deadline: nothing yet.
    expect(
      await sendRoundReminders(
        ctx.database.db,
        mailer,
        'https://s.test',
        new Date('2027-02-23T10:00:00Z'),
      ),
    ).toBe(0);
    // Ten days before, 11:00 in Stockholm: "book" for every manager with conversations not booked.
    await sendRoundReminders(
      ctx.database.db,
      mailer,
      'https://s.test',
      new Date('2027-03-05T10:00:00Z'),
    );
    const first = (await mails()).filter((m) =>
      m.dedupeKey.startsWith(`round.reminder:${deptRound}:`),
    );
    const toAnna = first.filter((m) => m.recipientId === w.anna.id);
    expect(toAnna).toHaveLength(1);
    expect(toAnna[0]!.subject).toContain('book dine samtaler'); // Anna reads Danish
    // Bo's only conversation in this round is signed: he is not behind there.
    expect(first.some((m) => m.recipientId === w.bo.id)).toBe(false);
    // Again the next day: still once.
    await sendRoundReminders(
      ctx.database.db,
      mailer,
      'https://s.test',
      new Date('2027-03-06T10:00:00Z'),
    );
    expect((await mails()).filter((m) => m.dedupeKey === toAnna[0]!.dedupeKey)).toHaveLength(1);
    // In quiet hours (23:00 local), the "hold" stage waits.
    await sendRoundReminders(
      ctx.database.db,
      mailer,
      'https://s.test',
      new Date('2027-03-13T22:00:00Z'),
    );
    expect(
      (await mails()).some((m) => m.dedupeKey === `round.reminder:${deptRound}:${w.anna.id}:hold`),
    ).toBe(false);
    await sendRoundReminders(
      ctx.database.db,
      mailer,
      'https://s.test',
      new Date('2027-03-14T08:00:00Z'),
    );
    expect(
      (await mails()).some((m) => m.dedupeKey === `round.reminder:${deptRound}:${w.anna.id}:hold`),
    ).toBe(true);

    const now = await c.hr.post(`/api/rounds/${deptRound}/remind`);
    expect(now.statusCode).toBe(200);
    expect(now.json().mailed).toBe(2); // Anna and the CEO (Anna's conversation)
    expect((await c.hr.post(`/api/rounds/${deptRound}/remind`)).json().mailed).toBe(0);
  });

  it('lets HR close a round: no more reminders; and reopen it', async () => {
    const closed = await c.hr.patch(`/api/rounds/${deptRound}`, { closed: true });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().closed).toBe(true);
    const remind = await c.hr.post(`/api/rounds/${deptRound}/remind`);
    expect(remind.json().error.code).toBe('round.closed');
    expect((await c.anna.patch(`/api/rounds/${deptRound}`, { closed: false })).statusCode).toBe(
      403,
    );
    expect((await c.stranger.patch(`/api/rounds/${deptRound}`, { closed: false })).statusCode).toBe(
      404,
    );
    expect((await c.hr.patch(`/api/rounds/${deptRound}`, { closed: false })).json().closed).toBe(
      false,
    );
  });

  it('includes people who joined the group after it opened, once, and only for HR', async () => {
    const round = await c.hr.post(
      '/api/rounds',
      roundBody(templateId, { type: 'manager', managerId: w.bo.id, wholeOrganisation: false }),
    );
    const roundId = round.json().round.id;
    expect(round.json().created).toBe(2); // emp3, emp4
    const nobody = await c.hr.post(`/api/rounds/${roundId}/newcomers`);
    expect(nobody.statusCode).toBe(200);
    expect(nobody.json().created).toBe(0);

    const hire = await makePerson(ctx.database.db, w.org.id, {
      email: 'new-hire-rounds@r.test',
      name: 'Nina Ny',
      managerId: w.bo.id,
    });
    const added = await c.hr.post(`/api/rounds/${roundId}/newcomers`);
    expect(added.json()).toMatchObject({ created: 1, skipped: { total: 0 } });
    const rows = await conversationsOf(roundId);
    expect(rows.filter((r) => r.employeeId === hire.id)).toMatchObject([
      { managerId: w.bo.id, status: 'not_booked' },
    ]);
    expect(rows).toHaveLength(3);
    expect((await c.hr.post(`/api/rounds/${roundId}/newcomers`)).json().created).toBe(0);

    expect((await c.anna.post(`/api/rounds/${roundId}/newcomers`)).statusCode).toBe(403);
    expect((await c.stranger.post(`/api/rounds/${roundId}/newcomers`)).statusCode).toBe(404);
    await c.hr.patch(`/api/rounds/${roundId}`, { closed: true });
    const closed = await c.hr.post(`/api/rounds/${roundId}/newcomers`);
    expect(closed.json().error.code).toBe('round.closed');
  });
});
