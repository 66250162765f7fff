/**
 * Issue #11, item 2: nobody grants themself rights. Roles change in one place
 * (services/role-changes.ts) for the people form and the import alike; only an administrator
 * grants or removes admin; granting salary or admin mails the person and is recorded; there is
 * always an active administrator.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, people } from '../../src/db/schema/index';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImport } from '../../src/cli/import.command';
import { signedIn, testApp, type Client, type TestContext } from '../support/app';
import { makeOrg, makePerson } from '../support/factories';
import { mailsTo } from '../support/mail';

let ctx: TestContext;
let orgId: string;
let orgSlug: string;
let hr: Client;
let admin: Client;
const ids = {} as Record<'hr' | 'admin' | 'ann' | 'bo', string>;

const db = () => ctx.database.db;
const rolesOf = async (id: string) =>
  (await db().select().from(people).where(eq(people.id, id)))[0]!.roles;
const events = (action: string, subjectId: string) =>
  db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)));

beforeAll(async () => {
  ctx = await testApp();
  const org = await makeOrg(db(), { defaultLocale: 'sv' });
  orgId = org.id;
  orgSlug = org.slug;
  ids.hr = (await makePerson(db(), orgId, { email: 'hr@a.test', name: 'Hanna', roles: ['hr'] })).id;
  ids.admin = (
    await makePerson(db(), orgId, { email: 'admin@a.test', name: 'Adam', roles: ['admin'] })
  ).id;
  ids.ann = (await makePerson(db(), orgId, { email: 'ann@a.test', name: 'Ann', locale: 'nb' })).id;
  ids.bo = (
    await makePerson(db(), orgId, { email: 'bo@a.test', name: 'Bo', employeeNumber: 'B1' })
  ).id;
  hr = await signedIn(ctx.app, 'hr@a.test');
  admin = await signedIn(ctx.app, 'admin@a.test');
});
afterAll(() => ctx.close());

describe('the people form', () => {
  it('refuses HR granting themself hr, admin and salary (the attack as found)', async () => {
    const res = await hr.patch(`/api/people/${ids.hr}`, { roles: ['hr', 'admin', 'salary'] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'person.own_roles',
      message: 'Du kan inte ändra dina egna roller. Be en annan HR-person eller en administratör.',
      fields: [{ path: 'roles' }],
    });
    expect(await rolesOf(ids.hr)).toEqual(['hr']);
  });

  it('refuses an administrator changing their own roles too', async () => {
    const res = await admin.patch(`/api/people/${ids.admin}`, { roles: ['admin', 'salary'] });
    expect(res.json().error.code).toBe('person.own_roles');
    expect(await rolesOf(ids.admin)).toEqual(['admin']);
  });

  it('lets only an administrator grant or remove admin', async () => {
    const byHr = await hr.patch(`/api/people/${ids.ann}`, { roles: ['admin'] });
    expect(byHr.statusCode).toBe(403);
    expect(byHr.json().error.code).toBe('person.admin_only');
    expect(await rolesOf(ids.ann)).toEqual([]);
    const created = await hr.post('/api/people', {
      name: 'Sneaky',
      email: 'sneaky@a.test',
      timeZone: 'Europe/Stockholm',
      roles: ['admin'],
    });
    expect(created.statusCode).toBe(403);
    expect((await db().select().from(people).where(eq(people.email, 'sneaky@a.test'))).length).toBe(
      0,
    );

    expect((await admin.patch(`/api/people/${ids.ann}`, { roles: ['admin'] })).statusCode).toBe(
      200,
    );
    expect((await hr.patch(`/api/people/${ids.ann}`, { roles: [] })).json().error.code).toBe(
      'person.admin_only',
    );
    expect((await admin.patch(`/api/people/${ids.ann}`, { roles: [] })).statusCode).toBe(200);
    expect(await rolesOf(ids.ann)).toEqual([]);
  });

  it('mails the person when given salary or admin, in their language, and records each change', async () => {
    const before = (await mailsTo(db(), ids.ann, 'account.role_granted')).length;
    const res = await hr.patch(`/api/people/${ids.ann}`, { roles: ['salary', 'hr'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles.sort()).toEqual(['hr', 'salary']);
    const mails = await mailsTo(db(), ids.ann, 'account.role_granted');
    expect(mails).toHaveLength(before + 1); // salary is told; hr is recorded only
    expect(mails.at(-1)).toMatchObject({
      locale: 'nb',
      subject: 'Du har fått tilgang til lønnsutfall i Samtal',
    });
    const granted = await events('role.granted', ids.ann);
    expect(granted.map((e) => e.details.role)).toEqual(expect.arrayContaining(['salary', 'hr']));
    expect(granted.at(-1)).toMatchObject({ actorId: ids.hr, ip: '127.0.0.1' });
    expect(granted.at(-1)!.details).toMatchObject({ source: 'form' });

    await hr.patch(`/api/people/${ids.ann}`, { roles: ['hr'] });
    expect((await events('role.removed', ids.ann)).map((e) => e.details.role)).toContain('salary');
  });
});

describe('an active administrator always remains', () => {
  it('refuses to deactivate the last one, with a translated error', async () => {
    const res = await hr.post(`/api/people/${ids.admin}/deactivate`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'person.last_admin',
      message:
        'Organisationen måste alltid ha minst en aktiv administratör. Gör någon annan till administratör först.',
    });
    expect((await admin.get('/api/me')).statusCode).toBe(200);
  });

  it('never lets two administrators remove each other at once', async () => {
    const second = await makePerson(db(), orgId, { email: 'admin2@a.test', roles: ['admin'] });
    const other = await signedIn(ctx.app, 'admin2@a.test');
    const [a, b] = await Promise.all([
      admin.patch(`/api/people/${second.id}`, { roles: [] }),
      other.patch(`/api/people/${ids.admin}`, { roles: [] }),
    ]);
    // Either succeeds alone; never both (the organisation would have no administrator).
    expect([a.statusCode, b.statusCode].filter((s) => s === 200)).toHaveLength(1);
    expect([a.statusCode, b.statusCode]).toContain(409);
  });

  it('is kept by a command-line import, which may otherwise change any role', async () => {
    // Whoever the administrators are now (the race above left one of two), the file takes
    // admin from all of them.
    const admins = (await db().select().from(people).where(eq(people.orgId, orgId))).filter(
      (p) => p.active && p.roles.includes('admin'),
    );
    expect(admins.length).toBeGreaterThan(0);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samtal-roles-')), 'p.csv');
    const rows = admins.map((a) => `${a.name},${a.email},`).join('\n');
    fs.writeFileSync(file, `name,email,roles\n${rows}\n`);
    const err: string[] = [];
    const code = await runImport(
      { file, org: orgSlug, dryRun: false },
      {
        out: { write: () => true },
        err: { write: (s: string) => err.push(s) },
        database: ctx.database,
      },
    );
    expect(code).toBe(1);
    expect(err.join('')).toContain('without an active administrator');
    for (const a of admins) expect(await rolesOf(a.id)).toContain('admin');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});

describe('the import', () => {
  const post = (c: Client, csv: string) =>
    c.request('POST', '/api/people/import?mode=apply', csv, { 'content-type': 'text/csv' });

  it('follows the same rules: HR grants salary (mailed, recorded), never admin, never their own', async () => {
    const admins = await post(hr, 'employee_number,name,email,roles\nB1,Bo,bo@a.test,admin\n');
    expect(admins.statusCode).toBe(400);
    expect(admins.json().error.details.rows[0]).toMatchObject({
      line: 2,
      code: 'roles.admin_only',
    });
    const own = await post(hr, 'name,email,roles\nHanna,hr@a.test,hr|salary\n');
    expect(own.json().error.details.rows[0]).toMatchObject({ line: 2, code: 'roles.own' });

    const salary = await post(hr, 'employee_number,name,email,roles\nB1,Bo,bo@a.test,salary\n');
    expect(salary.statusCode).toBe(200);
    expect(await rolesOf(ids.bo)).toEqual(['salary']);
    expect(await mailsTo(db(), ids.bo, 'account.role_granted')).toHaveLength(1);
    const [granted] = await events('role.granted', ids.bo);
    expect(granted).toMatchObject({ actorId: ids.hr });
    expect(granted!.details).toMatchObject({ role: 'salary', source: 'import' });
  });
});
