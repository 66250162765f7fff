/** Conversation templates: built-ins per organisation, versions, copy, archive, import/export. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations } from '../../src/db/schema/index';
import { testApp, type TestContext } from '../support/app';
import { makeRoundWorld, roundBody, roundClients, type RoundWorld } from './rounds.factories';

let ctx: TestContext;
let w: RoundWorld;
let c: Awaited<ReturnType<typeof roundClients>>;
type Summary = { id: string; builtinKey: string | null; kind: string; latest: { version: number } };

beforeAll(async () => {
  ctx = await testApp();
  w = await makeRoundWorld(ctx.database.db, 'tpl');
  c = await roundClients(ctx.app, w);
});
afterAll(() => ctx.close());

const builtin = async (key: string) =>
  ((await c.hr.get('/api/conversation-templates')).json().items as Summary[]).find(
    (t) => t.builtinKey === key,
  )!;

describe('conversation templates', () => {
  it('gives every organisation the built-in templates once, in all four languages', async () => {
    const [a, b] = await Promise.all([
      c.hr.get('/api/conversation-templates'),
      c.hr.get('/api/conversation-templates'),
    ]);
    expect(a.json().items.length).toBe(b.json().items.length);
    const keys = (a.json().items as Summary[]).map((t) => t.builtinKey).sort();
    expect(keys).toEqual(['development', 'follow-up', 'mus', 'salary', 'strategic', 'wellbeing']);
    const mus = await c.hr.get(`/api/conversation-templates/${(await builtin('mus')).id}`);
    expect(mus.json().name.da).toBe('MUS – medarbejderudviklingssamtale');
    expect(mus.json().sections.length).toBeGreaterThan(3);
    const theirs = await c.stranger.get('/api/conversation-templates');
    expect((theirs.json().items as Summary[]).map((t) => t.id)).not.toContain(mus.json().id);
    expect((await c.stranger.get(`/api/conversation-templates/${mus.json().id}`)).statusCode).toBe(
      404,
    );
  });

  it('saves an edit as a new version while a round keeps the version it started with', async () => {
    const copy = await c.hr.post(
      `/api/conversation-templates/${(await builtin('strategic')).id}/copy`,
    );
    expect(copy.statusCode).toBe(201);
    const t = copy.json();
    expect(t.name.sv).toBe('Kopia av Tre strategiska frågor');
    expect(t.latest.version).toBe(1);
    const round = await c.hr.post(
      '/api/rounds',
      roundBody(t.id, { type: 'manager', managerId: w.anna.id }),
    );
    expect(round.statusCode).toBe(201);
    const v1 = round.json().round.templateVersionId;

    const sections = structuredClone(t.sections);
    sections[0].questions.push({
      key: 'energy',
      text: { en: 'How is your energy?' },
      preparedBy: 'employee',
      answer: { type: 'yes_no' },
    });
    const body = { kind: t.kind, name: t.name, description: t.description, sections };
    const edited = await c.hr.request('PUT', `/api/conversation-templates/${t.id}`, {
      ...body,
      baseVersion: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().latest.version).toBe(2);
    expect(edited.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // Someone saving from the old version is told, not overwritten.
    const stale = await c.hr.request('PUT', `/api/conversation-templates/${t.id}`, {
      ...body,
      baseVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    // Same content again: no new version.
    const same = await c.hr.request('PUT', `/api/conversation-templates/${t.id}`, {
      ...body,
      baseVersion: 2,
    });
    expect(same.json().latest.version).toBe(2);

    const rows = await ctx.database.db
      .select({ v: conversations.templateVersionId })
      .from(conversations)
      .where(
        and(eq(conversations.orgId, w.org.id), eq(conversations.roundId, round.json().round.id)),
      );
    expect(rows.length).toBe(3);
    expect(rows.every((r) => r.v === v1)).toBe(true);
    const next = await c.hr.post(
      '/api/rounds',
      roundBody(t.id, { type: 'manager', managerId: w.bo.id }),
    );
    expect(next.json().round.templateVersionId).toBe(edited.json().latest.id);
  });

  it('rejects bad content with the path of the problem', async () => {
    const t = (
      await c.hr.get(`/api/conversation-templates/${(await builtin('salary')).id}`)
    ).json();
    const sections = structuredClone(t.sections);
    sections[0].questions[1].answer = { type: 'scale', labels: [{ en: 'Only one' }] };
    const res = await c.hr.request('PUT', `/api/conversation-templates/${t.id}`, {
      kind: t.kind,
      name: t.name,
      sections,
      baseVersion: t.latest.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('sections.0.questions.1.answer.labels');

    const twice = structuredClone(t.sections);
    twice[2].questions[0].key = twice[0].questions[0].key;
    const dup = await c.hr.request('PUT', `/api/conversation-templates/${t.id}`, {
      kind: t.kind,
      name: t.name,
      sections: twice,
      baseVersion: t.latest.version,
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields).toEqual([
      {
        path: 'sections.2.questions.0.key',
        code: 'duplicate_key',
        message: 'Nyckeln används redan. Varje nyckel måste vara unik.',
      },
    ]);
  });

  it('archives and restores; an archived template opens no round', async () => {
    const t = (
      await c.hr.post('/api/conversation-templates/' + (await builtin('wellbeing')).id + '/copy')
    ).json();
    const archived = await c.hr.patch(`/api/conversation-templates/${t.id}`, { archived: true });
    expect(archived.json().archived).toBe(true);
    const listed = await c.hr.get('/api/conversation-templates?archived=true');
    expect((listed.json().items as Summary[]).map((x) => x.id)).toContain(t.id);
    const round = await c.hr.post('/api/rounds', roundBody(t.id, { type: 'all' }));
    expect(round.json().error.code).toBe('round.template_archived');
    expect(
      (await c.hr.patch(`/api/conversation-templates/${t.id}`, { archived: false })).json()
        .archived,
    ).toBe(false);
  });

  it('exports a file that imports back to the same template', async () => {
    const source = (await builtin('development')).id;
    const exported = await c.hr.get(`/api/conversation-templates/${source}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const file = exported.json();
    expect(file.format).toBe('samtal.conversation-template');
    expect(file.formatVersion).toBe(1);
    const imported = await c.hr.post('/api/conversation-templates/import', file);
    expect(imported.statusCode).toBe(201);
    const original = (await c.hr.get(`/api/conversation-templates/${source}`)).json();
    expect(imported.json().sections).toEqual(original.sections);
    expect(imported.json().name).toEqual(original.name);
    expect(imported.json().builtinKey).toBeNull();
  });

  it('rejects a bad file naming the path in the file, translated', async () => {
    const file = (
      await c.hr.get(`/api/conversation-templates/${(await builtin('mus')).id}/export`)
    ).json();
    file.sections[2].questions[0].answer.type = 'stars';
    file.sections[3].questions[1].preparedBy = 'hr';
    const res = await c.hr.post('/api/conversation-templates/import', file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('conversationTemplate.invalid_file');
    expect(res.json().error.message).toBe('Filen är inte en giltig samtalsmall: 2 fel hittades.');
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'sections.2.questions.0.answer.type',
      'sections.3.questions.1.preparedBy',
    ]);
    const notATemplate = await c.hr.post('/api/conversation-templates/import', { hello: 'world' });
    expect(notATemplate.json().error.fields[0].path).toBe('format');
  });

  it('is HR’s only', async () => {
    const id = (await builtin('mus')).id;
    for (const client of [c.emp1, c.anna]) {
      expect((await client.get(`/api/conversation-templates/${id}`)).statusCode).toBe(403);
      expect((await client.post(`/api/conversation-templates/${id}/copy`)).statusCode).toBe(403);
      expect((await client.get(`/api/conversation-templates/${id}/export`)).statusCode).toBe(403);
    }
    expect((await c.stranger.post(`/api/conversation-templates/${id}/copy`)).statusCode).toBe(404);
  });
});
