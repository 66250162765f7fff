/**
 * Organisation goals in several languages (issue #15): HR gives a goal its text per language;
 * each reader gets their own language, else the goal as first written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestContext } from '../support/app';
import { clientsFor, makeOneOnOneWorld, type OneOnOneWorld } from '../support/one-on-one.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;

type Goal = {
  id: string;
  title: string;
  description: string;
  original: { title: string; description: string };
  translations: Record<string, { title: string; description: string }>;
};

async function list(client: Client): Promise<Goal[]> {
  const res = await client.get('/api/organisation-goals');
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'org-goal-lang');
  c = await clientsFor(ctx.app, w);
  // The manager reads in English; the employee's account is Danish (the world's choice).
  expect((await c.manager.patch('/api/me', { locale: 'en' })).statusCode).toBe(200);
});
afterAll(() => ctx?.close());

describe('organisation goals in the reader’s language', () => {
  let id: string;

  it('lets HR give a goal its text per language, keeping only languages with a title', async () => {
    const res = await c.hr.post('/api/organisation-goals', {
      title: 'Färre fel i leveranserna',
      description: 'Hälften så många felrapporter.',
      translations: {
        da: { title: ' Færre fejl i leverancerne ', description: 'Halvt så mange fejlrapporter.' },
        nb: { title: '', description: 'Uten tittel' },
      },
    });
    expect(res.statusCode).toBe(201);
    const goal: Goal = res.json();
    id = goal.id;
    expect(goal.original).toEqual({
      title: 'Färre fel i leveranserna',
      description: 'Hälften så många felrapporter.',
    });
    expect(goal.translations).toEqual({
      da: { title: 'Færre fejl i leverancerne', description: 'Halvt så mange fejlrapporter.' },
    });
  });

  it('shows each reader their language, and the first text where theirs is missing', async () => {
    const da = (await list(c.employee)).find((g) => g.id === id)!;
    expect(da.title).toBe('Færre fejl i leverancerne');
    expect(da.description).toBe('Halvt så mange fejlrapporter.');
    const en = (await list(c.manager)).find((g) => g.id === id)!;
    expect(en.title).toBe('Färre fel i leveranserna');
  });

  it('replaces the languages on an edit; other languages do not leak into the first text', async () => {
    const res = await c.hr.patch(`/api/organisation-goals/${id}`, {
      translations: { en: { title: 'Fewer defects in deliveries', description: '' } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().translations).toEqual({
      en: { title: 'Fewer defects in deliveries', description: '' },
    });
    const en = (await list(c.manager)).find((g) => g.id === id)!;
    expect(en).toMatchObject({
      title: 'Fewer defects in deliveries',
      description: 'Hälften så många felrapporter.',
      original: { title: 'Färre fel i leveranserna' },
    });
    expect((await list(c.employee)).find((g) => g.id === id)!.title).toBe(
      'Färre fel i leveranserna',
    );
  });

  it('refuses a language Samtal does not speak', async () => {
    const res = await c.hr.patch(`/api/organisation-goals/${id}`, {
      translations: { de: { title: 'Weniger Fehler', description: '' } },
    });
    expect(res.statusCode).toBe(400);
  });

  it('lets only HR change the goals', async () => {
    const res = await c.manager.patch(`/api/organisation-goals/${id}`, {
      translations: { en: { title: 'Mine', description: '' } },
    });
    expect(res.statusCode).toBe(403);
  });
});
