import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { people } from '../../src/db/schema/index';
import { Client, signedIn, testApp, type TestContext } from '../support/app';
import { makeDepartment, makeOrg, makePerson } from '../support/factories';

let ctx: TestContext;
let hr: Client;
let orgId: string;
let ceoId: string;
let depId: string;

beforeAll(async () => {
  ctx = await testApp();
  const db = ctx.database.db;
  const org = await makeOrg(db, { defaultLocale: 'sv' });
  orgId = org.id;
  const ceo = await makePerson(db, orgId, { name: 'Cecilia VD', email: 'ceo@example.test' });
  ceoId = ceo.id;
  await makePerson(db, orgId, { email: 'hr@example.test', roles: ['hr'], managerId: ceo.id });
  depId = (await makeDepartment(db, orgId, 'Hemtjänst')).id;
  hr = await signedIn(ctx.app, 'hr@example.test');
});
afterAll(() => ctx.close());

const peopleCount = async () =>
  (await ctx.database.db.select({ n: count() }).from(people).where(eq(people.orgId, orgId)))[0]!.n;

describe('people register (HR)', () => {
  it('adds a person with every field, normalising the e-mail', async () => {
    const res = await hr.post('/api/people', {
      name: '  Åsa Öberg ',
      email: 'Asa.Oberg@Example.test',
      employeeNumber: 'E100',
      jobTitle: 'Undersköterska',
      departmentId: depId,
      locale: 'sv',
      timeZone: 'Europe/Stockholm',
      managerId: ceoId,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Åsa Öberg',
      email: 'asa.oberg@example.test',
      employeeNumber: 'E100',
      departmentId: depId,
      managerId: ceoId,
      active: true,
      hasPassword: false,
    });
    expect(res.json()).not.toHaveProperty('passwordHash');
  });

  it('refuses a duplicate e-mail or employee number with a translated error and stores nothing', async () => {
    const before = await peopleCount();
    const dupEmail = await hr.post('/api/people', {
      name: 'X',
      email: 'asa.oberg@example.test',
      timeZone: 'Europe/Oslo',
    });
    expect(dupEmail.statusCode).toBe(409);
    expect(dupEmail.json().error).toMatchObject({
      code: 'person.email_taken',
      message: 'Någon i organisationen har redan den här e-postadressen.',
    });
    const dupNumber = await hr.post('/api/people', {
      name: 'Y',
      email: 'y@example.test',
      employeeNumber: 'E100',
      timeZone: 'Europe/Oslo',
    });
    expect(dupNumber.json().error.code).toBe('person.employee_number_taken');
    expect(await peopleCount()).toBe(before);
  });

  it('names each bad field of a bad request', async () => {
    const res = await hr.post('/api/people', {
      name: '',
      email: 'not-an-email',
      timeZone: 'Mars/Base',
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; code: string; message: string }[];
    expect(fields.map((f) => [f.path, f.code])).toEqual(
      expect.arrayContaining([
        ['name', 'required'],
        ['email', 'email'],
      ]),
    );
    expect(fields.find((f) => f.path === 'email')?.message).toBe('Ange en giltig e-postadress.');
    const tz = await hr.post('/api/people', {
      name: 'Z',
      email: 'z@example.test',
      timeZone: 'Mars/Base',
    });
    expect(tz.json().error.fields[0]).toMatchObject({ path: 'timeZone', code: 'time_zone' });
  });

  it('refuses a manager that would make a cycle, and self-management', async () => {
    const db = ctx.database.db;
    const a = await makePerson(db, orgId, { name: 'A' });
    const b = await makePerson(db, orgId, { name: 'B', managerId: a.id });
    const c = await makePerson(db, orgId, { name: 'C', managerId: b.id });
    const cycle = await hr.patch(`/api/people/${a.id}`, { managerId: c.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.code).toBe('person.manager_cycle');
    expect(cycle.json().error.fields).toEqual([
      expect.objectContaining({ path: 'managerId', code: 'person.manager_cycle' }),
    ]);
    expect((await hr.get(`/api/people/${a.id}`)).json().managerId).toBeNull();
    const self = await hr.patch(`/api/people/${a.id}`, { managerId: a.id });
    expect(self.json().error.code).toBe('person.manager_self');
    const ok = await hr.patch(`/api/people/${c.id}`, { managerId: a.id });
    expect(ok.statusCode).toBe(200);
  });

  it('deactivates: sign-in stops at once, history stays, reactivation restores it', async () => {
    const db = ctx.database.db;
    const p = await makePerson(db, orgId, { email: 'leaving@example.test' });
    const session = await signedIn(ctx.app, 'leaving@example.test');
    const res = await hr.post(`/api/people/${p.id}/deactivate`);
    expect(res.json()).toMatchObject({ active: false });
    expect(res.json().deactivatedAt).toBeTruthy();
    expect((await session.get('/api/me')).statusCode).toBe(401);
    expect((await new Client(ctx.app).login('leaving@example.test')).statusCode).toBe(401);
    const list = (await hr.get('/api/people?includeInactive=true&search=leaving')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect((await hr.get('/api/people?search=leaving')).json().items).toEqual([]);
    await hr.post(`/api/people/${p.id}/reactivate`);
    expect((await new Client(ctx.app).login('leaving@example.test')).statusCode).toBe(200);
  });

  it('refuses a deactivated manager and deactivating oneself', async () => {
    const db = ctx.database.db;
    const gone = await makePerson(db, orgId, { active: false });
    const p = await makePerson(db, orgId);
    expect((await hr.patch(`/api/people/${p.id}`, { managerId: gone.id })).json().error.code).toBe(
      'person.manager_inactive',
    );
    const me = (await hr.get('/api/me')).json();
    expect((await hr.post(`/api/people/${me.id}/deactivate`)).json().error.code).toBe(
      'person.cannot_deactivate_self',
    );
  });

  it('pages through people by name with a cursor', async () => {
    const db = ctx.database.db;
    const dep = await makeDepartment(db, orgId, 'Paging');
    for (let i = 0; i < 7; i++)
      await makePerson(db, orgId, { name: `Page ${i}`, departmentId: dep.id });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/people?departmentId=${dep.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await hr.get(url)).json();
      seen.push(...page.items.map((x: { name: string }) => x.name));
      expect(page.items[0].departmentName).toBe('Paging');
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Page ${i}`));
    expect((await hr.get('/api/people?cursor=garbage')).statusCode).toBe(400);
  });

  it('gives a one-time sign-in link that sets the password once', async () => {
    const p = await makePerson(ctx.database.db, orgId, {
      email: 'new@example.test',
      passwordHash: null,
    });
    const link = (await hr.post(`/api/people/${p.id}/password-link`)).json();
    const token = new URL(link.url).hash.slice(1);
    const anon = new Client(ctx.app);
    const short = await anon.post('/api/auth/set-password', { token, password: 'short' });
    expect(short.json().error.fields[0]).toMatchObject({ path: 'password', code: 'too_short' });
    expect(
      (await anon.post('/api/auth/set-password', { token, password: 'a long new password' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await anon.post('/api/auth/set-password', { token, password: 'another password!' })).json()
        .error.code,
    ).toBe('auth.token_invalid');
    expect((await anon.login('new@example.test', 'a long new password')).statusCode).toBe(200);
  });

  it('lets a person change their own language, time zone and password', async () => {
    await makePerson(ctx.database.db, orgId, { email: 'self@example.test' });
    const c = await signedIn(ctx.app, 'self@example.test');
    const other = await signedIn(ctx.app, 'self@example.test');
    const me = await c.patch('/api/me', { locale: 'nb', timeZone: 'Europe/Oslo' });
    expect(me.json()).toMatchObject({ locale: 'nb', ownLocale: 'nb', timeZone: 'Europe/Oslo' });
    const wrong = await c.post('/api/me/password', {
      currentPassword: 'nope',
      newPassword: 'x'.repeat(12),
    });
    expect(wrong.json().error.fields[0]).toMatchObject({
      path: 'currentPassword',
      message: 'Nåværende passord er feil.',
    });
    const ok = await c.post('/api/me/password', {
      currentPassword: 'correct horse battery',
      newPassword: 'a brand new secret',
    });
    expect(ok.statusCode).toBe(200);
    expect((await other.get('/api/me')).statusCode).toBe(401);
    expect((await c.get('/api/me')).statusCode).toBe(200);
  });
});

describe('team', () => {
  it('lists a manager’s active direct reports only', async () => {
    const db = ctx.database.db;
    const boss = await makePerson(db, orgId, { email: 'boss@example.test' });
    await makePerson(db, orgId, { name: 'Direct 1', managerId: boss.id });
    await makePerson(db, orgId, { name: 'Direct 2', managerId: boss.id });
    await makePerson(db, orgId, { name: 'Gone', managerId: boss.id, active: false });
    const c = await signedIn(ctx.app, 'boss@example.test');
    expect((await c.get('/api/me')).json().home).toBe('manager');
    const team = (await c.get('/api/team')).json().items.map((x: { name: string }) => x.name);
    expect(team).toEqual(['Direct 1', 'Direct 2']);
  });
});

describe('one person', () => {
  it('comes with the names of their department and manager', async () => {
    const db = ctx.database.db;
    const boss = await makePerson(db, orgId, { name: 'Boss Name' });
    const p = await makePerson(db, orgId, { managerId: boss.id, departmentId: depId });
    expect((await hr.get(`/api/people/${p.id}`)).json()).toMatchObject({
      managerName: 'Boss Name',
      departmentName: 'Hemtjänst',
    });
  });
});

describe('search', () => {
  it('finds any part of a name, e-mail or employee number, ignoring case, a page at a time', async () => {
    const db = ctx.database.db;
    const names = ['Zäta Berglund', 'Zäta Cederberg', 'Zäta Dahl', 'Zäta Ångström'];
    for (const [i, name] of names.entries())
      await makePerson(db, orgId, {
        name,
        email: `zeta${i}@zetamail.test`,
        employeeNumber: `ZN-${i}7`,
      });
    const find = async (q: string, extra = '') =>
      (await hr.get(`/api/people?search=${encodeURIComponent(q)}${extra}`))
        .json()
        .items.map((x: { name: string }) => x.name);
    expect(await find('ÅNGSTR')).toEqual(['Zäta Ångström']);
    expect(await find('ZÄTA')).toEqual(names);
    expect(await find('BERGLUND')).toEqual(['Zäta Berglund']);
    expect(await find('ZETAMAIL.TEST')).toEqual(names);
    expect(await find('zn-27')).toEqual(['Zäta Dahl']);
    expect(await find('50%')).toEqual([]);
    // A match never spans two fields (the end of a name and the start of the e-mail).
    expect(await find('dahlzeta2')).toEqual([]);
    // Nor can a search name the separator: control characters are refused (decision 017).
    const control = await hr.get(`/api/people?search=${encodeURIComponent('dahl\u0001zeta2')}`);
    expect(control.statusCode).toBe(400);
    expect(control.json().error.fields[0]).toMatchObject({
      path: 'search',
      code: 'control_character',
    });
    const first = (await hr.get('/api/people?search=zetamail&limit=3')).json();
    expect(first.items.map((x: { name: string }) => x.name)).toEqual(names.slice(0, 3));
    const rest = (
      await hr.get(`/api/people?search=zetamail&limit=3&cursor=${first.nextCursor}`)
    ).json();
    expect(rest.items.map((x: { name: string }) => x.name)).toEqual(['Zäta Ångström']);
  });
});
