/** The demo organisation shows an open round to HR right after `npm start`. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/demo';
import { Client, testApp, type TestContext } from '../support/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testApp();
  await seedDemo(ctx.database.db);
});
afterAll(() => ctx.close());

it('has the built-in templates and one open round for Hemtjänst Norr', async () => {
  const hr = new Client(ctx.app);
  expect((await hr.login('hr@samtal.demo', DEMO_PASSWORD)).statusCode).toBe(200);
  const rounds = (await hr.get('/api/rounds')).json().items;
  expect(rounds).toHaveLength(1);
  expect(rounds[0].name).toMatch(/^Medarbetarsamtal \d{4}$/);
  // Maria with the CEO; Erik, Sara and Ahmed with Maria (other demo data may book some).
  expect(rounds[0].counts.total).toBe(4);
  const templates = (await hr.get('/api/conversation-templates')).json().items;
  expect(templates.length).toBe(6);
});
