import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, oneOnOneMeetings } from '../../src/db/schema/index';
import { testApp, type TestContext } from '../support/app';
import { makePerson } from '../support/factories';
import {
  bookSeries,
  clientsFor,
  daysFromToday,
  makeOneOnOneWorld,
  type OneOnOneWorld,
} from '../support/one-on-one.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;
let seriesId: string;
let meetings: { id: string; startsAt: string }[];

type Point = {
  id: string;
  kind: string;
  title: string;
  sectionKey: string | null;
  author: { role: string } | null;
  discussed: boolean;
};

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'meeting');
  c = await clientsFor(ctx.app, w);
  ({
    series: { id: seriesId },
    meetings,
  } = await bookSeries(c.manager, w.employee.id, {
    startDate: daysFromToday(1),
  }));
});
afterAll(() => ctx.close());

const detail = async (id = meetings[0]!.id, who = c.manager) =>
  (await who.get(`/api/one-on-ones/meetings/${id}`)).json();

describe('the agenda', () => {
  it('starts from the template, in the viewer’s language', async () => {
    const d = await detail();
    expect(d.myRole).toBe('manager');
    expect(d.template.ref).toBe('builtin:follow-up');
    expect(d.agenda.map((p: Point) => p.title)).toEqual([
      'Hur har du det?',
      'Uppföljning från förra 1-1',
      'Utmaningar',
      'Dina punkter',
      'Prioritering av uppgifter',
      'Feedback åt båda hållen',
      'Motivation',
      'Övrigt',
    ]);
    const da = await detail(meetings[0]!.id, c.employee);
    expect(da.myRole).toBe('employee');
    expect(da.agenda[3].title).toBe('Dine emner');
  });

  it("puts the employee's topics under “your topics”, visibly theirs", async () => {
    const res = await c.employee.post(`/api/one-on-ones/meetings/${meetings[0]!.id}/points`, {
      title: 'Kursus i foråret',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'topic',
      sectionKey: 'your_topics',
      author: { role: 'employee' },
    });
    await c.manager.post(`/api/one-on-ones/meetings/${meetings[0]!.id}/points`, {
      title: 'Budget',
    });
    const titles = (await detail()).agenda.map((p: Point) => p.title);
    expect(titles.indexOf('Kursus i foråret')).toBe(titles.indexOf('Dina punkter') + 1);
    expect(titles[titles.length - 1]).toBe('Budget');
  });

  it('reorders and ticks off points; only the author renames a topic', async () => {
    const d = await detail();
    const ids = d.agenda.map((p: Point) => p.id);
    const reversed = [...ids].reverse();
    const res = await c.employee.request(
      'PUT',
      `/api/one-on-ones/meetings/${meetings[0]!.id}/points/order`,
      {
        pointIds: reversed,
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().agenda.map((p: Point) => p.id)).toEqual(reversed);
    const bad = await c.manager.request(
      'PUT',
      `/api/one-on-ones/meetings/${meetings[0]!.id}/points/order`,
      {
        pointIds: reversed.slice(1),
      },
    );
    expect(bad.json().error.code).toBe('oneOnOne.agenda_mismatch');
    await c.manager.request('PUT', `/api/one-on-ones/meetings/${meetings[0]!.id}/points/order`, {
      pointIds: ids,
    });

    const wellbeing = d.agenda[0] as Point;
    const ticked = await c.employee.patch(`/api/one-on-ones/points/${wellbeing.id}`, {
      discussed: true,
    });
    expect(ticked.json().agenda[0].discussed).toBe(true);
    const topic = d.agenda.find((p: Point) => p.title === 'Kursus i foråret') as Point;
    const rename = await c.manager.patch(`/api/one-on-ones/points/${topic.id}`, { title: 'x' });
    expect(rename.statusCode).toBe(403);
  });

  it('moves an undiscussed topic to the next meeting, once', async () => {
    const topic = (await detail()).agenda.find((p: Point) => p.title === 'Budget') as Point;
    const res = await c.manager.post(`/api/one-on-ones/points/${topic.id}/carry-over`);
    expect(res.statusCode).toBe(200);
    expect(res.json().meetingId).toBe(meetings[1]!.id);
    const next = await detail(meetings[1]!.id);
    expect(next.agenda.map((p: Point) => p.title)).toContain('Budget');
    const again = await c.manager.post(`/api/one-on-ones/points/${topic.id}/carry-over`);
    expect(again.json().error.code).toBe('oneOnOne.cannot_carry_over');
  });
});

describe('shared notes', () => {
  let pointId: string;
  beforeAll(async () => {
    pointId = (await detail()).agenda[2].id;
  });

  it('saves with versions, merges appends and returns 409 with both versions otherwise', async () => {
    const url = `/api/one-on-ones/points/${pointId}/note`;
    const first = await c.manager.request('PUT', url, { body: 'Travlt.', baseVersion: 0 });
    expect(first.statusCode).toBe(200);
    expect(first.json().note).toMatchObject({ body: 'Travlt.', version: 1 });
    // Both start from version 1; the employee saves first, the manager's save is stale.
    const emp = await c.employee.request('PUT', url, {
      body: 'Travlt.\nFor mange møder.',
      baseVersion: 1,
    });
    expect(emp.json().note.version).toBe(2);
    const mgr = await c.manager.request('PUT', url, {
      body: 'Travlt.\nSe på kalenderen.',
      baseVersion: 1,
    });
    expect(mgr.statusCode).toBe(200);
    expect(mgr.json()).toMatchObject({ merged: true, note: { version: 3 } });
    expect(mgr.json().note.body).toBe('Travlt.\nSe på kalenderen.\nFor mange møder.');
    // Two rewrites of the same text: a conflict that loses nothing.
    const a = await c.employee.request('PUT', url, { body: 'Helt omskrevet', baseVersion: 3 });
    expect(a.statusCode).toBe(200);
    const b = await c.manager.request('PUT', url, {
      body: 'Noget andet',
      decision: 'Beslutning',
      baseVersion: 3,
    });
    expect(b.statusCode).toBe(409);
    expect(b.json().error.code).toBe('oneOnOne.note_conflict');
    expect(b.json().error.details).toMatchObject({
      current: { body: 'Helt omskrevet', version: 4 },
      yours: { body: 'Noget andet', decision: 'Beslutning', baseVersion: 3 },
    });
    expect((await detail()).agenda[2].note.body).toBe('Helt omskrevet');
  });

  it('keeps both texts when two people save their first words at the same moment', async () => {
    const point = (await detail()).agenda[4].id;
    const url = `/api/one-on-ones/points/${point}/note`;
    const [a, b] = await Promise.all([
      c.manager.request('PUT', url, { body: 'Från chefen', baseVersion: 0 }),
      c.employee.request('PUT', url, { body: 'Fra medarbejderen', baseVersion: 0 }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const saved = (await detail()).agenda[4].note;
    expect(saved.version).toBe(2);
    expect(saved.body).toContain('Från chefen');
    expect(saved.body).toContain('Fra medarbejderen');
  });

  it('refuses notes, topics and actions on a cancelled meeting, and stores nothing', async () => {
    const m = meetings[3]!.id;
    const d = await detail(m);
    await c.manager.post(`/api/one-on-ones/meetings/${m}/cancel`, { reason: 'Ferie' });
    const note = await c.employee.request('PUT', `/api/one-on-ones/points/${d.agenda[0].id}/note`, {
      body: 'x',
      baseVersion: 0,
    });
    expect(note.statusCode).toBe(409);
    expect(note.json().error).toMatchObject({
      code: 'oneOnOne.meeting_cancelled',
      message: 'Mødet er aflyst. Der kan ikke tilføjes mere.',
    });
    const topic = await c.employee.post(`/api/one-on-ones/meetings/${m}/points`, { title: 'x' });
    expect(topic.json().error.code).toBe('oneOnOne.meeting_cancelled');
    const priv = await c.manager.request('PUT', `/api/one-on-ones/meetings/${m}/private-note`, {
      body: 'x',
      baseVersion: 0,
    });
    expect(priv.json().error.code).toBe('oneOnOne.meeting_cancelled');
    const after = await detail(m);
    expect(after.agenda.every((p: { note: unknown }) => p.note === null)).toBe(true);
    expect(after.agenda).toHaveLength(d.agenda.length);
  });
});

describe('actions, minutes and homes', () => {
  let actionId: string;
  it('accepts only the pair as owners, and lists actions as mine with overdue flags', async () => {
    const m = meetings[0]!.id;
    const outside = await c.manager.post(`/api/one-on-ones/meetings/${m}/actions`, {
      title: 'x',
      ownerId: w.otherManager.id,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe('oneOnOne.owner_not_in_pair');
    const created = await c.manager.post(`/api/one-on-ones/meetings/${m}/actions`, {
      title: 'Tilmeld kursus',
      ownerId: w.employee.id,
      dueDate: daysFromToday(-2),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ownerRole: 'employee', done: false, overdue: true });
    actionId = created.json().id;
    await c.employee.post(`/api/one-on-ones/meetings/${m}/actions`, {
      title: 'Book lokale',
      ownerId: w.manager.id,
    });
    const mine = (await c.employee.get('/api/actions?owner=me&status=open')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      title: 'Tilmeld kursus',
      overdue: true,
      withName: 'Maja Chef',
    });
    await c.employee.post(`/api/one-on-ones/meetings/${m}/actions`, {
      title: 'Ring kunden',
      ownerId: w.manager.id,
      dueDate: daysFromToday(5),
    });
    const first = (await c.manager.get('/api/actions?owner=me&status=open&limit=1')).json();
    expect(first.items.map((a: { title: string }) => a.title)).toEqual(['Ring kunden']);
    const second = (
      await c.manager.get(`/api/actions?owner=me&status=open&limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((a: { title: string }) => a.title)).toEqual(['Book lokale']);
    expect(second.nextCursor).toBeNull();
    // A crafted cursor is refused before it reaches the database's cast.
    for (const key of ['soon', '2026-02-30', "2026-01-01'--"]) {
      const crafted = Buffer.from(
        JSON.stringify({ key, id: '00000000-0000-4000-8000-000000000000' }),
      ).toString('base64url');
      const res = await c.manager.get(`/api/actions?status=done&cursor=${crafted}`);
      expect(res.statusCode, key).toBe(400);
    }
  });

  it('finishes the meeting: held, minutes in the employee’s language, one mail however often', async () => {
    const m = meetings[0]!.id;
    const res = await c.manager.post(`/api/one-on-ones/meetings/${m}/finish`);
    expect(res.statusCode).toBe(200);
    const minutes = res.json();
    expect(minutes.locale).toBe('da');
    expect(minutes.content.topics.map((t: { title: string }) => t.title)).toEqual([
      'Udfordringer',
      'Kursus i foråret',
    ]);
    expect(
      minutes.content.actions.map((a: { title: string; ownerName: string }) => [
        a.title,
        a.ownerName,
      ]),
    ).toEqual([
      ['Tilmeld kursus', 'Erik Medarbetare'],
      ['Book lokale', 'Maja Chef'],
      ['Ring kunden', 'Maja Chef'],
    ]);
    expect(minutes.content.nextMeeting?.date).toBeTruthy();
    expect((await c.employee.post(`/api/one-on-ones/meetings/${m}/finish`)).statusCode).toBe(403);
    expect((await c.manager.post(`/api/one-on-ones/meetings/${m}/finish`)).json()).toEqual(minutes);
    const mails = await ctx.database.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.orgId, w.org.id),
          eq(mailOutbox.recipientId, w.employee.id),
          eq(mailOutbox.kind, 'one_on_one.minutes'),
        ),
      );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Referat');
    expect(mails[0]!.textBody).toContain('Tilmeld kursus');
    const [row] = await ctx.database.db
      .select()
      .from(oneOnOneMeetings)
      .where(eq(oneOnOneMeetings.id, m));
    expect(row!.status).toBe('held');
    const locked = await c.manager.post(`/api/one-on-ones/meetings/${m}/points`, { title: 'late' });
    expect(locked.json().error.code).toBe('oneOnOne.meeting_held');
  });

  it('lets the employee read and acknowledge the minutes', async () => {
    const m = meetings[0]!.id;
    expect(
      (await c.manager.post(`/api/one-on-ones/meetings/${m}/minutes/acknowledge`)).statusCode,
    ).toBe(403);
    const ack = await c.employee.post(`/api/one-on-ones/meetings/${m}/minutes/acknowledge`);
    expect(ack.statusCode).toBe(200);
    expect(ack.json().acknowledgedAt).not.toBeNull();
    const list = (await c.employee.get('/api/one-on-ones/minutes')).json();
    expect(list.items.map((x: { meetingId: string }) => x.meetingId)).toEqual([m]);
    expect(
      (await c.employee.get(`/api/one-on-ones/meetings/${meetings[1]!.id}/minutes`)).json().error
        .code,
    ).toBe('oneOnOne.not_held');
  });

  it('shows open actions under follow-up in every later meeting until done', async () => {
    const later = await detail(meetings[2]!.id, c.employee);
    expect(later.followUp.map((a: { title: string }) => a.title).sort()).toEqual([
      'Book lokale',
      'Ring kunden',
      'Tilmeld kursus',
    ]);
    await c.employee.patch(`/api/actions/${actionId}`, { done: true });
    const next = await detail(meetings[1]!.id, c.employee);
    expect(next.followUp.map((a: { title: string }) => a.title)).toEqual([
      'Book lokale',
      'Ring kunden',
    ]);
    const done = (await c.employee.get('/api/actions?status=done')).json();
    expect(done.items[0]).toMatchObject({ id: actionId, done: true, overdue: false });
  });

  it('gives the manager an overview of the team and the employee their own page', async () => {
    const overview = (await c.manager.get('/api/one-on-ones/overview')).json();
    expect(overview.items).toHaveLength(1);
    expect(overview.items[0]).toMatchObject({
      person: { id: w.employee.id },
      seriesId,
      cadence: 'every_2_weeks',
      openActions: 2,
      overdueActions: 0,
      lastHeld: { id: meetings[0]!.id },
      tooLongSinceLastHeld: false,
    });
    expect(overview.items[0].nextMeeting).not.toBeNull();
    const mine = (await c.employee.get('/api/one-on-ones/mine')).json();
    expect(mine.series.id).toBe(seriesId);
    expect(mine.nextMeeting.id).toBe(meetings[1]!.id);
    expect(mine.minutes).toHaveLength(1);
    expect(mine.actions).toEqual([]);
  });
});

describe('the overview flags', () => {
  it('flags a pair whose last held 1:1 is more than twice the cadence ago, and overdue actions', async () => {
    const report = await makePerson(ctx.database.db, w.org.id, {
      name: 'Ådne Långt-sedan',
      managerId: w.manager.id,
      timeZone: 'Pacific/Kiritimati',
    });
    const { meetings: ms } = await bookSeries(c.manager, report.id, {
      startDate: daysFromToday(1),
    });
    // Pretend the first meeting was held 40 days ago.
    await ctx.database.db
      .update(oneOnOneMeetings)
      .set({
        status: 'held',
        startsAt: new Date(Date.now() - 40 * 86_400_000),
        localDate: daysFromToday(-40),
      })
      .where(eq(oneOnOneMeetings.id, ms[0]!.id));
    await c.manager.post(`/api/one-on-ones/meetings/${ms[1]!.id}/actions`, {
      title: 'Late',
      ownerId: report.id,
      dueDate: daysFromToday(-1),
    });
    const items = (await c.manager.get('/api/one-on-ones/overview')).json().items;
    const row = items.find((i: { person: { id: string } }) => i.person.id === report.id);
    expect(row).toMatchObject({
      daysSinceLastHeld: 40,
      tooLongSinceLastHeld: true,
      openActions: 1,
      overdueActions: 1,
      lastHeld: { id: ms[0]!.id },
      nextMeeting: { id: ms[1]!.id },
    });
  });
});

describe('templates', () => {
  it('lets HR add a template; a meeting keeps its snapshot when the template changes', async () => {
    const body = {
      name: { en: 'Short', sv: 'Kort' },
      sections: [{ key: 'how', kind: 'standard', title: { en: 'How is it going?' } }],
    };
    expect((await c.manager.post('/api/one-on-ones/templates', body)).statusCode).toBe(403);
    const t = await c.hr.post('/api/one-on-ones/templates', body);
    expect(t.statusCode).toBe(201);
    const ref = t.json().ref as string;
    await c.manager.patch(`/api/one-on-ones/series/${seriesId}`, { template: ref });
    const m = meetings[4]!.id;
    expect((await detail(m)).agenda.map((p: Point) => p.title)).toEqual(['How is it going?']);
    await c.hr.patch(`/api/one-on-ones/templates/${ref.slice(4)}`, {
      sections: [{ key: 'new', kind: 'standard', title: { en: 'Changed' } }],
    });
    expect((await detail(m)).agenda.map((p: Point) => p.title)).toEqual(['How is it going?']);
    expect((await detail(meetings[5]!.id)).agenda.map((p: Point) => p.title)).toEqual(['Changed']);
    const list = (await c.employee.get('/api/one-on-ones/templates')).json().items;
    expect(list.map((x: { ref: string }) => x.ref)).toEqual(
      expect.arrayContaining(['builtin:check-in', 'builtin:follow-up', 'builtin:task-review', ref]),
    );
  });
});
