/**
 * Sign-off through the API: the manager closes (version 1), everything turns read-only, the
 * employee signs with a comment, a correction makes version 2 while version 1 stays readable,
 * the PDF is in the employee's language, and the agreed goals follow the pair into their 1:1s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app';
import { clientsFor, makeOneOnOneWorld, type OneOnOneWorld } from '../support/one-on-one.factories';
import { goalBody, makeHeldConversation, pdfText, planBody } from './goals.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;
let conversationId: string;
let goalId: string;
let planItemId: string;

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'sign-off');
  c = await clientsFor(ctx.app, w);
  const conv = await makeHeldConversation(
    ctx.database.db,
    w.org.id,
    { managerId: w.manager.id, employeeId: w.employee.id },
    {
      notes: {
        now: 'Trives godt i teamet, især med kollegerne på Ærø',
        ahead: 'Vil lede flere møder',
      },
    },
  );
  conversationId = conv.id;
  const goal = await c.manager.post(
    `/api/conversations/${conversationId}/goals`,
    goalBody('Lede møder i højere grad'),
  );
  expect(goal.statusCode).toBe(201);
  goalId = goal.json().id;
  const item = await c.employee.post(
    `/api/conversations/${conversationId}/plan`,
    planBody('Facilitering'),
  );
  expect(item.statusCode).toBe(201);
  planItemId = item.json().id;
});
afterAll(() => ctx.close());

const url = (rest = '') => `/api/conversations/${conversationId}${rest}`;

describe('sign-off', () => {
  it('lets only the manager close, and freezes the agreement as version 1', async () => {
    expect((await c.employee.post(url('/sign-off/close'))).statusCode).toBe(403);
    expect((await c.employee.post(url('/sign-off/sign'), {})).json().error.code).toBe(
      'signOff.not_closed',
    );
    const res = await c.manager.post(url('/sign-off/close'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', signedAt: null });
    expect(res.json().versions).toHaveLength(1);
    const v1 = (await c.employee.get(url('/versions/1'))).json();
    expect(v1.createdBy.id).toBe(w.manager.id);
    expect(v1.content.sections.map((s: { notes: string }) => s.notes)).toEqual([
      'Trives godt i teamet, især med kollegerne på Ærø',
      'Vil lede flere møder',
    ]);
    expect(v1.content.goals[0].title).toBe('Lede møder i højere grad');
    expect(v1.content.plan[0].competence).toBe('Facilitering');
    expect(v1.content.actions[0]).toMatchObject({
      title: 'Tilmeld kursus i facilitering',
      ownerName: w.employee.name,
    });
    expect((await c.manager.post(url('/sign-off/close'))).json().error.code).toBe(
      'signOff.already_closed',
    );
  });

  it('refuses every change to goals and plan once closed', async () => {
    const refused = [
      await c.manager.post(url('/goals'), goalBody('Nyt mål')),
      await c.manager.patch(`/api/goals/${goalId}`, { title: 'Ændret' }),
      await c.employee.delete(`/api/goals/${goalId}`),
      await c.manager.post(url('/plan'), planBody('Noget nyt')),
      await c.manager.patch(`/api/goals/plan-items/${planItemId}`, { support: 'Mere' }),
    ];
    for (const res of refused) expect(res.json().error.code).toBe('signOff.read_only');
  });

  it('lets only the employee sign, with a comment of disagreement', async () => {
    expect((await c.manager.post(url('/sign-off/sign'), {})).statusCode).toBe(403);
    const res = await c.employee.post(url('/sign-off/sign'), {
      comment: 'Jeg er uenig i fristen for kurset.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('signed');
    expect(res.json().versions[0]).toMatchObject({
      version: 1,
      acknowledgementComment: 'Jeg er uenig i fristen for kurset.',
    });
    expect((await c.employee.post(url('/sign-off/sign'), {})).json().error.code).toBe(
      'signOff.already_signed',
    );
  });

  it('makes a correction version 2; version 1 stays as it was', async () => {
    const fix = {
      summary: 'Fristen for målet er flyttet efter aftale',
      goals: [{ id: goalId, dueDate: '2027-09-30', title: 'Lede møder – også på tværs' }],
    };
    expect((await c.employee.post(url('/versions'), fix)).statusCode).toBe(403);
    expect(
      (await c.manager.post(url('/versions'), { summary: 'x', goals: [{ id: goalId }] })).json()
        .error.code,
    ).toBe('signOff.nothing_changed');
    const res = await c.manager.post(url('/versions'), fix);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      version: 2,
      createdBy: { id: w.manager.id },
      summary: fix.summary,
      changes: [`goals.${goalId}.title`, `goals.${goalId}.dueDate`],
    });
    const list = (await c.employee.get(url('/versions'))).json().items;
    expect(list.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await c.employee.get(url('/versions/1'))).json().content.goals[0].title).toBe(
      'Lede møder i højere grad',
    );
    expect((await c.employee.get(url('/versions/2'))).json().content.goals[0]).toMatchObject({
      title: 'Lede møder – også på tværs',
      dueDate: '2027-09-30',
    });
    expect((await c.employee.get(url('/sign-off'))).json().status).toBe('signed');
  });

  it('exports the agreement as a PDF in the employee’s language (Danish)', async () => {
    const res = await c.manager.get(url('/pdf'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const { text } = await pdfText(res.rawPayload);
    for (const expected of [
      'Medarbejderudviklingssamtale – aftale',
      w.employee.name,
      'Nuværende situation',
      'Trives godt i teamet, især med kollegerne på Ærø',
      'Lede møder – også på tværs',
      'Facilitering',
      'Kursus eller uddannelse',
      'Tilmeld kursus i facilitering',
      'Medarbejderens kommentar',
      'Jeg er uenig i fristen for kurset.',
      'Underskrevet af Erik Medarbetare',
      '(version 1)',
      'Version 2 af 2',
      'Fristen for målet er flyttet efter aftale',
    ])
      expect(text).toContain(expected);
    const v1 = await pdfText((await c.employee.get(url('/pdf?version=1'))).rawPayload);
    expect(v1.text).toContain('Lede møder i højere grad');
    expect(v1.text).toContain('Version 1 af 2');
    expect(v1.text).toContain('Jeg er uenig i fristen for kurset.');
    expect((await c.employee.get(url('/pdf?version=3'))).statusCode).toBe(404);
  });
});

describe('goals in the pair’s later 1:1s', () => {
  it('shows the agreed goals and plan to both, with progress notes by who and when', async () => {
    const panel = (await c.manager.get(`/api/goals?with=${w.employee.id}`)).json();
    expect(panel.goals.map((g: { title: string }) => g.title)).toEqual([
      'Lede møder – også på tværs',
    ]);
    expect(panel.plan.map((p: { competence: string }) => p.competence)).toEqual(['Facilitering']);
    const note = await c.employee.post(`/api/goals/${goalId}/progress`, {
      body: 'Har ledet to møder',
    });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ authorId: w.employee.id, authorName: w.employee.name });
    await c.manager.post(`/api/goals/plan-items/${planItemId}/progress`, { body: 'Kursus booket' });
    const again = (await c.employee.get(`/api/goals?with=${w.manager.id}`)).json();
    expect(again.goals[0].progress.map((p: { body: string }) => p.body)).toEqual([
      'Har ledet to møder',
    ]);
    expect(again.plan[0].progress[0]).toMatchObject({
      body: 'Kursus booket',
      authorId: w.manager.id,
    });
    // Someone outside the pair sees nothing of theirs, and cannot add notes.
    expect((await c.otherManager.get(`/api/goals?with=${w.employee.id}`)).json()).toEqual({
      goals: [],
      plan: [],
    });
    expect(
      (await c.otherManager.post(`/api/goals/${goalId}/progress`, { body: 'x' })).statusCode,
    ).toBe(404);
  });

  it('brings open goals into the pair’s next conversation, where their outcome is recorded', async () => {
    const next = await makeHeldConversation(ctx.database.db, w.org.id, {
      managerId: w.manager.id,
      employeeId: w.employee.id,
    });
    const before = (await c.employee.get(`/api/conversations/${next.id}/goals`)).json();
    expect(before.lastPeriod.map((g: { id: string }) => g.id)).toEqual([goalId]);
    const res = await c.manager.request(
      'PUT',
      `/api/conversations/${next.id}/goals/${goalId}/outcome`,
      {
        outcome: 'partly',
        comment: 'To af fire møder',
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'partly', outcomeComment: 'To af fire møder' });
    // A new manager of the same employee inherits nothing of the earlier pair.
    const other = await makeHeldConversation(ctx.database.db, w.org.id, {
      managerId: w.otherManager.id,
      employeeId: w.employee.id,
    });
    expect(
      (await c.employee.get(`/api/conversations/${other.id}/goals`)).json().lastPeriod,
    ).toEqual([]);
  });
});
