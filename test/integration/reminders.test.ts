/** Reminders: due times in the recipient's zone, quiet hours, once only, nothing to the inactive. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, oneOnOneActions, people } from '../../src/db/schema/index';
import { createMailer } from '../../src/server/mail/mailer';
import { sendDueReminders } from '../../src/server/mail/reminders';
import { testApp, type TestContext } from '../support/app';
import {
  bookSeries,
  clientsFor,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;
let first: { id: string; startsAt: string };
const mailer = createMailer({ queue: null, transport: null, from: 'x@y', messageIdDomain: 't' });
const run = (now: Date) => sendDueReminders(ctx.database.db, mailer, 'https://samtal.example', now);
const at = (base: string, hours: number) => new Date(new Date(base).getTime() + hours * 3_600_000);

const mails = (kind: string) =>
  ctx.database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.orgId, w.org.id), eq(mailOutbox.kind, kind)));

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'rem');
  c = await clientsFor(ctx.app, w);
  // Meetings at 09:00 Stockholm; the employee is Danish and lives in Copenhagen (same offset).
  first = (await bookSeries(c.manager, w.employee.id)).meetings[0]!;
  const res = await c.employee.post(`/api/one-on-ones/meetings/${first.id}/points`, {
    title: 'Kursus i foråret',
  });
  expect(res.statusCode).toBe(201);
});
afterAll(() => ctx.close());

describe('reminders', () => {
  it('asks the employee for topics two days before, once, in their language', async () => {
    expect(await run(at(first.startsAt, -50))).toBe(0); // 50 h before: too early
    await run(at(first.startsAt, -47)); // 47 h before, 10:00 local
    const sent = await mails('reminder.add_topics');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.recipientId).toBe(w.employee.id);
    expect(sent[0]!.subject).toContain('tilføj dine emner');
    await run(at(first.startsAt, -46));
    expect(await mails('reminder.add_topics')).toHaveLength(1);
  });

  it('waits out the manager’s quiet hours before "prepare", then lists the employee’s topics', async () => {
    // 13 h before 09:00 is 20:00: quiet. Nothing yet.
    await run(at(first.startsAt, -13));
    expect(await mails('reminder.prepare')).toHaveLength(0);
    // 02:00 local is still quiet.
    await run(at(first.startsAt, -7));
    expect(await mails('reminder.prepare')).toHaveLength(0);
    // 07:30 local: quiet hours are over.
    await run(at(first.startsAt, -1.5));
    const [prepare] = await mails('reminder.prepare');
    expect(prepare!.recipientId).toBe(w.manager.id);
    expect(prepare!.textBody).toContain('- Kursus i foråret');
  });

  it('nudges the manager to write notes and a reflection after the meeting', async () => {
    await run(at(first.startsAt, 1));
    const [reflect] = await mails('reminder.reflect');
    expect(reflect!.recipientId).toBe(w.manager.id);
  });

  it('sends a weekly digest of overdue actions on Monday morning, and nothing to the deactivated', async () => {
    const res = await c.manager.post(`/api/one-on-ones/meetings/${first.id}/actions`, {
      title: 'Skicka kursanmälan',
      ownerId: w.employee.id,
      dueDate: '2020-01-01',
    });
    expect(res.statusCode).toBe(201);
    const res2 = await c.manager.post(`/api/one-on-ones/meetings/${first.id}/actions`, {
      title: 'Boka rum',
      ownerId: w.manager.id,
      dueDate: '2020-01-02',
    });
    expect(res2.statusCode).toBe(201);
    await ctx.database.db
      .update(people)
      .set({ active: false })
      .where(and(eq(people.orgId, w.org.id), eq(people.id, w.manager.id)));
    const monday = new Date('2030-01-07T09:00:00Z'); // Monday 10:00 local
    await run(new Date('2030-01-07T06:30:00Z')); // Monday 07:30 local: not yet
    expect(await mails('reminder.digest')).toHaveLength(0);
    await run(monday);
    const digests = await mails('reminder.digest');
    expect(digests.map((d) => d.recipientId)).toEqual([w.employee.id]);
    expect(digests[0]!.subject).toBe('1 aktion har overskredet deadline');
    expect(digests[0]!.textBody).toContain('Skicka kursanmälan');
    await run(new Date('2030-01-08T09:00:00Z'));
    expect(await mails('reminder.digest')).toHaveLength(1);
    expect(
      await ctx.database.db
        .select()
        .from(oneOnOneActions)
        .where(eq(oneOnOneActions.orgId, w.org.id)),
    ).toHaveLength(2);
  });
});
