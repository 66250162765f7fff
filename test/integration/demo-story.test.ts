/**
 * The demo tells README's story (issue #15): every sign-in starts with something to do and a
 * history to look at.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/demo';
import {
  conversationPreparations,
  conversations,
  oneOnOneMeetings,
  oneOnOneNotes,
  people,
  statisticsWellbeingGroups,
} from '../../src/db/schema/index';
import { Client, testApp, type TestContext } from '../support/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testApp();
  await seedDemo(ctx.database.db);
});
afterAll(() => ctx.close());

async function signedIn(email: string) {
  const c = new Client(ctx.app);
  expect((await c.login(email, DEMO_PASSWORD)).statusCode).toBe(200);
  return c;
}

type Mine = {
  actions: unknown[];
  minutes: { acknowledgedAt: string | null }[];
};

it('the Swedish employee has 1:1 minutes, unread ones among them, and an action of his own', async () => {
  const erik = await signedIn('medarbetare@samtal.demo');
  const mine = (await erik.get('/api/one-on-ones/mine')).json() as Mine;
  expect(mine.minutes.length).toBeGreaterThanOrEqual(3);
  expect(mine.minutes.some((m) => m.acknowledgedAt === null)).toBe(true);
  expect(mine.actions.length).toBeGreaterThanOrEqual(1);
});

it('the Danish employee has 1:1 minutes and a signed MUS', async () => {
  const sofie = await signedIn('medarbejder@samtal.demo');
  const mine = (await sofie.get('/api/one-on-ones/mine')).json() as Mine;
  expect(mine.minutes.length).toBeGreaterThanOrEqual(2);
  const db = ctx.database.db;
  const [me] = await db.select().from(people).where(eq(people.email, 'medarbejder@samtal.demo'));
  const signed = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.employeeId, me!.id), eq(conversations.status, 'signed')));
  expect(signed).toHaveLength(1);
});

it("the Danish manager's signed MUS was held in a meeting, prepared by both, with agreed notes", async () => {
  const db = ctx.database.db;
  const [lars] = await db.select().from(people).where(eq(people.email, 'lars@samtal.demo'));
  const [c] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.employeeId, lars!.id), isNotNull(conversations.meetingId)));
  expect(c!.status).toBe('signed');
  const [meeting] = await db
    .select()
    .from(oneOnOneMeetings)
    .where(eq(oneOnOneMeetings.id, c!.meetingId!));
  expect(meeting!.status).toBe('held');
  const notes = await db
    .select()
    .from(oneOnOneNotes)
    .where(eq(oneOnOneNotes.meetingId, meeting!.id));
  expect(notes.length).toBeGreaterThan(0);
  const preps = await db
    .select()
    .from(conversationPreparations)
    .where(
      and(
        eq(conversationPreparations.conversationId, c!.id),
        isNotNull(conversationPreparations.submittedAt),
      ),
    );
  expect(preps.map((p) => p.authorRole).sort()).toEqual(['employee', 'manager']);
});

it('half a year of 1:1s has notes and decisions, not only check-ins', async () => {
  const db = ctx.database.db;
  const [ahmed] = await db.select().from(people).where(eq(people.email, 'ahmed@samtal.demo'));
  const decided = await db
    .select({ decision: oneOnOneNotes.decision })
    .from(oneOnOneNotes)
    .innerJoin(oneOnOneMeetings, eq(oneOnOneMeetings.id, oneOnOneNotes.meetingId))
    .where(eq(oneOnOneMeetings.employeeId, ahmed!.id));
  expect(decided.filter((n) => n.decision !== '').length).toBeGreaterThanOrEqual(4);
});

it('HR sees the wellbeing of the whole organisation for the last closed quarter (5 answered)', async () => {
  const hr = await signedIn('hr@samtal.demo');
  expect((await hr.get('/api/statistics')).statusCode).toBe(200);
  const [all] = await ctx.database.db
    .select()
    .from(statisticsWellbeingGroups)
    .where(eq(statisticsWellbeingGroups.kind, 'all'));
  expect(all!.status).toBe('published');
  expect(all!.people).toBeGreaterThanOrEqual(5);
});
