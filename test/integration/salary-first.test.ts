/**
 * Seed 004: the salary conversation comes first and is kept apart. HR ties a development round
 * to a salary round, either warning or requiring that the pair's salary conversation is held
 * first; the manager sees the order on their list; the server refuses to start a development
 * conversation that must wait, with a translated message.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, mailOutbox } from '../../src/db/schema/index';
import { testApp, type TestContext } from '../support/app';
import { daysFromToday } from '../support/one-on-one.factories';
import { makeRoundWorld, roundBody, roundClients, type RoundWorld } from './rounds.factories';

let ctx: TestContext;
let w: RoundWorld;
let c: Awaited<ReturnType<typeof roundClients>>;
const templates: Record<string, string> = {};

type Item = {
  id: string;
  kind: string;
  round: { id: string } | null;
  employee: { id: string };
  salaryFirst: { rule: string; held: boolean } | null;
};

beforeAll(async () => {
  ctx = await testApp();
  w = await makeRoundWorld(ctx.database.db, 'salary-first');
  c = await roundClients(ctx.app, w);
  const list = (await c.hr.get('/api/conversation-templates')).json();
  for (const t of list.items as { id: string; builtinKey: string | null }[])
    if (t.builtinKey) templates[t.builtinKey] = t.id;
});
afterAll(() => ctx.close());

const annasTeam = { type: 'manager', managerId: 'x' };
const open = async (over: Record<string, unknown>) =>
  c.hr.post(
    '/api/rounds',
    roundBody(templates.development!, { ...annasTeam, managerId: w.anna.id }, over),
  );
const annasList = async (): Promise<Item[]> =>
  (await c.anna.get('/api/conversations?as=manager')).json().items;
const booking = { date: daysFromToday(7), time: '10:00', place: { kind: 'room' } };

describe('a development round with the salary round first', () => {
  let salaryRound: string;
  let requireRound: string;
  let warnRound: string;

  it('HR ties a development round to a salary round, warning or requiring', async () => {
    const salary = await open({ kind: 'salary', templateId: templates.salary, name: 'Lön 2027' });
    expect(salary.statusCode).toBe(201);
    salaryRound = salary.json().round.id;
    const strict = await open({ salaryFirst: { roundId: salaryRound, rule: 'require' } });
    expect(strict.statusCode).toBe(201);
    expect(strict.json().round.salaryFirst).toEqual({ roundId: salaryRound, rule: 'require' });
    requireRound = strict.json().round.id;
    const loose = await open({
      name: 'MUS 2027 (warn)',
      salaryFirst: { roundId: salaryRound, rule: 'warn' },
    });
    warnRound = loose.json().round.id;
    expect((await c.hr.get(`/api/rounds/${warnRound}`)).json().salaryFirst).toEqual({
      roundId: salaryRound,
      rule: 'warn',
    });
  });

  it('refuses a salary-first order on another kind of round, or pointing at a non-salary round', async () => {
    const notDevelopment = await open({
      kind: 'salary',
      templateId: templates.salary,
      salaryFirst: { roundId: salaryRound, rule: 'warn' },
    });
    expect(notDevelopment.statusCode).toBe(400);
    expect(notDevelopment.json().error).toMatchObject({
      code: 'round.salary_first_development_only',
    });
    expect(notDevelopment.json().error.fields[0].path).toBe('salaryFirst');
    const wrong = await open({ salaryFirst: { roundId: requireRound, rule: 'warn' } });
    expect(wrong.json().error.code).toBe('round.salary_round_not_found');
    expect(wrong.json().error.fields[0].path).toBe('salaryFirst.roundId');
    const foreign = await c.stranger.post(
      '/api/rounds',
      roundBody(
        templates.development!,
        { type: 'all' },
        {
          salaryFirst: { roundId: salaryRound, rule: 'warn' },
        },
      ),
    );
    expect(foreign.statusCode).toBeGreaterThanOrEqual(400);
    expect(foreign.statusCode).toBeLessThan(500);
  });

  it('shows the manager the order on their list, and not on the salary conversation', async () => {
    const items = await annasList();
    const mine = (round: string) =>
      items.find((i) => i.round?.id === round && i.employee.id === w.emp1.id)!;
    expect(mine(requireRound).salaryFirst).toEqual({ rule: 'require', held: false });
    expect(mine(warnRound).salaryFirst).toEqual({ rule: 'warn', held: false });
    expect(mine(salaryRound).salaryFirst).toBeNull();
  });

  it('names the salary round to hold first in the round’s reminder mails, in the manager’s language', async () => {
    const reminder = async (round: string) => {
      expect((await c.hr.post(`/api/rounds/${round}/remind`)).statusCode).toBe(200);
      const rows = await ctx.database.db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.orgId, w.org.id), eq(mailOutbox.recipientId, w.anna.id)));
      return rows.find((m) => m.dedupeKey.startsWith(`round.reminder:${round}:`))!.textBody;
    };
    // Anna reads Danish; none of her employees has had the salary conversation yet.
    expect(await reminder(requireRound)).toMatch(
      /Lønsamtalen i Lön 2027 kommer først: \d+ af dine MUS/,
    );
    expect(await reminder(warnRound)).toContain('Hold helst lønsamtalerne i Lön 2027 først');
    // The salary round's own reminder says nothing of the kind.
    expect(await reminder(salaryRound)).not.toContain('Lön 2027 først');
  });

  it('refuses to start a development conversation that requires the salary one first, in the manager’s language', async () => {
    const items = await annasList();
    const strict = items.find((i) => i.round?.id === requireRound && i.employee.id === w.emp1.id)!;
    const loose = items.find((i) => i.round?.id === warnRound && i.employee.id === w.emp1.id)!;
    for (const id of [strict.id, loose.id])
      expect(
        (await c.anna.request('PUT', `/api/conversations/${id}/booking`, booking)).statusCode,
      ).toBe(200);

    const refused = await c.anna.post(`/api/conversations/${strict.id}/start`, { holdNow: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('conversation.salary_first');
    // Anna reads Danish.
    expect(refused.json().error.message).toContain('lønsamtalen');
    // Only warned: the manager may go ahead.
    const warned = await c.anna.post(`/api/conversations/${loose.id}/start`, { holdNow: true });
    expect(warned.statusCode).toBe(200);
    expect(warned.json().status).toBe('held');

    // Once the salary conversation is held, the order is met and the start goes through.
    await ctx.database.db
      .update(conversations)
      .set({ status: 'held', heldAt: new Date() })
      .where(
        and(
          eq(conversations.orgId, w.org.id),
          eq(conversations.roundId, salaryRound),
          eq(conversations.employeeId, w.emp1.id),
        ),
      );
    const after = (await annasList()).find((i) => i.id === strict.id)!;
    expect(after.salaryFirst).toEqual({ rule: 'require', held: true });
    const started = await c.anna.post(`/api/conversations/${strict.id}/start`, { holdNow: true });
    expect(started.statusCode).toBe(200);
    expect(started.json().salaryFirst).toEqual({ rule: 'require', held: true });
  });
});
