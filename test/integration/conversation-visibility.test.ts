/**
 * Who sees what of a development conversation, as a matrix: the employee and the manager on
 * it see its content, with each other's preparation only after the reveal; HR, an admin,
 * another manager and another tenant see nothing ("not found"). Also: the meeting's agreed
 * notes, private notes and closing plan on the 1:1 machinery, the plan's actions in the next
 * 1:1's follow-up, and every write refused once the conversation is closed or signed.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations } from '../../src/db/schema/index';
import { testApp, type TestContext } from '../support/app';
import {
  bookSeries,
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';
import { makeConversation } from './conversation.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;
let id: string;
let page: (who: keyof typeof c, cid?: string) => Promise<{ statusCode: number; body: string }>;

const booking = (days = 10) => ({
  date: daysFromToday(days),
  time: '09:00',
  place: { kind: 'video', detail: null },
});

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'conv-vis');
  c = await clientsFor(ctx.app, w);
  id = (
    await makeConversation(ctx.database.db, w.org.id, {
      managerId: w.manager.id,
      employeeId: w.employee.id,
    })
  ).id;
  page = (who, cid = id) => c[who].get(`/api/conversations/${cid}`);
  const booked = await c.manager.request('PUT', `/api/conversations/${id}/booking`, booking());
  expect(booked.statusCode).toBe(200);
});
afterAll(() => ctx.close());

const prep = (who: keyof typeof c, answers: Record<string, unknown>, submit = false, cid = id) =>
  submit
    ? c[who].post(`/api/conversations/${cid}/preparation/submit`, { answers })
    : c[who].request('PUT', `/api/conversations/${cid}/preparation`, { answers });

describe('preparation and the reveal', () => {
  it('checks answers by type and side, with a translated message per question', async () => {
    const res = await prep('employee', { thriving: 7, clear: true, focus: ['nope'] });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; code: string; message: string }[];
    expect(fields.map((f) => [f.path, f.code])).toEqual(
      expect.arrayContaining([
        ['answers.thriving', 'scale'],
        ['answers.clear', 'unknown_question'],
        ['answers.focus', 'option'],
      ]),
    );
    // The employee reads Danish.
    expect(fields.find((f) => f.path === 'answers.thriving')!.message).not.toMatch(/Choose/);
  });

  it('keeps a draft and a submission to their author until both have submitted', async () => {
    expect((await prep('employee', { thriving: 4, proud: 'Shipped the archive' })).statusCode).toBe(
      200,
    );
    const submitted = await prep(
      'employee',
      { thriving: 4, proud: 'Shipped the archive', focus: ['course'] },
      true,
    );
    expect(submitted.json().submittedAt).not.toBeNull();
    expect((await prep('employee', { thriving: 3 })).json().error.code).toBe(
      'conversation.already_submitted',
    );
    await prep('manager', { thriving: 2, clear: false, focus: ['mentoring'] });

    const asManager = await page('manager');
    expect(asManager.statusCode).toBe(200);
    expect(JSON.parse(asManager.body).preparation).toMatchObject({
      mine: { role: 'manager', answers: { clear: false }, submittedAt: null },
      other: null,
      otherSubmitted: true,
      revealed: false,
    });
    expect(asManager.body).not.toContain('Shipped the archive');
    expect(asManager.body.match(/"answers"/g)).toHaveLength(1);

    const asEmployee = await page('employee');
    expect(JSON.parse(asEmployee.body).preparation).toMatchObject({
      mine: { role: 'employee', answers: { proud: 'Shipped the archive' } },
      other: null,
      otherSubmitted: false,
      revealed: false,
    });
    // Template texts aside, no answer of the manager is anywhere in the response.
    expect(asEmployee.body.match(/"answers"/g)).toHaveLength(1);
  });

  it('shows nothing at all to HR, an admin, another manager or another tenant', async () => {
    for (const who of ['hr', 'admin', 'otherManager', 'stranger'] as const) {
      const res = await page(who);
      expect(res.statusCode, who).toBe(404);
      expect(res.body).not.toContain('Shipped the archive');
      expect((await prep(who, { thriving: 1 })).statusCode, who).toBe(404);
      const list = await c[who].get('/api/conversations?as=employee');
      expect(list.body).not.toContain(id);
      const asManager = await c[who].get('/api/conversations?as=manager');
      expect(asManager.body).not.toContain(id);
    }
  });

  it('reveals both side by side once both have submitted', async () => {
    await prep('manager', { thriving: 2, clear: false, focus: ['mentoring'] }, true);
    const asEmployee = JSON.parse((await page('employee')).body);
    expect(asEmployee.preparation).toMatchObject({
      revealed: true,
      other: { role: 'manager', answers: { thriving: 2, clear: false, focus: ['mentoring'] } },
    });
    const asManager = JSON.parse((await page('manager')).body);
    expect(asManager.preparation.other.answers.proud).toBe('Shipped the archive');
    expect((await page('hr')).statusCode).toBe(404);
  });

  it('reveals when the meeting starts, but never the other’s unsubmitted draft', async () => {
    const other = await makeConversation(ctx.database.db, w.org.id, {
      managerId: w.manager.id,
      employeeId: w.employee.id,
    });
    await c.manager.request('PUT', `/api/conversations/${other.id}/booking`, booking(11));
    await prep('employee', { proud: 'A draft only' }, false, other.id);
    await prep('manager', { thriving: 5 }, true, other.id);
    expect(JSON.parse((await page('employee', other.id)).body).preparation.other).toBeNull();
    expect((await c.employee.post(`/api/conversations/${other.id}/start`)).statusCode).toBe(403);
    const started = await c.manager.post(`/api/conversations/${other.id}/start`, {
      holdNow: true,
    });
    expect(started.json()).toMatchObject({ status: 'held', preparation: { revealed: true } });
    expect(JSON.parse((await page('employee', other.id)).body).preparation.other).toMatchObject({
      answers: { thriving: 5 },
    });
    const asManager = await page('manager', other.id);
    expect(JSON.parse(asManager.body).preparation.other).toBeNull();
    expect(asManager.body).not.toContain('A draft only');
    expect((await prep('employee', { proud: 'late' }, true, other.id)).json().error.code).toBe(
      'conversation.preparation_closed',
    );
  });
});

describe('the meeting', () => {
  it('keeps agreed notes per section, shared, versioned and merged', async () => {
    const early = await c.manager.post(`/api/conversations/${id}/actions`, {
      title: 'Too early',
      ownerId: w.manager.id,
    });
    expect(early.json().error.code).toBe('conversation.not_started');
    expect(
      (await c.manager.post(`/api/conversations/${id}/start`, { holdNow: true })).json().status,
    ).toBe('held');
    const { sections } = JSON.parse((await page('manager')).body);
    const point = sections[0].pointId;
    const url = `/api/conversations/${id}/sections/${point}/note`;
    const first = await c.employee.request('PUT', url, { body: 'We agree', baseVersion: 0 });
    expect(first.json()).toMatchObject({ note: { version: 1 }, merged: false });
    const rewritten = await c.manager.request('PUT', url, {
      body: 'Agreed: mentoring',
      baseVersion: 1,
    });
    expect(rewritten.json().note.version).toBe(2);
    // A stale save that only appended is merged, never dropped.
    const merged = await c.employee.request('PUT', url, {
      body: 'We agree\nand a course',
      baseVersion: 1,
    });
    expect(merged.json()).toMatchObject({
      merged: true,
      note: { version: 3, body: 'Agreed: mentoring\nand a course' },
    });
    // Two rewrites of the same text are a conflict with both versions.
    const stale = await c.manager.request('PUT', url, { body: 'Rewritten', baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(JSON.parse((await page('employee')).body).sections[0].note.body).toBe(
      'Agreed: mentoring\nand a course',
    );
    for (const who of ['hr', 'otherManager', 'stranger'] as const)
      expect((await c[who].request('PUT', url, { body: 'x', baseVersion: 3 })).statusCode).toBe(
        404,
      );
    // The 1:1 endpoints do not reach a conversation's meeting.
    const meetingId = JSON.parse((await page('manager')).body).meeting.id;
    expect((await c.manager.get(`/api/one-on-ones/meetings/${meetingId}`)).statusCode).toBe(404);
  });

  it('keeps each private note to its author', async () => {
    const url = `/api/conversations/${id}/private-note`;
    const res = await c.manager.request('PUT', url, { body: 'Raise salary talk', baseVersion: 0 });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse((await page('manager')).body).privateNote.body).toBe('Raise salary talk');
    const asEmployee = await page('employee');
    expect(JSON.parse(asEmployee.body).privateNote.body).toBe('');
    expect(asEmployee.body).not.toContain('Raise salary talk');
  });

  it("puts the closing plan's actions under follow-up in the pair's next 1:1", async () => {
    const res = await c.manager.post(`/api/conversations/${id}/actions`, {
      title: 'Book the React course',
      ownerId: w.employee.id,
      dueDate: daysFromToday(40),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ seriesId: null, ownerRole: 'employee', done: false });
    expect(
      (
        await c.manager.post(`/api/conversations/${id}/actions`, {
          title: 'x',
          ownerId: w.otherManager.id,
        })
      ).json().error.code,
    ).toBe('oneOnOne.owner_not_in_pair');

    const { meetings } = await bookSeries(c.manager, w.employee.id, {
      startDate: daysFromToday(14),
    });
    const next = (await c.employee.get(`/api/one-on-ones/meetings/${meetings[0]!.id}`)).json();
    expect(next.followUp.map((a: { title: string }) => a.title)).toContain('Book the React course');
    // "My actions" leads back to the conversation it was agreed in.
    const mine = (await c.employee.get('/api/actions')).json().items as {
      title: string;
      conversationId: string | null;
    }[];
    expect(mine.find((a) => a.title === 'Book the React course')!.conversationId).toBe(id);
    // The employee ticks it off from the 1:1, like any other action.
    const done = await c.employee.patch(`/api/actions/${res.json().id}`, { done: true });
    expect(done.json().done).toBe(true);
    // The manager's home counts only 1:1 meetings as the next 1:1.
    const overview = (await c.manager.get('/api/one-on-ones/overview')).json();
    const row = overview.items.find(
      (i: { person: { id: string } }) => i.person.id === w.employee.id,
    );
    expect(row.nextMeeting.id).toBe(meetings[0]!.id);
  });

  it('refuses every write once the conversation is closed or signed', async () => {
    const { sections } = JSON.parse((await page('manager')).body);
    for (const status of ['closed', 'signed'] as const) {
      await ctx.database.db.update(conversations).set({ status }).where(eq(conversations.id, id));
      const refused = [
        await c.employee.request(
          'PUT',
          `/api/conversations/${id}/sections/${sections[1].pointId}/note`,
          {
            body: 'late',
            baseVersion: 0,
          },
        ),
        await c.manager.request('PUT', `/api/conversations/${id}/private-note`, {
          body: 'late',
          baseVersion: 1,
        }),
        await c.manager.post(`/api/conversations/${id}/actions`, {
          title: 'late',
          ownerId: w.manager.id,
        }),
        await prep('manager', { thriving: 1 }),
        await c.manager.request('PUT', `/api/conversations/${id}/booking`, booking(20)),
        await c.manager.post(`/api/conversations/${id}/booking/cancel`, {}),
        await c.manager.post(`/api/conversations/${id}/start`, { holdNow: true }),
      ];
      for (const r of refused) {
        expect(r.statusCode, `${status}: ${r.body}`).toBe(409);
        expect(r.json().error.code).toBe('conversation.read_only');
      }
      const read = JSON.parse((await page('employee')).body);
      expect(read).toMatchObject({ status, readOnly: true });
    }
  });
});
