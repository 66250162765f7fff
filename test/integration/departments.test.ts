import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../support/app';
import { makeOrg, makePerson } from '../support/factories';

let ctx: TestContext;
let hr: Client;

beforeAll(async () => {
  ctx = await testApp();
  const org = await makeOrg(ctx.database.db);
  await makePerson(ctx.database.db, org.id, {
    email: 'hr@example.test',
    roles: ['hr'],
    locale: 'da',
  });
  hr = await signedIn(ctx.app, 'hr@example.test');
});
afterAll(() => ctx.close());

describe('department tree', () => {
  it('builds units within units, renames and moves them', async () => {
    const care = (await hr.post('/api/departments', { name: 'Omsorg' })).json();
    const north = (await hr.post('/api/departments', { name: 'Nord', parentId: care.id })).json();
    expect(north.parentId).toBe(care.id);
    const renamed = (await hr.patch(`/api/departments/${north.id}`, { name: 'Nordvest' })).json();
    expect(renamed.name).toBe('Nordvest');
    const moved = (await hr.patch(`/api/departments/${north.id}`, { parentId: null })).json();
    expect(moved.parentId).toBeNull();
  });

  it('refuses a cycle, a duplicate sibling name and an unknown parent, in Danish', async () => {
    const a = (await hr.post('/api/departments', { name: 'A' })).json();
    const b = (await hr.post('/api/departments', { name: 'B', parentId: a.id })).json();
    const c = (await hr.post('/api/departments', { name: 'C', parentId: b.id })).json();
    const cycle = await hr.patch(`/api/departments/${a.id}`, { parentId: c.id });
    const message = 'En enhed kan ikke placeres i sig selv eller i en af sine underenheder.';
    expect(cycle.json().error).toEqual({
      code: 'department.cycle',
      message,
      fields: [{ path: 'parentId', code: 'department.cycle', message }],
    });
    const self = await hr.patch(`/api/departments/${a.id}`, { parentId: a.id });
    expect(self.json().error.code).toBe('department.cycle');
    const dup = await hr.post('/api/departments', { name: 'B', parentId: a.id });
    expect(dup.statusCode).toBe(409);
    const dupRoot = await hr.post('/api/departments', { name: 'A' });
    expect(dupRoot.json().error.code).toBe('department.name_taken');
    const orphan = await hr.post('/api/departments', {
      name: 'X',
      parentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(orphan.json().error.code).toBe('department.parent_not_found');
  });

  it('deletes only an empty unit and reports head counts', async () => {
    const unit = (await hr.post('/api/departments', { name: 'Tom' })).json();
    const used = (await hr.post('/api/departments', { name: 'Brugt' })).json();
    await hr.post('/api/people', {
      name: 'Medarbejder',
      email: 'm@example.test',
      timeZone: 'Europe/Copenhagen',
      departmentId: used.id,
    });
    const list = (await hr.get('/api/departments')).json().items;
    expect(list.find((d: { id: string }) => d.id === used.id).people).toBe(1);
    const refused = await hr.delete(`/api/departments/${used.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('department.not_empty');
    expect((await hr.delete(`/api/departments/${unit.id}`)).statusCode).toBe(200);
    expect(
      (await hr.get('/api/departments')).json().items.some((d: { id: string }) => d.id === unit.id),
    ).toBe(false);
  });
});
