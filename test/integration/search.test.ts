/**
 * Search (issue #15, decision 027): each language's own word forms, ranking, marked words, and
 * who finds what — only what the reader may read as one of a pair; never private notes,
 * reflections or sealed reminders, never HR or an admin by their role, never another tenant.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationPreparations } from '../../src/db/schema';
import type { SearchResult } from '../../src/contracts/search';
import { segmentsOf, type SearchConfig } from '../../src/domain/search/search';
import { searchRepository } from '../../src/server/repositories/search.repository';
import type { Client } from '../support/app';
import { signedIn, testApp, type TestContext } from '../support/app';
import {
  bookSeries,
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';
import { goalBody, makeHeldConversation } from './goals.factories';

type Who = 'manager' | 'employee' | 'otherManager' | 'hr' | 'admin' | 'stranger';
const WHO: Who[] = ['manager', 'employee', 'otherManager', 'hr', 'admin', 'stranger'];

let ctx: TestContext;
let w: OneOnOneWorld;
let w2: OneOnOneWorld;
let c: Record<Who | 'otherReport' | 'tenant2', Client>;
const ids = {} as Record<
  'held' | 'open' | 'topic' | 'note' | 'action' | 'goal' | 'conversation',
  string
>;

const PRIVATE_WORD = 'hemlighetsfull';
const REFLECTION_WORD = 'eftertänksam';
const OTHER_PAIR_WORD = 'grannteamet';

const search = (x: Client, q: string) => x.get(`/api/search?q=${encodeURIComponent(q)}`);
const found = async (x: Client, q: string) => {
  const res = await search(x, q);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as SearchResult[];
};
const plain = (s: SearchResult['title']) => (s ?? []).map((x) => x.text).join('');
const plainMarked = (s: string) =>
  segmentsOf(s)
    .map((x) => x.text)
    .join('');

beforeAll(async () => {
  ctx = await testApp();
  const db = ctx.database.db;
  w = await makeOneOnOneWorld(db, 'search');
  w2 = await makeOneOnOneWorld(db, 'search2');
  c = {
    ...(await clientsFor(ctx.app, w)),
    otherReport: await signedIn(ctx.app, w.otherReport.email),
    tenant2: await signedIn(ctx.app, w2.manager.email),
  };
  const { meetings } = await bookSeries(c.manager, w.employee.id, { startDate: daysFromToday(1) });
  ids.held = meetings[0]!.id;
  ids.open = meetings[1]!.id;
  for (const title of [
    'Samtalerne med kunderne',
    'Medarbeidersamtalene neste år',
    'Conversations about workload',
  ]) {
    const res = await c.manager.post(`/api/one-on-ones/meetings/${ids.open}/points`, { title });
    expect(res.statusCode, res.body).toBe(201);
  }
  const topic = await c.employee.post(`/api/one-on-ones/meetings/${ids.held}/points`, {
    title: 'Samtalen om arbetsmiljön <b>fet</b>',
  });
  expect(topic.statusCode, topic.body).toBe(201);
  ids.topic = topic.json().id;
  const agenda = (await c.manager.get(`/api/one-on-ones/meetings/${ids.held}`)).json().agenda;
  ids.note = (
    await c.employee.request('PUT', `/api/one-on-ones/points/${agenda[0].id}/note`, {
      body: 'Vi pratade länge om kunderna och om hur utbildningen i våras gick för hela gruppen.',
      decision: 'Vi ses oftare i lunchrummet.',
      baseVersion: 0,
    })
  ).json().id;
  ids.action = (
    await c.manager.post(`/api/one-on-ones/meetings/${ids.held}/actions`, {
      title: 'Boka utbildningen i presentationsteknik',
      ownerId: w.employee.id,
    })
  ).json().id;
  for (const x of [c.manager, c.employee]) {
    const res = await x.request('PUT', `/api/one-on-ones/meetings/${ids.held}/private-note`, {
      body: `Ett ${PRIVATE_WORD} samtal`,
      baseVersion: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  expect((await c.manager.post(`/api/one-on-ones/meetings/${ids.held}/finish`)).statusCode).toBe(
    200,
  );
  await c.manager.request('PUT', `/api/one-on-ones/meetings/${ids.held}/reflection`, {
    topics: [{ title: 'Samtalen', howItWent: REFLECTION_WORD, why: '', doDifferently: '' }],
    notes: REFLECTION_WORD,
  });
  // A goal of the pair's development conversation.
  const pair = { managerId: w.manager.id, employeeId: w.employee.id };
  ids.conversation = (await makeHeldConversation(db, w.org.id, pair)).id;
  const goal = await c.manager.post(
    `/api/conversations/${ids.conversation}/goals`,
    goalBody('Leda teamets veckomöten', { description: 'Fler samtal i teamet' }),
  );
  expect(goal.statusCode, goal.body).toBe(201);
  ids.goal = goal.json().id;
  // Another pair of the same organisation, and a pair of another organisation, write the
  // same words.
  const other = await bookSeries(c.otherManager, w.otherReport.id, {
    startDate: daysFromToday(1),
  });
  await c.otherManager.post(`/api/one-on-ones/meetings/${other.meetings[0]!.id}/points`, {
    title: `Samtalen med ${OTHER_PAIR_WORD}`,
  });
  const c2 = await clientsFor(ctx.app, w2);
  const t2 = await bookSeries(c2.manager, w2.employee.id, { startDate: daysFromToday(1) });
  await c2.manager.post(`/api/one-on-ones/meetings/${t2.meetings[0]!.id}/points`, {
    title: 'Samtalen i den andra organisationen',
  });
});
afterAll(() => ctx.close());

describe('search: word forms', () => {
  const kinds = async (configs: SearchConfig[], q: string) =>
    (
      await searchRepository.search(ctx.database.db, {
        orgId: w.org.id,
        personId: w.manager.id,
        q,
        queryConfigs: configs,
        headlineConfig: configs[0]!,
        limit: 20,
      })
    ).map((r) => `${r.kind}:${plainMarked(r.title ?? r.snippet ?? '')}`);

  it('finds a word in its own forms in Swedish, Danish, Norwegian and English', async () => {
    expect(await kinds(['swedish'], 'samtal')).toContain(
      'topic:Samtalen om arbetsmiljön <b>fet</b>',
    );
    expect((await kinds(['swedish'], 'utbildning')).map((k) => k.split(':')[0])).toEqual(
      expect.arrayContaining(['action', 'note']),
    );
    expect(await kinds(['danish'], 'samtale')).toContain('topic:Samtalerne med kunderne');
    expect(await kinds(['norwegian'], 'medarbeidersamtale')).toContain(
      'topic:Medarbeidersamtalene neste år',
    );
    expect(await kinds(['english'], 'conversation')).toContain(
      'topic:Conversations about workload',
    );
    // A word that is not there finds nothing; nor does a query of stop words only.
    expect(await kinds(['swedish'], 'flodhäst')).toEqual([]);
    expect(await kinds(['swedish'], 'och att')).toEqual([]);
  });

  it('reads the query in the reader’s language and the organisation’s', async () => {
    // The Danish employee of a Swedish organisation finds the Swedish "utbildningen".
    const items = await found(c.employee, 'utbildning');
    expect(items.map((i) => i.kind)).toEqual(expect.arrayContaining(['action', 'note']));
  });
});

describe('search: ranking and marked words', () => {
  it('ranks a word in a title above the same word in a long note', async () => {
    const items = await found(c.manager, 'utbildningen');
    const kinds = items.map((i) => i.kind);
    expect(kinds.indexOf('action')).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf('action')).toBeLessThan(kinds.indexOf('note'));
  });

  it('marks the found words as plain segments, never as markup', async () => {
    const [topic] = (await found(c.manager, 'samtal arbetsmiljön')).filter(
      (i) => i.kind === 'topic' && i.id === ids.topic,
    );
    expect(topic!.title).toEqual([
      { text: 'Samtalen', match: true },
      { text: ' om ', match: false },
      { text: 'arbetsmiljön', match: true },
      { text: ' <b>fet</b>', match: false },
    ]);
    expect(topic!.meetingId).toBe(ids.held);
    expect(topic!.with).toEqual({ id: w.employee.id, name: w.employee.name });
    const [note] = (await found(c.manager, 'lunchrummet')).filter((i) => i.kind === 'note');
    expect(note!.snippet!.filter((x) => x.match).map((x) => x.text)).toEqual(['lunchrummet']);
    const [goal] = (await found(c.employee, 'veckomöte')).filter((i) => i.kind === 'goal');
    expect(goal!.conversationId).toBe(ids.conversation);
    expect(goal!.with.id).toBe(w.manager.id);
  });

  it('finds the decision minutes of a held meeting', async () => {
    const items = await found(c.employee, 'lunchrum');
    expect(items.find((i) => i.kind === 'minutes')?.meetingId).toBe(ids.held);
  });
});

describe('search: who finds what', () => {
  const pairContent = ['samtalen', 'utbildningen', 'lunchrummet', 'veckomöten'];

  it('finds the pair’s content for the pair only: not another manager, HR, an admin or another organisation', async () => {
    const expected: Record<Who, boolean> = {
      manager: true,
      employee: true,
      otherManager: false,
      hr: false,
      admin: false,
      stranger: false,
    };
    for (const who of WHO) {
      for (const q of pairContent) {
        const items = await found(c[who], q);
        const ours = items.filter((i) =>
          [ids.topic, ids.note, ids.action, ids.goal, ids.held].includes(i.id),
        );
        expect(ours.length > 0, `${who} searching ${q}`).toBe(expected[who]);
      }
    }
    expect((await found(c.tenant2, 'samtalen')).map((i) => plain(i.title))).toEqual([
      'Samtalen i den andra organisationen',
    ]);
  });

  it('finds another pair’s content for that pair only', async () => {
    for (const who of WHO) {
      const items = await found(c[who], OTHER_PAIR_WORD);
      expect(items.length, who).toBe(who === 'otherManager' ? 1 : 0);
    }
    expect(await found(c.otherReport, OTHER_PAIR_WORD)).toHaveLength(1);
  });

  it('never finds private notes or reflections, not even for their author', async () => {
    for (const who of [...WHO, 'otherReport' as const]) {
      expect(await found(c[who], PRIVATE_WORD), who).toEqual([]);
      expect(await found(c[who], REFLECTION_WORD), who).toEqual([]);
    }
  });
});

describe('search: development-conversation preparations', () => {
  const EMPLOYEE_WORD = 'kompetensväxlingen';
  const MANAGER_WORD = 'ledarskapsresan';
  const DRAFT_WORD = 'utkastsmeningen';
  let booked: string;

  beforeAll(async () => {
    const db = ctx.database.db;
    const pair = { managerId: w.manager.id, employeeId: w.employee.id };
    booked = (await makeHeldConversation(db, w.org.id, pair, { status: 'booked', heldAt: null }))
      .id;
    const held = (await makeHeldConversation(db, w.org.id, pair)).id;
    const prep = (
      conversationId: string,
      role: 'employee' | 'manager',
      text: string,
      submitted: boolean,
    ) => ({
      orgId: w.org.id,
      id: randomUUID(),
      conversationId,
      authorId: role === 'employee' ? w.employee.id : w.manager.id,
      authorRole: role,
      answers: { how: `Jag vill prata om ${text}.`, focus: 'Mer tid.', scale: 4, pick: 'course' },
      submittedAt: submitted ? new Date() : null,
    });
    await db
      .insert(conversationPreparations)
      .values([
        prep(booked, 'employee', EMPLOYEE_WORD, true),
        prep(booked, 'manager', MANAGER_WORD, false),
        prep(held, 'manager', DRAFT_WORD, false),
      ]);
  });

  const finds = async (who: Client, q: string) =>
    (await found(who, q)).filter((i) => i.kind === 'preparation');

  it('finds one’s own preparation, and the other’s only after the reveal', async () => {
    // Only the employee has submitted: each finds their own, neither the other's.
    expect(await finds(c.employee, EMPLOYEE_WORD)).toHaveLength(1);
    expect(await finds(c.manager, MANAGER_WORD)).toHaveLength(1);
    expect(await finds(c.manager, EMPLOYEE_WORD)).toEqual([]);
    expect(await finds(c.employee, MANAGER_WORD)).toEqual([]);
    const [own] = await finds(c.employee, EMPLOYEE_WORD);
    expect(own!.conversationId).toBe(booked);
    expect(own!.with.id).toBe(w.manager.id);
    // The free-text answers in the template's order; a scale or a choice is not text.
    expect(plain(own!.snippet)).toMatch(
      new RegExp(`^Jag vill prata om ${EMPLOYEE_WORD}. · Mer tid`),
    );
    expect(plain(own!.snippet)).not.toMatch(/course|4/);
    // Both submitted: both see both.
    await ctx.database.db
      .update(conversationPreparations)
      .set({ submittedAt: new Date() })
      .where(eq(conversationPreparations.conversationId, booked));
    expect(await finds(c.manager, EMPLOYEE_WORD)).toHaveLength(1);
    expect(await finds(c.employee, MANAGER_WORD)).toHaveLength(1);
  });

  it('never finds a draft of the other, even after the meeting, nor anyone’s for HR or others', async () => {
    expect(await finds(c.employee, DRAFT_WORD)).toEqual([]);
    expect(await finds(c.manager, DRAFT_WORD)).toHaveLength(1);
    for (const who of ['otherManager', 'hr', 'admin', 'stranger'] as const) {
      for (const q of [EMPLOYEE_WORD, MANAGER_WORD, DRAFT_WORD]) {
        expect(await finds(c[who], q), `${who} ${q}`).toEqual([]);
      }
    }
    expect(await finds(c.tenant2, EMPLOYEE_WORD)).toEqual([]);
  });
});

describe('search: input', () => {
  it('refuses an empty or over-long query with a translated field error', async () => {
    for (const q of ['', '   ', 'x'.repeat(201)]) {
      const res = await search(c.manager, q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.fields[0].path).toBe('q');
    }
    const da = await c.employee.get('/api/search?q=');
    expect(da.json().error.fields[0].message).not.toMatch(/characters/);
    // Markup and query operators are words like any other.
    for (const q of ['<script>', '"', '!!&|', 'a:*', "'; drop table people; --"]) {
      expect((await search(c.manager, q)).statusCode, q).toBe(200);
    }
  });

  it('slows a person down after many searches in a minute', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await search(c.otherReport, `ord${i}`)).statusCode;
    expect(last).toBe(429);
    const res = await search(c.otherReport, 'ord');
    expect(res.json().error.code).toBe('search.rate_limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Someone else is not slowed down.
    expect((await search(c.otherManager, 'ord')).statusCode).toBe(200);
  });
});
