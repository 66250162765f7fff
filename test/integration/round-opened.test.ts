/**
 * "A round has opened" (issue #15): when HR opens a round, each manager in it gets one mail and
 * one in-app notification (how many conversations, by when) and each employee one ("your
 * manager will book a time"), in their language; written once however often the round is
 * reopened or the mails are written again; the person's round-mail switch respected; HR, who
 * opened it, gets nothing of anyone's.
 */
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conversations,
  mailOutbox,
  notifications,
  notificationSettings,
} from '../../src/db/schema/index';
import { queryRows } from '../../src/db/client';
import type { Actor } from '../../src/domain/roles';
import { FAST_TIMING, JobQueue } from '../../src/server/jobs/queue';
import { JOB_KINDS } from '../../src/server/jobs/workers';
import { createMailer } from '../../src/server/mail/mailer';
import { announceRound } from '../../src/server/mail/round-opened';
import { createRoundService } from '../../src/server/services/round.service';
import { signedIn, testApp, type Client, type TestContext } from '../support/app';
import { makePerson } from '../support/factories';
import { makeRoundWorld, roundBody, roundClients, type RoundWorld } from './rounds.factories';

let ctx: TestContext;
let w: RoundWorld;
let c: Awaited<ReturnType<typeof roundClients>>;
let bo: Client;
let roundId: string;

const roundMails = (personId?: string) =>
  ctx.database.db
    .select()
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.orgId, w.org.id),
        like(mailOutbox.kind, 'round.%'),
        ...(personId ? [eq(mailOutbox.recipientId, personId)] : []),
      ),
    );
const roundNotifications = (personId: string) =>
  ctx.database.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.orgId, w.org.id),
        eq(notifications.personId, personId),
        like(notifications.kind, 'round.%'),
      ),
    );
type Item = { kind: string; link: string; actor: { name: string } | null; params: object };
const listOf = async (client: Client) =>
  ((await client.get('/api/me/notifications?limit=100')).json() as { items: Item[] }).items;

beforeAll(async () => {
  ctx = await testApp();
  w = await makeRoundWorld(ctx.database.db, 'ropen');
  c = await roundClients(ctx.app, w);
  bo = await signedIn(ctx.app, w.bo.email);
  // Elin has switched round mails off: no mail, and so no notification either.
  await ctx.database.db
    .insert(notificationSettings)
    .values({ orgId: w.org.id, personId: w.emp2.id, rounds: false });
  const list = await c.hr.get('/api/conversation-templates');
  const templateId = list
    .json()
    .items.find((t: { builtinKey: string }) => t.builtinKey === 'development').id;
  const res = await c.hr.post(
    '/api/rounds',
    roundBody(templateId, { type: 'department', departmentId: w.sales.id, includeSubunits: true }),
  );
  expect(res.statusCode).toBe(201);
  roundId = res.json().round.id;
});
afterAll(() => ctx.close());

