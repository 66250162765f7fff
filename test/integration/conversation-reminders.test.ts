/**
 * Before a booked conversation, each of the pair who has not submitted their written
 * preparation is reminded once, three days ahead at the meeting's wall-clock time in their own
 * zone, in their language, with a link to the conversation; whoever has submitted is not.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, mailOutbox, oneOnOneMeetings } from '../../src/db/schema/index';
import { formatWhen } from '../../src/server/mail/format';
import { createMailer } from '../../src/server/mail/mailer';
import { sendDueReminders } from '../../src/server/mail/reminders';
import { testApp, type TestContext } from '../support/app';
import {
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';
import { makeConversation } from './conversation.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;
let conversationId: string;
let startsAt: Date;
const mailer = createMailer({ queue: null, transport: null, from: 'x@y', messageIdDomain: 't' });
const run = (now: Date) => sendDueReminders(ctx.database.db, mailer, 'https://samtal.example', now);
const hoursBefore = (hours: number) => new Date(startsAt.getTime() - hours * 3_600_000);

const prepareMails = () =>
  ctx.database.db
    .select()
    .from(mailOutbox)
    .where(
      and(eq(mailOutbox.orgId, w.org.id), eq(mailOutbox.kind, 'reminder.conversation_prepare')),
    );

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'conv-remind');
  c = await clientsFor(ctx.app, w);
  conversationId = (
    await makeConversation(ctx.database.db, w.org.id, {
      managerId: w.manager.id,
      employeeId: w.employee.id,
    })
  ).id;
  const booked = await c.manager.request('PUT', `/api/conversations/${conversationId}/booking`, {
    date: daysFromToday(10),
    time: '13:00',
    place: { kind: 'room', detail: 'Lilla rummet' },
  });
  expect(booked.statusCode).toBe(200);
  const [row] = await ctx.database.db
    .select({ startsAt: oneOnOneMeetings.startsAt })
    .from(conversations)
    .innerJoin(
      oneOnOneMeetings,
      and(
        eq(oneOnOneMeetings.orgId, conversations.orgId),
        eq(oneOnOneMeetings.id, conversations.meetingId),
      ),
    )
    .where(eq(conversations.id, conversationId));
  startsAt = row!.startsAt;
  // The employee has already submitted; only the manager still has to prepare.
  const submitted = await c.employee.post(
    `/api/conversations/${conversationId}/preparation/submit`,
    {
      answers: { thriving: 4, proud: 'The archive', focus: ['course'] },
    },
  );
  expect(submitted.statusCode).toBe(200);
});
afterAll(() => ctx.close());

describe('reminders to prepare a booked conversation', () => {
  it('asks whoever has not submitted, three days ahead, once, with a link to the conversation', async () => {
    expect(await run(hoursBefore(4 * 24))).toBe(0); // four days before: too early
    await run(hoursBefore(72)); // three days before, 13:00 in Stockholm
    const sent = await prepareMails();
    expect(sent.map((m) => m.recipientId)).toEqual([w.manager.id]);
    // The manager reads the organisation's default language, Swedish.
    expect(sent[0]!.subject).toBe(
      `Utvecklingssamtal med ${w.employee.name} ${formatWhen(startsAt, 'sv', 'Europe/Stockholm')}: förbered dig skriftligt`,
    );
    expect(sent[0]!.textBody).toContain(`https://samtal.example/conversations/${conversationId}`);
    await run(hoursBefore(60));
    expect(await prepareMails()).toHaveLength(1);
  });

  it('asks nobody once both have submitted, and nothing for a cancelled booking', async () => {
    const book = async (time: string) => {
      const conversation = await makeConversation(ctx.database.db, w.org.id, {
        managerId: w.manager.id,
        employeeId: w.employee.id,
      });
      const res = await c.manager.request('PUT', `/api/conversations/${conversation.id}/booking`, {
        date: daysFromToday(10),
        time,
        place: { kind: 'room', detail: 'Lilla rummet' },
      });
      expect(res.statusCode).toBe(200);
      return conversation.id;
    };
    const prepared = await book('15:00');
    for (const [who, answers] of [
      ['employee', { thriving: 4, proud: 'The archive', focus: ['course'] }],
      ['manager', { thriving: 3, clear: true, focus: ['quality'] }],
    ] as const) {
      const res = await c[who].post(`/api/conversations/${prepared}/preparation/submit`, {
        answers,
      });
      expect(res.statusCode).toBe(200);
    }
    const cancelled = await book('16:00');
    const res = await c.manager.post(`/api/conversations/${cancelled}/booking/cancel`, {});
    expect(res.statusCode).toBe(200);

    await run(hoursBefore(68)); // three days before both of them, in working hours
    const keys = (await prepareMails()).map((m) => m.dedupeKey);
    expect(keys.filter((k) => k.includes(prepared) || k.includes(cancelled))).toEqual([]);
    expect(keys).toHaveLength(1); // only the first conversation's reminder to the manager
  });
});
