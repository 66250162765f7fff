/**
 * Seed 004: a manager books a salary, wellbeing or development conversation with a report on
 * their own, without waiting for an HR round. It is the same booking a round's conversation
 * gets (meeting, invitation to both), audited without content, and only for one's own reports.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, conversations, mailOutbox } from '../../src/db/schema/index';
import { testApp, type TestContext } from '../support/app';
import {
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'own-conv');
  c = await clientsFor(ctx.app, w);
});
afterAll(() => ctx.close());

const body = (employeeId: string, kind: string, over: Record<string, unknown> = {}) => ({
  employeeId,
  kind,
  booking: { date: daysFromToday(5), time: '14:00', place: { kind: 'walk_and_talk' } },
  ...over,
});

describe('a conversation the manager books on their own', () => {
  it('books a salary, a wellbeing and a development conversation, each outside any round', async () => {
    for (const kind of ['salary', 'wellbeing', 'development']) {
      const res = await c.manager.post('/api/conversations', body(w.employee.id, kind));
      expect(res.statusCode).toBe(201);
      const page = res.json();
      expect(page).toMatchObject({ kind, status: 'booked', round: null, myRole: 'manager' });
      expect(page.meeting).toMatchObject({ localDate: daysFromToday(5), localTime: '14:00' });
      expect(page.template.sections.length).toBeGreaterThan(0);
    }
    const rows = await ctx.database.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.orgId, w.org.id), eq(conversations.employeeId, w.employee.id)));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.roundId === null && r.managerId === w.manager.id)).toBe(true);
    // The employee finds them on their own list.
    const theirs = (await c.employee.get('/api/conversations?as=employee')).json().items;
    expect(theirs.map((i: { kind: string }) => i.kind).sort()).toEqual([
      'development',
      'salary',
      'wellbeing',
    ]);
  });

  it('tells the employee as a round’s conversation does: an invitation by mail', async () => {
    const mails = await ctx.database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.orgId, w.org.id), eq(mailOutbox.recipientId, w.employee.id)));
    expect(mails.length).toBeGreaterThanOrEqual(3);
  });

  it('records who booked what kind for whom, and nothing of the content', async () => {
    const events = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, w.org.id), eq(auditEvents.action, 'conversation.created')));
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({
      actorId: w.manager.id,
      subjectType: 'person',
      subjectId: w.employee.id,
    });
    expect(Object.keys(events[0]!.details ?? {})).toEqual(['kind']);
  });

  it('refuses someone who is not a direct report, another organisation’s person, and other kinds', async () => {
    const notMine = await c.manager.post('/api/conversations', body(w.otherReport.id, 'salary'));
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().error).toMatchObject({ code: 'conversation.not_your_report' });
    expect(notMine.json().error.fields[0].path).toBe('employeeId');
    // The employee cannot book one with themselves, nor HR for anyone.
    expect(
      (await c.employee.post('/api/conversations', body(w.employee.id, 'salary'))).json().error
        .code,
    ).toBe('conversation.not_your_report');
    expect(
      (await c.hr.post('/api/conversations', body(w.employee.id, 'wellbeing'))).statusCode,
    ).toBe(400);
    const foreign = await c.stranger.post('/api/conversations', body(w.employee.id, 'salary'));
    expect(foreign.statusCode).toBe(404);
    const followUp = await c.manager.post('/api/conversations', body(w.employee.id, 'follow_up'));
    expect(followUp.statusCode).toBe(400);
    const past = await c.manager.post(
      '/api/conversations',
      body(w.employee.id, 'salary', {
        booking: { date: daysFromToday(-2), time: '14:00', place: { kind: 'room' } },
      }),
    );
    expect(past.json().error.code).toBe('oneOnOne.start_in_past');
    // Nothing was created by the refused attempts.
    const rows = await ctx.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.orgId, w.org.id));
    expect(rows).toHaveLength(3);
  });
});
