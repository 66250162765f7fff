/**
 * The admin's audit page stays fast at 50,000 people and five years (decision 016): every
 * filter reads one page's worth of index entries, never the whole log. Measured on a log of
 * 600,000 events across 50,000 people and five years, by the rows each plan actually reads.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client';
import { auditRepository, type AuditFilter } from '../../src/server/repositories/audit.repository';
import { freshDatabase } from '../support/database';
import { makeOrg } from '../support/factories';

const EVENTS = 600_000;
const PEOPLE = 50_000;
const PAGE = 51; // 50 shown and one to know there is more
let database: Database;
let orgId: string;
let person: string;

beforeAll(async () => {
  database = await freshDatabase();
  const db = database.db;
  orgId = (await makeOrg(db)).id;
  // People are ids only here (the log keeps no foreign key to them); another organisation's
  // events are mixed in, as on a shared database.
  const other = (await makeOrg(db)).id;
  await db.execute(sql`
    insert into audit_events (org_id, id, actor_id, action, subject_type, subject_id, ip, at)
    select case when g % 10 = 0 then ${other}::uuid else ${orgId}::uuid end,
           gen_random_uuid(),
           case when g % 3 = 0 then null
                else ('00000000-0000-4000-8000-' || lpad(((g * 7) % ${PEOPLE})::text, 12, '0'))::uuid end,
           (array['auth.signed_in','auth.sign_in_failed','person.updated','role.granted',
                  'export.statistics','salary.outcome_read'])[1 + (g % 6)],
           'person',
           ('00000000-0000-4000-8000-' || lpad((g % ${PEOPLE})::text, 12, '0'))::uuid,
           '192.0.2.' || (g % 250),
           timestamptz '2021-01-01' + (g * interval '1 second' * (5 * 365 * 86400 / ${EVENTS}))
    from generate_series(1, ${EVENTS}) g`);
  await db.execute(sql`analyze audit_events`);
  person = '00000000-0000-4000-8000-000000012345';
}, 600_000);
afterAll(() => database.close());

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
};

/** Rows read from audit_events by every scan of a plan, and whether any was a sequential scan. */
function scans(node: PlanNode, out = { rows: 0, seq: false }) {
  if (node['Relation Name'] === 'audit_events') {
    out.rows += node['Actual Rows'] * node['Actual Loops'];
    if (node['Node Type'] === 'Seq Scan') out.seq = true;
  }
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

/** The page query as the repository runs it, explained with what it actually did. */
async function explain(filter: Omit<AuditFilter, 'limit'>) {
  const db = database.db;
  let captured: ReturnType<typeof sql> | undefined;
  const spy = {
    execute: (q: ReturnType<typeof sql>) => {
      captured = q;
      return Promise.resolve({ rows: [] });
    },
  } as unknown as typeof db;
  await auditRepository.page(spy, orgId, { ...filter, limit: PAGE });
  const [row] = await queryRows<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
    db,
    sql`explain (analyze, format json) ${captured!}`,
  );
  const plan = row!['QUERY PLAN'][0];
  return { ...scans(plan.Plan), ms: plan['Execution Time'] };
}

describe('the audit page at 50,000 people and five years', () => {
  const cases: [string, Omit<AuditFilter, 'limit'>][] = [
    ['everything, newest first', {}],
    ['one kind', { kind: 'role.granted' }],
    ['one person (actor or subject)', { personId: '' }],
    ['one person and one kind', { personId: '', kind: 'role.granted' }],
    ['a period', { from: new Date('2023-03-01'), to: new Date('2023-04-01') }],
    [
      'a later page',
      { before: { at: '2024-06-01 12:00:00+00', id: 'ffffffff-ffff-4fff-bfff-ffffffffffff' } },
    ],
  ];
  for (const [name, filter] of cases) {
    it(`reads about a page of index entries: ${name}`, async () => {
      const f = filter.personId === '' ? { ...filter, personId: person } : filter;
      const got = await explain(f);
      expect(got.seq, 'a sequential scan of the log').toBe(false);
      // One page from each of at most two index scans, plus the page's own rows.
      expect(got.rows).toBeLessThanOrEqual(PAGE * 3);
      expect(got.ms).toBeLessThan(500);
    });
  }
});
