/**
 * HR's competence needs per unit (seed 004, decision 026): counts of people whose open,
 * agreed development plan names each competence area and kind of activity, for a unit with
 * its sub-units. Counts under 5 — and counts whose difference to a shown count would be
 * under 5 — are hidden; HR and admins only; never a name or a text.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentPlanItems } from '../../src/db/schema/index';
import { signedIn, testApp, type Client, type TestContext } from '../support/app';
import { makeDepartment, makeOrg, makePerson } from '../support/factories';
import { makeHeldConversation } from './goals.factories';

let ctx: TestContext;
let hr: Client;
let admin: Client;
let manager: Client;
let employee: Client;
let otherHr: Client;
let region: string;
let care: string;
let school: string;
const SECRET = 'Hemlig kompetenstext 4711';

type Need = { key: string; status: string; people: number | null };
const find = (list: Need[], key: string) => list.find((n) => n.key === key)!;

beforeAll(async () => {
  ctx = await testApp();
  const db = ctx.database.db;
  const org = await makeOrg(db);
  region = (await makeDepartment(db, org.id, 'Region')).id;
  care = (await makeDepartment(db, org.id, 'Vård', region)).id;
  school = (await makeDepartment(db, org.id, 'Skola', region)).id;
  const boss = await makePerson(db, org.id, {
    email: 'boss-needs@a.test',
    name: 'Chefen Chefsson',
    departmentId: region,
  });
  /** One employee with one signed plan item (or several), in `departmentId`. */
  const planFor = async (
    departmentId: string,
    items: { area: string | null; activity: string; done?: boolean }[],
    status: 'signed' | 'closed' | 'held' = 'signed',
  ) => {
    const p = await makePerson(db, org.id, { managerId: boss.id, departmentId });
    const conv = await makeHeldConversation(
      db,
      org.id,
      { managerId: boss.id, employeeId: p.id },
      { status },
    );
    for (const it of items)
      await db.insert(developmentPlanItems).values({
        orgId: org.id,
        id: randomUUID(),
        conversationId: conv.id,
        employeeId: p.id,
        managerId: boss.id,
        competence: SECRET,
        competenceArea: it.area as never,
        activity: it.activity as never,
        createdBy: boss.id,
        doneAt: it.done ? new Date() : null,
      });
    return p;
  };
  // Care: 6 name leadership on a course (one of them twice: counted once).
  const first = await planFor(care, [
    { area: 'leadership', activity: 'course' },
    { area: 'leadership', activity: 'course' },
  ]);
  for (let i = 0; i < 5; i++) await planFor(care, [{ area: 'leadership', activity: 'course' }]);
  // School: 2 name leadership with mentoring; 5 name digital on a course.
  for (let i = 0; i < 2; i++)
    await planFor(school, [{ area: 'leadership', activity: 'mentoring' }]);
  for (let i = 0; i < 5; i++) await planFor(school, [{ area: 'digital', activity: 'course' }]);
  // Not counted: done items, and plans not yet agreed.
  for (let i = 0; i < 5; i++) {
    await planFor(care, [{ area: 'language', activity: 'other', done: true }]);
    await planFor(care, [{ area: 'customer', activity: 'other' }], 'held');
  }
  const hrP = await makePerson(db, org.id, { email: 'hr-needs@a.test', roles: ['hr'] });
  const adminP = await makePerson(db, org.id, { email: 'admin-needs@a.test', roles: ['admin'] });
  hr = await signedIn(ctx.app, hrP.email);
  admin = await signedIn(ctx.app, adminP.email);
  manager = await signedIn(ctx.app, boss.email);
  employee = await signedIn(ctx.app, first.email);
  const other = await makeOrg(db);
  const otherHrP = await makePerson(db, other.id, { email: 'hr-needs@b.test', roles: ['hr'] });
  otherHr = await signedIn(ctx.app, otherHrP.email);
});
afterAll(() => ctx.close());

const needs = async (client: Client, department?: string) =>
  client.get(`/api/statistics/competence-needs${department ? `?department=${department}` : ''}`);

describe('competence needs per unit', () => {
  it('counts people (not items) per area and activity for a unit with its sub-units', async () => {
    const res = await needs(hr, region);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(find(body.areas, 'leadership')).toEqual({
      key: 'leadership',
      status: 'published',
      people: 8,
    });
    expect(find(body.areas, 'digital').people).toBe(5);
    expect(find(body.activities, 'course').people).toBe(11);
  });

  it('hides counts under 5, and a sub-unit whose difference to its unit would be under 5', async () => {
    const body = (await needs(hr, care)).json();
    // Region shows 8 for leadership; Care's 6 would leave School's 2 as the difference.
    expect(find(body.areas, 'leadership')).toEqual({
      key: 'leadership',
      status: 'overlap',
      people: null,
    });
    expect(find(body.activities, 'course').people).toBe(6);
    const schoolBody = (await needs(hr, school)).json();
    expect(find(schoolBody.activities, 'mentoring')).toEqual({
      key: 'mentoring',
      status: 'too_few',
      people: null,
    });
    expect(find(schoolBody.areas, 'digital').people).toBe(5);
    expect(find(schoolBody.activities, 'course').people).toBe(5);
  });

  it('counts only open items of agreed plans, and shows none as "fewer than 5"', async () => {
    const body = (await needs(hr)).json();
    expect(find(body.areas, 'language')).toMatchObject({ status: 'too_few', people: null });
    expect(find(body.areas, 'customer')).toMatchObject({ status: 'too_few', people: null });
    expect(find(body.areas, 'health_safety')).toMatchObject({ status: 'too_few', people: null });
  });

  it('answers HR and admins only; another organisation’s unit is not found', async () => {
    expect((await needs(admin, region)).statusCode).toBe(200);
    expect((await needs(manager)).statusCode).toBe(403);
    expect((await needs(employee)).statusCode).toBe(403);
    expect((await needs(otherHr, region)).statusCode).toBe(404);
    expect((await needs(hr, 'not-a-uuid')).statusCode).toBe(400);
  });

  it('never carries a name or a text of a plan', async () => {
    for (const unit of [undefined, region, care, school]) {
      const raw = (await needs(hr, unit)).body;
      expect(raw).not.toContain(SECRET);
      expect(raw).not.toContain('Chefen');
      expect(raw).not.toContain('Person ');
    }
  });
});