describe('a round has opened', () => {
  it('tells each manager once, in their language, how many conversations to book by when', async () => {
    // Conversations: Anna (manager Cecilia), Emil, Elin and Bo (manager Anna), Eva (manager Bo).
    const opened = (await roundMails()).filter((m) => m.kind === 'round.opened');
    expect(opened.map((m) => m.recipientId).sort()).toEqual([w.ceo.id, w.anna.id, w.bo.id].sort());
    const toAnna = opened.find((m) => m.recipientId === w.anna.id)!;
    expect(toAnna.locale).toBe('da');
    expect(toAnna.subject).toBe('MUS 2027 er åbnet: book dine samtaler senest 15. marts 2027');
    expect(toAnna.textBody).toContain('3 samtaler med dine medarbejdere');
    expect(toAnna.htmlBody).toContain(`${ctx.app.config.publicUrl}/conversations"`);
    const [n] = await roundNotifications(w.anna.id).then((r) =>
      r.filter((x) => x.kind === 'round.opened'),
    );
    expect(n).toMatchObject({
      roundId,
      actorId: null,
      params: { round: 'MUS 2027', deadline: '2027-03-15', count: 3, roundKind: 'development' },
    });
    const item = (await listOf(c.anna)).find((i) => i.kind === 'round.opened')!;
    expect(item.link).toBe('/conversations');
  });

  it('tells each employee their manager will book a time, linking to their conversation', async () => {
    const included = (await roundMails()).filter((m) => m.kind === 'round.included');
    // Elin switched round mails off.
    expect(included.map((m) => m.recipientId).sort()).toEqual(
      [w.anna.id, w.emp1.id, w.bo.id, w.emp3.id].sort(),
    );
    const [conv] = await ctx.database.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.roundId, roundId), eq(conversations.employeeId, w.emp1.id)));
    const item = (await listOf(c.emp1)).find((i) => i.kind === 'round.included')!;
    expect(item).toMatchObject({
      link: `/conversations/${conv!.id}`,
      actor: { name: 'Anna Chef' },
      params: { round: 'MUS 2027', roundKind: 'development' },
    });
    const toEmil = included.find((m) => m.recipientId === w.emp1.id)!;
    expect(toEmil.textBody).toContain('Anna Chef');
    expect(await roundNotifications(w.emp2.id)).toEqual([]);
    // Bo is both: a manager in the round and an employee in it.
    expect((await listOf(bo)).map((i) => i.kind).sort()).toEqual([
      'round.included',
      'round.opened',
    ]);
  });

  it('HR, who opened it and is in no conversation of it, gets nothing', async () => {
    expect(await roundMails(w.hr.id)).toEqual([]);
    expect(await listOf(c.hr)).toEqual([]);
    // And the organisation's mailbox shows HR envelopes only (decision 025), not these mails' text.
    const own = await c.hr.get('/api/me/mail');
    expect(JSON.stringify(own.json())).not.toContain('MUS 2027');
  });

  it('closing and reopening, or writing the mails again, sends nothing twice', async () => {
    const before = (await roundMails()).length;
    expect((await c.hr.patch(`/api/rounds/${roundId}`, { closed: true })).statusCode).toBe(200);
    expect((await c.hr.patch(`/api/rounds/${roundId}`, { closed: false })).statusCode).toBe(200);
    expect(
      await announceRound(
        ctx.database.db,
        { mailer: ctx.app.mailer, publicUrl: 'https://samtal.test' },
        w.org.id,
        roundId,
      ),
    ).toBe(0);
    expect((await roundMails()).length).toBe(before);
    expect((await roundNotifications(w.anna.id)).length).toBe(2); // opened + included
  });

  it('a newcomer added later is told; their manager is not told the round opened again', async () => {
    const newbie = await makePerson(ctx.database.db, w.org.id, {
      email: 'newbie-ropen@r.test',
      name: 'Nils Ny',
      managerId: w.bo.id,
      departmentId: w.north.id,
      locale: 'nb',
    });
    const res = await c.hr.post(`/api/rounds/${roundId}/newcomers`);
    expect(res.json().created).toBe(1);
    const mine = await roundMails(newbie.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toBe('MUS 2027: din medarbeidersamtale med Bo Mellanchef');
    expect((await roundMails(w.bo.id)).filter((m) => m.kind === 'round.opened')).toHaveLength(1);
  });
});

describe('with a job queue', () => {
  it('opening queues one job in the round’s transaction; the job writes the mails and their deliveries in batches', async () => {
    const queue = new JobQueue(ctx.database, FAST_TIMING);
    await queue.start(JOB_KINDS);
    try {
      const mailer = createMailer({
        queue,
        transport: null,
        from: 'x@y',
        messageIdDomain: 'samtal.test',
      });
      const rounds = createRoundService(ctx.database.db, {
        mailer,
        publicUrl: 'https://samtal.test',
        queue,
      });
      const hr: Actor = {
        orgId: w.org.id,
        personId: w.hr.id,
        name: 'Hanna HR',
        email: w.hr.email,
        roles: ['hr'],
        locale: 'sv',
        timeZone: 'Europe/Stockholm',
        sessionId: 'test',
        directReports: 0,
      };
      const template = (await c.hr.get('/api/conversation-templates'))
        .json()
        .items.find((t: { kind: string }) => t.kind === 'wellbeing');
      const { round } = await rounds.open(
        hr,
        roundBody(
          template.id,
          { type: 'manager', managerId: w.bo.id },
          {
            kind: 'wellbeing',
            name: 'Trivsel 2027',
          },
        ) as Parameters<typeof rounds.open>[1],
      );
      const jobs = async (name: string) =>
        queryRows<{ n: number }>(
          ctx.database.db,
          sql`select count(*)::int as n from pgboss.job where name = ${name}`,
        ).then((r) => Number(r[0]?.n));
      // Nothing is written in the request; one job waits for it.
      expect(await jobs('rounds.opened')).toBe(1);
      expect((await roundMails()).filter((m) => m.dedupeKey.includes(round.id))).toEqual([]);
      const deliveriesBefore = await jobs('mail.deliver');
      // What the worker does with it.
      const n = await announceRound(
        ctx.database.db,
        { mailer, publicUrl: 'https://samtal.test' },
        w.org.id,
        round.id,
      );
      // Bo, manager of Eva, Erik and Nils (the newcomer above), and the three of them.
      expect(n).toBe(4);
      expect(await jobs('mail.deliver')).toBe(deliveriesBefore + 4);
      const toBo = (await roundMails(w.bo.id)).find(
        (m) => m.kind === 'round.opened' && m.dedupeKey.includes(round.id),
      )!;
      expect(toBo.subject).toContain('Trivsel 2027');
      expect(toBo.textBody).toContain('En omgång trivselsamtal har öppnat');
    } finally {
      await queue.stop();
    }
  });
});
