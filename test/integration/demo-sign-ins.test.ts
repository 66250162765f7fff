/** The sign-in page of a demo server lists the demo sign-ins; no other server has them. */
import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe('demo sign-ins', () => {
  it('are listed, without signing in, by a server started with --demo', async () => {
    ctx = await testApp({ SAMTAL_DEMO: '1' });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/demo/sign-ins' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.password).toBe('samtal-demo');
    expect(body.items.map((i: { email: string }) => i.email)).toEqual([
      'hr@samtal.demo',
      'chef@samtal.demo',
      'medarbetare@samtal.demo',
      'leder@samtal.demo',
      'medarbejder@samtal.demo',
      'leiar@samtal.demo',
    ]);
  });

  it('do not exist anywhere else', async () => {
    ctx = await testApp();
    const res = await ctx.app.inject({ method: 'GET', url: '/api/demo/sign-ins' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
