import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneOnOneMeetings } from '../../src/db/schema/index';
import { testApp, type TestContext } from '../support/app';
import { bookSeries, clientsFor, makeOneOnOneWorld } from '../support/one-on-one.factories';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.close());

describe('homes while a meeting is under way', () => {
  it('keep a 1:1 that started a few minutes ago as the next one, for both of the pair', async () => {
    const w = await makeOneOnOneWorld(ctx.database.db, 'home');
    const c = await clientsFor(ctx.app, w);
    const { meetings } = await bookSeries(c.manager, w.employee.id);
    const started = new Date(Date.now() - 5 * 60_000);
    await ctx.database.db
      .update(oneOnOneMeetings)
      .set({ startsAt: started, endsAt: new Date(started.getTime() + 20 * 60_000) })
      .where(eq(oneOnOneMeetings.id, meetings[0]!.id));
    const overview = (await c.manager.get('/api/one-on-ones/overview')).json();
    const row = overview.items.find(
      (x: { person: { id: string } }) => x.person.id === w.employee.id,
    );
    expect(row.nextMeeting.id).toBe(meetings[0]!.id);
    const mine = (await c.employee.get('/api/one-on-ones/mine')).json();
    expect(mine.nextMeeting.id).toBe(meetings[0]!.id);
  });
});
