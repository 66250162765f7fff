/**
 * Who sees goals, the plan, the agreement's versions, its PDF and a salary outcome, as a matrix:
 * the pair only — plus, for a salary outcome, people granted the 'salary' role. HR and admins
 * without it see no content; another tenant gets "not found" for all of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../support/app';
import { makePerson } from '../support/factories';
import { clientsFor, makeOneOnOneWorld, type OneOnOneWorld } from '../support/one-on-one.factories';
import { goalBody, makeHeldConversation, planBody } from './goals.factories';

type Who = 'employee' | 'manager' | 'hr' | 'salaryHr' | 'admin' | 'otherManager' | 'stranger';
const WHO: Who[] = ['employee', 'manager', 'hr', 'salaryHr', 'admin', 'otherManager', 'stranger'];

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Record<Who, Client>;
let dev: string;
let salaryConv: string;
let goalId: string;

const salaryBody = {
  changeKind: 'new_salary',
  amount: '42500.00',
  currency: 'DKK',
  effectiveDate: '2027-04-01',
  criteria: 'Ansvar og resultater',
  comment: 'Aftalt efter samtalen',
};

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'goals-vis');
  const salaryHr = await makePerson(ctx.database.db, w.org.id, {
    email: 'salary-hr-goals-vis@a.test',
    roles: ['hr'],
  });
  c = { ...(await clientsFor(ctx.app, w)), salaryHr: await signedIn(ctx.app, salaryHr.email) };
  // HR grants the salary role through the people API, as in the person form.
  const grant = await c.hr.patch(`/api/people/${salaryHr.id}`, { roles: ['hr', 'salary'] });
  expect(grant.statusCode).toBe(200);
  expect(grant.json().roles).toEqual(['hr', 'salary']);
  c.salaryHr = await signedIn(ctx.app, salaryHr.email);

  const pair = { managerId: w.manager.id, employeeId: w.employee.id };
  dev = (
    await makeHeldConversation(ctx.database.db, w.org.id, pair, { notes: { now: 'Hemmeligt' } })
  ).id;
  goalId = (await c.manager.post(`/api/conversations/${dev}/goals`, goalBody('Mål'))).json().id;
  await c.manager.post(`/api/conversations/${dev}/plan`, planBody('Kompetence'));
  await c.manager.post(`/api/conversations/${dev}/sign-off/close`);
  await c.employee.post(`/api/conversations/${dev}/sign-off/sign`, { comment: null });

  salaryConv = (await makeHeldConversation(ctx.database.db, w.org.id, pair, { kind: 'salary' })).id;
  const put = await c.manager.request(
    'PUT',
    `/api/conversations/${salaryConv}/salary-outcome`,
    salaryBody,
  );
  expect(put.statusCode).toBe(200);
});
afterAll(() => ctx.close());

const PAIR_ONLY: Record<Who, number> = {
  employee: 200,
  manager: 200,
  hr: 404,
  salaryHr: 404,
  admin: 404,
  otherManager: 404,
  stranger: 404,
};

describe('development content is the pair’s only', () => {
  const resources: [string, () => string][] = [
    ['goals', () => `/api/conversations/${dev}/goals`],
    ['plan', () => `/api/conversations/${dev}/plan`],
    ['sign-off', () => `/api/conversations/${dev}/sign-off`],
    ['versions', () => `/api/conversations/${dev}/versions`],
    ['version 1', () => `/api/conversations/${dev}/versions/1`],
    ['pdf', () => `/api/conversations/${dev}/pdf`],
  ];
  for (const [name, url] of resources)
    it.each(WHO)(`${name}: %s`, async (who) => {
      expect((await c[who].get(url())).statusCode).toBe(PAIR_ONLY[who]);
    });

  it.each(WHO)('a goal change or progress note: %s', async (who) => {
    const res = await c[who].post(`/api/goals/${goalId}/progress`, { body: 'Godt i gang' });
    expect(res.statusCode).toBe(PAIR_ONLY[who] === 200 ? 201 : 404);
  });

  it.each(WHO)('a goal step, added or ticked: %s', async (who) => {
    const added = await c[who].post(`/api/goals/${goalId}/steps`, { title: `Steg av ${who}` });
    expect(added.statusCode).toBe(PAIR_ONLY[who] === 200 ? 201 : 404);
    const step = (await c.manager.post(`/api/goals/${goalId}/steps`, { title: 'Steg' })).json();
    const ticked = await c[who].patch(`/api/goals/steps/${step.id}`, { done: true });
    expect(ticked.statusCode).toBe(PAIR_ONLY[who]);
    const removed = await c[who].delete(`/api/goals/steps/${step.id}`);
    expect(removed.statusCode).toBe(PAIR_ONLY[who]);
  });

  it('shows nobody outside the pair their goals in the 1:1 panel', async () => {
    for (const who of ['hr', 'salaryHr', 'admin', 'otherManager'] as const)
      expect((await c[who].get(`/api/goals?with=${w.employee.id}`)).json()).toEqual({
        goals: [],
        plan: [],
      });
    expect((await c.manager.get(`/api/goals?with=${w.employee.id}`)).json().goals).toHaveLength(1);
  });
});

describe('salary outcomes', () => {
  const SALARY: Record<Who, number> = { ...PAIR_ONLY, salaryHr: 200 };

  it.each(WHO)('the outcome: %s', async (who) => {
    const res = await c[who].get(`/api/conversations/${salaryConv}/salary-outcome`);
    expect(res.statusCode).toBe(SALARY[who]);
    if (res.statusCode === 200)
      expect(res.json().outcome).toMatchObject({ amount: '42500.00', currency: 'DKK' });
  });

  it('is never shown inside a development conversation or its agreement', async () => {
    expect((await c.manager.get(`/api/conversations/${dev}/salary-outcome`)).statusCode).toBe(404);
    const v1 = (await c.employee.get(`/api/conversations/${dev}/versions/1`)).body;
    expect(JSON.stringify(v1)).not.toContain('42500');
    expect((await c.manager.get(`/api/conversations/${salaryConv}/goals`)).json().error.code).toBe(
      'goals.salary_kept_apart',
    );
  });

  it('lets only the manager record it, and only in a salary conversation', async () => {
    const put = (who: Who, id: string) =>
      c[who].request('PUT', `/api/conversations/${id}/salary-outcome`, salaryBody);
    expect((await put('employee', salaryConv)).statusCode).toBe(403);
    // Reading rights are not writing rights; outside the pair the write is "not found".
    expect((await put('salaryHr', salaryConv)).statusCode).toBe(404);
    expect((await put('hr', salaryConv)).statusCode).toBe(404);
    expect((await put('manager', dev)).json().error.code).toBe('salary.not_salary_conversation');
    const bad = await put('manager', salaryConv).then(() =>
      c.manager.request('PUT', `/api/conversations/${salaryConv}/salary-outcome`, {
        ...salaryBody,
        amount: 'lots',
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('amount');
  });

  it('lists every outcome for the salary role only', async () => {
    const list = await c.salaryHr.get('/api/salary-outcomes');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ employeeName: w.employee.name });
    expect((await c.hr.get('/api/salary-outcomes')).statusCode).toBe(403);
    expect((await c.admin.get('/api/salary-outcomes')).statusCode).toBe(403);
    expect((await c.manager.get('/api/salary-outcomes')).statusCode).toBe(403);
  });
});
