/**
 * Seed 003: a development conversation at least once a year. The manager's home flags each
 * report without a signed one in the last 12 months.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app';
import { clientsFor, makeOneOnOneWorld, type OneOnOneWorld } from '../support/one-on-one.factories';
import { makeHeldConversation } from './goals.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;

type Item = {
  person: { id: string };
  developmentConversationDue: boolean;
  lastDevelopmentSignedAt: string | null;
};

async function mine(): Promise<Item> {
  const res = await c.manager.get('/api/one-on-ones/overview');
  expect(res.statusCode).toBe(200);
  return res.json().items.find((i: Item) => i.person.id === w.employee.id);
}

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'annual-dev');
  c = await clientsFor(ctx.app, w);
});
afterAll(() => ctx?.close());

describe('at least once a year', () => {
  const pair = () => ({ managerId: w.manager.id, employeeId: w.employee.id });

  it('flags a report who never had a signed development conversation', async () => {
    expect(await mine()).toMatchObject({
      developmentConversationDue: true,
      lastDevelopmentSignedAt: null,
    });
  });

  it('still flags one signed more than a year ago, and a salary conversation does not count', async () => {
    const old = new Date(Date.now() - 400 * 86_400_000);
    await makeHeldConversation(ctx.database.db, w.org.id, pair(), {
      status: 'signed',
      signedAt: old,
    });
    await makeHeldConversation(ctx.database.db, w.org.id, pair(), {
      kind: 'salary',
      status: 'signed',
      signedAt: new Date(),
    });
    expect(await mine()).toMatchObject({
      developmentConversationDue: true,
      lastDevelopmentSignedAt: old.toISOString(),
    });
  });

  it('lifts the flag once a development conversation is signed within the year', async () => {
    const recent = new Date(Date.now() - 30 * 86_400_000);
    await makeHeldConversation(ctx.database.db, w.org.id, pair(), {
      status: 'signed',
      signedAt: recent,
    });
    expect(await mine()).toMatchObject({
      developmentConversationDue: false,
      lastDevelopmentSignedAt: recent.toISOString(),
    });
  });
});
