/**
 * Seed 000: the manager can hide the short guidance on the traps of a 1:1. The choice is the
 * person's own, remembered on the server, and reaches the meeting page inside the answer it
 * already loads ("who am I"), so the page makes no request of its own for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type TestContext } from '../support/app';
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

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'traps');
  c = await clientsFor(ctx.app, w);
  meetingId = (await bookSeries(c.manager, w.employee.id)).meetings[0]!.id;
});
afterAll(() => ctx.close());

const hidden = async (client: typeof c.manager) =>
  (await client.get(`/api/pages/meeting/${meetingId}`)).json().me.coachingTipsHidden;

describe('the traps guidance, hidden per person', () => {
  it('is shown by default and travels with the meeting page’s answer', async () => {
    expect((await c.manager.get('/api/me')).json().coachingTipsHidden).toBe(false);
    expect(await hidden(c.manager)).toBe(false);
  });

  it('stays hidden once the manager hides it, in every later session, and for them only', async () => {
    const res = await c.manager.patch('/api/me', { coachingTipsHidden: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().coachingTipsHidden).toBe(true);
    expect(await hidden(c.manager)).toBe(true);
    // A new sign-in (another device) remembers it: it is kept on the server.
    const again = await signedIn(ctx.app, w.manager.email);
    expect((await again.get('/api/me')).json().coachingTipsHidden).toBe(true);
    expect((await again.get(`/api/pages/meeting/${meetingId}`)).json().me.coachingTipsHidden).toBe(
      true,
    );
    // The employee's own setting is untouched.
    expect(await hidden(c.employee)).toBe(false);
    expect((await c.otherManager.get('/api/me')).json().coachingTipsHidden).toBe(false);
  });

  it('can be shown again, and refuses anything but true or false', async () => {
    expect((await c.manager.patch('/api/me', { coachingTipsHidden: false })).json()).toMatchObject({
      coachingTipsHidden: false,
    });
    expect(await hidden(c.manager)).toBe(false);
    const bad = await c.manager.patch('/api/me', { coachingTipsHidden: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('coachingTipsHidden');
  });
});
