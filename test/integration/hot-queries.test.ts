/**
 * The SQL of the hot paths, as a reviewed snapshot (issue #17): every statement the meeting
 * page, the two homes, the three common writes, the HR statistics and the people search send,
 * with how many there are. A change to a query, a new one or an N+1 shows in the diff of
 * `hot-queries.sql` and fails this test until the snapshot is updated (`npx vitest run
 * test/integration/hot-queries.test.ts -u`) and the change reviewed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSql } from '../../src/db/sql-tap';
import { testApp, type Client, type TestContext } from '../support/app';
import {
  bookSeries,
  clientsFor,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;
let meetingId: string;
let pointId: string;
let actionId: string;

beforeAll(async () => {
  // Every request resolves its session (no cache), so the snapshot does not depend on order.
  ctx = await testApp({ SESSION_CACHE_SECONDS: '0' });
  w = await makeOneOnOneWorld(ctx.database.db, 'hot');
  c = await clientsFor(ctx.app, w);
  const { meetings } = await bookSeries(c.manager, w.employee.id);
  meetingId = meetings[0]!.id;
  pointId = (
    await c.employee.post(`/api/one-on-ones/meetings/${meetingId}/points`, { title: 'Kurser' })
  ).json().id;
  await c.employee.request('PUT', `/api/one-on-ones/points/${pointId}/note`, {
    body: 'Delt note',
    decision: '',
    baseVersion: 0,
  });
  actionId = (
    await c.manager.post(`/api/one-on-ones/meetings/${meetingId}/actions`, {
      title: 'Boka kurs',
      ownerId: w.employee.id,
    })
  ).json().id;
}, 120_000);
afterAll(() => ctx.close());

type Scenario = {
  name: string;
  who: keyof typeof c;
  run(me: Client): Promise<{ statusCode: number }>;
};

let noteVersion = 1;
const scenarios: Scenario[] = [
  {
    name: 'GET /api/pages/meeting/:id (manager)',
    who: 'manager',
    run: (me) => me.get(`/api/pages/meeting/${meetingId}`),
  },
  {
    name: 'GET /api/pages/meeting/:id (employee)',
    who: 'employee',
    run: (me) => me.get(`/api/pages/meeting/${meetingId}`),
  },
  { name: 'GET /api/pages/home (manager)', who: 'manager', run: (me) => me.get('/api/pages/home') },
  {
    name: 'GET /api/pages/home (employee)',
    who: 'employee',
    run: (me) => me.get('/api/pages/home'),
  },
  {
    name: 'POST /api/one-on-ones/meetings/:id/points (add a topic)',
    who: 'employee',
    run: (me) => me.post(`/api/one-on-ones/meetings/${meetingId}/points`, { title: 'Ämne' }),
  },
  {
    name: 'PUT /api/one-on-ones/points/:id/note (save a note)',
    who: 'employee',
    run: async (me) => {
      const res = await me.request('PUT', `/api/one-on-ones/points/${pointId}/note`, {
        body: `Delt note ${noteVersion}`,
        decision: '',
        baseVersion: noteVersion,
      });
      noteVersion++;
      return res;
    },
  },
  {
    name: 'PATCH /api/actions/:id (tick an action)',
    who: 'employee',
    run: (me) => me.request('PATCH', `/api/actions/${actionId}`, { done: noteVersion % 2 === 0 }),
  },
  { name: 'GET /api/statistics (HR)', who: 'hr', run: (me) => me.get('/api/statistics') },
  {
    name: 'GET /api/people?search= (HR people search)',
    who: 'hr',
    run: (me) => me.get('/api/people?search=hot'),
  },
];

/** A statement as reviewed: as sent (parameters as $n), without trailing blanks. */
const normal = (statement: string) =>
  statement
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim())
    .join('\n')
    .trim();

describe('the SQL of the hot paths', () => {
  it('matches the reviewed snapshot, statement for statement', async () => {
    const sections: string[] = [];
    for (const s of scenarios) {
      const me = c[s.who];
      // Once to warm up (CSRF token, first-use work), then recorded.
      expect((await s.run(me)).statusCode, s.name).toBeLessThan(300);
      const { result, sql } = await recordSql(() => s.run(me));
      expect(result.statusCode, s.name).toBeLessThan(300);
      // Statements of one request may start in either order when they run concurrently.
      // PostgreSQL's driver reports begin/commit, PGlite's does not: statements only.
      const lines = sql
        .map(normal)
        .filter((q) => !/^(begin|commit|rollback|savepoint|release)\b/i.test(q))
        .sort();
      sections.push(`-- ${s.name}: ${lines.length} statements\n${lines.join(';\n')};\n`);
    }
    await expect(sections.join('\n')).toMatchFileSnapshot('./__snapshots__/hot-queries.sql');
  });
});
