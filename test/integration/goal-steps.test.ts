/**
 * Steps of a goal (issue #15): the pair breaks a goal into ordered steps, ticks them off in
 * later 1:1s, and progress (done of all) shows on the goal, on the development plan and on the
 * meeting page. Either of the pair may change them; nobody else can (not found).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestContext } from '../support/app';
import { clientsFor, makeOneOnOneWorld, type OneOnOneWorld } from '../support/one-on-one.factories';
import { goalBody, makeHeldConversation } from './goals.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;
let dev: string;
let goalId: string;

const titles = async (client: Client) =>
  (await client.get(`/api/conversations/${dev}/goals`))
    .json()
    .goals[0].steps.map((s: { title: string }) => s.title);

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'goal-steps');
  c = await clientsFor(ctx.app, w);
  const pair = { managerId: w.manager.id, employeeId: w.employee.id };
  dev = (await makeHeldConversation(ctx.database.db, w.org.id, pair)).id;
  goalId = (await c.manager.post(`/api/conversations/${dev}/goals`, goalBody('Leda möten'))).json()
    .id;
});
afterAll(() => ctx.close());

describe('goal steps', () => {
  it('keeps steps in the order they are added, and either of the pair may add', async () => {
    for (const [who, title] of [
      ['manager', 'Läs boken'],
      ['employee', 'Leda ett möte'],
      ['manager', 'Be om återkoppling'],
    ] as const) {
      const res = await c[who].post(`/api/goals/${goalId}/steps`, { title });
      expect(res.statusCode).toBe(201);
    }
    expect(await titles(c.manager)).toEqual(['Läs boken', 'Leda ett möte', 'Be om återkoppling']);
    const goal = (await c.employee.get(`/api/conversations/${dev}/goals`)).json().goals[0];
    expect(goal.steps.map((s: { position: number }) => s.position)).toEqual([0, 1, 2]);
    expect(goal.stepProgress).toEqual({ done: 0, total: 3 });
  });

  it('reorders, and refuses a stale order with 409', async () => {
    const ids = (await c.manager.get(`/api/conversations/${dev}/goals`))
      .json()
      .goals[0].steps.map((s: { id: string }) => s.id);
    const res = await c.employee.request('PUT', `/api/goals/${goalId}/steps/order`, {
      stepIds: [ids[2], ids[0], ids[1]],
    });
    expect(res.statusCode).toBe(200);
    expect(await titles(c.manager)).toEqual(['Be om återkoppling', 'Läs boken', 'Leda ett möte']);
    const stale = await c.manager.request('PUT', `/api/goals/${goalId}/steps/order`, {
      stepIds: [ids[0], ids[1]],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('goals.steps_changed');
  });

  it('renames, ticks, unticks and removes, closing the gap in the order', async () => {
    const steps = (await c.manager.get(`/api/conversations/${dev}/goals`)).json().goals[0].steps;
    const renamed = await c.employee.patch(`/api/goals/steps/${steps[1].id}`, {
      title: 'Läs boken om möten',
    });
    expect(renamed.json()).toMatchObject({ title: 'Läs boken om möten', done: false });
    const ticked = await c.employee.patch(`/api/goals/steps/${steps[0].id}`, { done: true });
    expect(ticked.json()).toMatchObject({ done: true, doneById: w.employee.id });
    await c.manager.patch(`/api/goals/steps/${steps[2].id}`, { done: true });
    await c.manager.patch(`/api/goals/steps/${steps[2].id}`, { done: false });
    let goal = (await c.manager.get(`/api/conversations/${dev}/goals`)).json().goals[0];
    expect(goal.stepProgress).toEqual({ done: 1, total: 3 });
    expect((await c.manager.delete(`/api/goals/steps/${steps[1].id}`)).statusCode).toBe(200);
    goal = (await c.manager.get(`/api/conversations/${dev}/goals`)).json().goals[0];
    expect(goal.steps.map((s: { position: number }) => s.position)).toEqual([0, 1]);
    expect(goal.stepProgress).toEqual({ done: 1, total: 2 });
  });

  it('rejects a blank step with the field named', async () => {
    const res = await c.manager.post(`/api/goals/${goalId}/steps`, { title: '   ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('title');
  });

  it('lets nobody outside the pair see or change steps', async () => {
    const step = (await c.manager.get(`/api/conversations/${dev}/goals`)).json().goals[0].steps[0];
    for (const who of ['otherManager', 'hr', 'admin', 'stranger'] as const) {
      expect((await c[who].post(`/api/goals/${goalId}/steps`, { title: 'X' })).statusCode).toBe(
        404,
      );
      expect((await c[who].patch(`/api/goals/steps/${step.id}`, { done: true })).statusCode).toBe(
        404,
      );
      expect(
        (
          await c[who].request('PUT', `/api/goals/${goalId}/steps/order`, {
            stepIds: [step.id],
          })
        ).statusCode,
      ).toBe(404);
      expect((await c[who].delete(`/api/goals/steps/${step.id}`)).statusCode).toBe(404);
    }
    expect(await titles(c.manager)).toEqual(['Be om återkoppling', 'Leda ett möte']);
  });

  it('is ticked after the agreement is closed and signed, and shows in the 1:1 panel', async () => {
    await c.manager.post(`/api/conversations/${dev}/sign-off/close`);
    await c.employee.post(`/api/conversations/${dev}/sign-off/sign`, { comment: null });
    const panel = (await c.employee.get(`/api/goals?with=${w.manager.id}`)).json();
    const goal = panel.goals.find((g: { id: string }) => g.id === goalId);
    expect(goal.stepProgress).toEqual({ done: 1, total: 2 });
    const open = goal.steps.find((s: { done: boolean }) => !s.done);
    expect((await c.employee.patch(`/api/goals/steps/${open.id}`, { done: true })).statusCode).toBe(
      200,
    );
    const after = (await c.manager.get(`/api/goals?with=${w.employee.id}`)).json();
    expect(after.goals[0].stepProgress).toEqual({ done: 2, total: 2 });
  });

  it('freezes the steps once the goal has its outcome', async () => {
    const pair = { managerId: w.manager.id, employeeId: w.employee.id };
    const next = (await makeHeldConversation(ctx.database.db, w.org.id, pair)).id;
    const judged = await c.manager.request(
      'PUT',
      `/api/conversations/${next}/goals/${goalId}/outcome`,
      { outcome: 'achieved', comment: '' },
    );
    expect(judged.statusCode).toBe(200);
    expect(judged.json().stepProgress).toEqual({ done: 2, total: 2 });
    const res = await c.manager.post(`/api/goals/${goalId}/steps`, { title: 'Till' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('goals.steps_closed');
  });
});
