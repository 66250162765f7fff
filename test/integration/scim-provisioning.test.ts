import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  departments,
  oneOnOneMeetings,
  oneOnOneSeries,
  people,
  sessions,
} from '../../src/db/schema/index';
import { signedIn, testApp, type Client, type TestContext } from '../support/app';
import { makeDepartment, makeOrg, makePerson } from '../support/factories';
import { bookSeries, clientsFor, makeOneOnOneWorld } from '../support/one-on-one.factories';
import { ENTERPRISE, ScimClient, USER, expectScimError, makeToken } from '../support/scim';

/**
 * Provisioning as Entra ID and Okta do it, replayed request by request (their documented
 * sequences: a connectivity check, a lookup by filter before each create, PATCH for changes
 * with their quirks, deactivation through `active`, DELETE at the end). Every change must
 * land as HR's form would make it: same rules, same audit, the token as actor.
 */

let ctx: TestContext;
let admin: Client;
let orgId: string;
let tokenId: string;
let entra: ScimClient;
let okta: ScimClient;

const person = async (id: string) =>
  (
    await ctx.database.db
      .select()
      .from(people)
      .where(and(eq(people.orgId, orgId), eq(people.id, id)))
  )[0]!;

const eventsAbout = async (id: string) =>
  ctx.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.subjectId, id)));

beforeAll(async () => {
  ctx = await testApp();
  const db = ctx.database.db;
  orgId = (await makeOrg(db, { defaultTimeZone: 'Europe/Oslo' })).id;
  await makePerson(db, orgId, { name: 'Ada Admin', email: 'ada@contoso.test', roles: ['admin'] });
  admin = await signedIn(ctx.app, 'ada@contoso.test');
  const made = await makeToken(admin, 'Entra ID');
  tokenId = made.token.id;
  entra = new ScimClient(ctx.app, made.secret);
  okta = new ScimClient(ctx.app, (await makeToken(admin, 'Okta')).secret, { ip: '10.2.2.2' });
});
afterAll(() => ctx.close());

describe('discovery', () => {
  it('describes itself: ServiceProviderConfig, ResourceTypes, Schemas, as application/scim+json', async () => {
    const config = await entra.get('/ServiceProviderConfig');
    expect(config.statusCode).toBe(200);
    expect(config.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(config.json()).toMatchObject({
      patch: { supported: true },
      filter: { supported: true },
      etag: { supported: true },
      bulk: { supported: false },
      authenticationSchemes: [{ type: 'oauthbearertoken' }],
    });
    const types = (await entra.get('/ResourceTypes')).json();
    expect(types.Resources.map((t: { id: string }) => t.id)).toEqual(['User']);
    expect(types.Resources[0].schemaExtensions[0].schema).toBe(ENTERPRISE);
    const schemas = (await entra.get('/Schemas')).json();
    expect(schemas.Resources.map((s: { id: string }) => s.id)).toEqual([USER, ENTERPRISE]);
    const one = await entra.get(`/Schemas/${ENTERPRISE}`);
    expect(one.json().attributes.map((a: { name: string }) => a.name)).toEqual([
      'employeeNumber',
      'department',
      'manager',
    ]);
    expectScimError(await entra.get('/Groups'), 404);
  });
});

describe('Entra ID provisioning cycle', () => {
  let anna: string;
  let bo: string;

  it('answers the connectivity check (a filter on a random userName) with an empty list', async () => {
    const res = await entra.find(`userName eq "${randomUUID()}"`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ totalResults: 0, Resources: [], startIndex: 1 });
  });

  it('looks up, then creates users as Entra ID sends them', async () => {
    expect((await entra.find('userName eq "anna.lind@contoso.test"')).json().totalResults).toBe(0);
    const res = await entra.post('/Users', {
      schemas: [USER, ENTERPRISE],
      externalId: 'a1f7e4b2-entra-anna',
      userName: 'anna.lind@contoso.test',
      active: true,
      displayName: 'Anna Lind',
      title: 'Sjuksköterska',
      emails: [{ primary: true, type: 'work', value: 'Anna.Lind@contoso.test' }],
      name: { formatted: 'Anna Lind', familyName: 'Lind', givenName: 'Anna' },
      preferredLanguage: 'nb-NO',
      addresses: [{ type: 'work', locality: 'Oslo', primary: true }],
      phoneNumbers: [{ type: 'work', value: '+47 22 00 00 00' }],
      [ENTERPRISE]: { employeeNumber: 'E-1001' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    const body = res.json();
    anna = body.id;
    expect(res.headers.location).toBe(body.meta.location);
    expect(res.headers.etag).toBe(body.meta.version);
    expect(body).toMatchObject({
      userName: 'anna.lind@contoso.test',
      externalId: 'a1f7e4b2-entra-anna',
      displayName: 'Anna Lind',
      active: true,
      title: 'Sjuksköterska',
      preferredLanguage: 'nb',
      timezone: 'Europe/Oslo',
      emails: [{ value: 'anna.lind@contoso.test', type: 'work', primary: true }],
      [ENTERPRISE]: { employeeNumber: 'E-1001' },
    });
    expect(body).not.toHaveProperty('roles');
    const row = await person(anna);
    expect(row).toMatchObject({ name: 'Anna Lind', email: 'anna.lind@contoso.test', roles: [] });
    const created = (await eventsAbout(anna)).find((e) => e.action === 'person.created');
    expect(created).toMatchObject({
      actorId: tokenId,
      ip: '10.1.1.1',
      details: { source: 'scim' },
    });

    const boRes = await entra.post('/Users', {
      schemas: [USER, ENTERPRISE],
      externalId: 'b2c3-entra-bo',
      userName: 'bo.ek@contoso.test',
      active: true,
      displayName: 'Bo Ek',
      emails: [{ primary: true, type: 'work', value: 'bo.ek@contoso.test' }],
    });
    expect(boRes.statusCode, boRes.body).toBe(201);
    bo = boRes.json().id;
    // Found again by each filter Entra ID uses.
    for (const f of [
      'userName eq "Anna.Lind@contoso.test"',
      'externalId eq "a1f7e4b2-entra-anna"',
      'emails[type eq "work"].value eq "anna.lind@contoso.test"',
      `id eq "${anna}"`,
    ]) {
      const found = (await entra.find(f)).json();
      expect(found.totalResults, f).toBe(1);
      expect(found.Resources[0].id, f).toBe(anna);
    }
  });

  it('applies a PATCH with sub-attribute paths, a filtered e-mail path and the manager as a bare id', async () => {
    const res = await entra.patch(`/Users/${anna}`, [
      { op: 'Replace', path: 'name.givenName', value: 'Anna-Karin' },
      {
        op: 'Replace',
        path: 'emails[type eq "work"].value',
        value: 'anna-karin.lind@contoso.test',
      },
      { op: 'Add', path: `${ENTERPRISE}:manager`, value: bo },
      { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Hemtjänst Nord' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      displayName: 'Anna-Karin Lind',
      name: { givenName: 'Anna-Karin', familyName: 'Lind' },
      emails: [{ value: 'anna-karin.lind@contoso.test' }],
      [ENTERPRISE]: { manager: { value: bo } },
    });
    const row = await person(anna);
    expect(row).toMatchObject({ name: 'Anna-Karin Lind', managerId: bo });
    // HR has not let provisioning create units: the unknown unit is left unset.
    expect(row.departmentId).toBeNull();
    const kinds = (await eventsAbout(anna)).map((e) => e.action);
    expect(kinds).toContain('person.email_changed');
    expect(kinds).toContain('person.updated');
  });

  it('changes the manager by externalId, and refuses a circle with a SCIM error', async () => {
    const cecilia = await entra.post('/Users', {
      userName: 'cecilia@contoso.test',
      externalId: 'c-entra',
      displayName: 'Cecilia Berg',
    });
    expect(cecilia.statusCode, cecilia.body).toBe(201);
    const res = await entra.patch(`/Users/${anna}`, [
      { op: 'Replace', path: `${ENTERPRISE}:manager`, value: { value: 'c-entra' } },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect((await person(anna)).managerId).toBe(cecilia.json().id);
    // Cecilia under Anna, while Anna reports to Cecilia: a circle.
    const cycle = await entra.patch(`/Users/${cecilia.json().id}`, [
      { op: 'Add', path: `${ENTERPRISE}:manager`, value: anna },
    ]);
    const err = expectScimError(cycle, 400, 'invalidValue');
    expect(err.detail).toMatch(/circle/);
    expect((await person(cecilia.json().id)).managerId).toBeNull();
    const unknown = await entra.patch(`/Users/${anna}`, [
      { op: 'Replace', path: `${ENTERPRISE}:manager`, value: 'nobody-here' },
    ]);
    expectScimError(unknown, 400, 'invalidValue');
  });

  it('deactivates on active "False" as HR would (sessions end), and reactivates on "True"', async () => {
    await ctx.database.db.insert(sessions).values({
      orgId,
      id: `s-${randomUUID()}`,
      personId: anna,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const off = await entra.patch(`/Users/${anna}`, [
      { op: 'Replace', path: 'active', value: 'False' },
    ]);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    const row = await person(anna);
    expect(row.active).toBe(false);
    expect(row.deactivatedAt).not.toBeNull();
    const left = await ctx.database.db.select().from(sessions).where(eq(sessions.personId, anna));
    expect(left).toHaveLength(0);
    const deactivated = (await eventsAbout(anna)).find((e) => e.action === 'person.deactivated');
    expect(deactivated?.actorId).toBe(tokenId);

    const on = await entra.patch(`/Users/${anna}`, [
      { op: 'Replace', path: 'active', value: 'True' },
    ]);
    expect(on.statusCode, on.body).toBe(200);
    expect((await person(anna)).active).toBe(true);
    expect((await eventsAbout(anna)).map((e) => e.action)).toContain('person.reactivated');
  });

  it('DELETE deactivates and keeps the person (history kept), who is then gone from SCIM', async () => {
    const res = await entra.delete(`/Users/${bo}`);
    expect(res.statusCode).toBe(204);
    expectScimError(await entra.get(`/Users/${bo}`), 404);
    expect((await entra.find('userName eq "bo.ek@contoso.test"')).json().totalResults).toBe(0);
    const row = await person(bo);
    expect(row).toMatchObject({ active: false, name: 'Bo Ek', email: 'bo.ek@contoso.test' });
    // Created again (a returning employee): the same person comes back, reactivated.
    const again = await entra.post('/Users', {
      userName: 'bo.ek@contoso.test',
      externalId: 'b2c3-entra-bo',
      displayName: 'Bo Ek',
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().id).toBe(bo);
    expect((await person(bo)).active).toBe(true);
  });
});

describe('Okta provisioning cycle', () => {
  let id: string;

  it('answers the connector test (first page of one) and creates a user as Okta sends it', async () => {
    const page = await okta.get('/Users?startIndex=1&count=1');
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ startIndex: 1, itemsPerPage: 1 });
    expect(page.json().totalResults).toBeGreaterThan(1);
    expect((await okta.find('userName eq "dag.nilsen@contoso.test"')).json().totalResults).toBe(0);
    const res = await okta.post('/Users', {
      schemas: [USER],
      userName: 'dag.nilsen@contoso.test',
      name: { givenName: 'Dag', familyName: 'Nilsen' },
      emails: [{ primary: true, value: 'dag.nilsen@contoso.test', type: 'work' }],
      displayName: 'Dag Nilsen',
      locale: 'nb-NO',
      externalId: '00u1okta',
      groups: [],
      password: 'never-stored-1!',
      active: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect((await person(id)).passwordHash).toBeNull();
    expect((await okta.get(`/Users/${id}`)).json().userName).toBe('dag.nilsen@contoso.test');
  });

  it('replaces with PUT (what is left out stays) and honours If-Match', async () => {
    const current = await okta.get(`/Users/${id}`);
    const stale = await okta.request(
      'PUT',
      `/Users/${id}`,
      { userName: 'dag.nilsen@contoso.test', title: 'Stale' },
      { 'if-match': 'W/"0-1"' },
    );
    expectScimError(stale, 412);
    const res = await okta.request(
      'PUT',
      `/Users/${id}`,
      {
        schemas: [USER],
        id,
        userName: 'dag.nilsen@contoso.test',
        name: { givenName: 'Dag', familyName: 'Nilsen-Berg' },
        emails: [{ primary: true, value: 'dag.nilsen@contoso.test', type: 'work' }],
        title: 'Rådgiver',
        active: true,
      },
      { 'if-match': current.headers.etag as string },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Dag Nilsen-Berg', title: 'Rådgiver' });
    expect(res.headers.etag).not.toBe(current.headers.etag);
  });

  it('deactivates and reactivates with a replace without path (an object value)', async () => {
    const off = await okta.patch(`/Users/${id}`, [{ op: 'replace', value: { active: false } }]);
    expect(off.statusCode, off.body).toBe(200);
    expect((await person(id)).active).toBe(false);
    const on = await okta.patch(`/Users/${id}`, [{ op: 'replace', value: { active: true } }]);
    expect(on.statusCode, on.body).toBe(200);
    expect((await person(id)).active).toBe(true);
  });

  it('takes Entra-style keys in a value without path: sub-attribute and URN-prefixed', async () => {
    const res = await okta.patch(`/Users/${id}`, [
      {
        op: 'replace',
        value: {
          'name.familyName': 'Berg',
          [`${ENTERPRISE}:employeeNumber`]: 'E-2002',
          displayName: 'Dag Berg',
        },
      },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(await person(id)).toMatchObject({ name: 'Dag Berg', employeeNumber: 'E-2002' });
  });
});

describe('units from department', () => {
  it('finds a unit by name or path, creates one only when HR allows, refuses an ambiguous name', async () => {
    const db = ctx.database.db;
    const vard = await makeDepartment(db, orgId, 'Vård');
    const north = await makeDepartment(db, orgId, 'Norr', vard.id);
    await makeDepartment(db, orgId, 'Skola');
    await makeDepartment(db, orgId, 'Norr', (await makeDepartment(db, orgId, 'Skolor')).id);
    const made = await entra.post('/Users', { userName: 'eva@contoso.test', displayName: 'Eva' });
    const eva = made.json().id as string;
    const set = (department: string) =>
      entra.patch(`/Users/${eva}`, [
        { op: 'replace', path: `${ENTERPRISE}:department`, value: department },
      ]);
    expect((await set('Vård / Norr')).statusCode).toBe(200);
    expect((await person(eva)).departmentId).toBe(north.id);
    expectScimError(await set('Norr'), 400, 'invalidValue');
    expect((await set('Skola')).json()[ENTERPRISE].department).toBe('Skola');

    const off = await set('Ekonomi / Lön');
    expect(off.statusCode).toBe(200);
    expect((await person(eva)).departmentId).toBeNull();
    // HR turns creation on (HR or admin may; here the admin).
    const on = await admin.request('PUT', '/api/admin/scim/settings', { createDepartments: true });
    expect(on.statusCode, on.body).toBe(200);
    expect((await set('Ekonomi / Lön')).statusCode).toBe(200);
    const units = await db.select().from(departments).where(eq(departments.orgId, orgId));
    const lon = units.find((d) => d.name === 'Lön')!;
    expect(units.find((d) => d.id === lon.parentId)?.name).toBe('Ekonomi');
    expect((await person(eva)).departmentId).toBe(lon.id);
    const created = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.subjectId, lon.id)));
    expect(created[0]).toMatchObject({ action: 'department.created', actorId: tokenId });
  });
});

describe('the same effects as HR’s changes', () => {
  it('a new manager or a deactivation ends the running 1:1 series; their meetings stay', async () => {
    const db = ctx.database.db;
    const w = await makeOneOnOneWorld(db, 'scim');
    const c = await clientsFor(ctx.app, w);
    const client = new ScimClient(ctx.app, (await makeToken(c.admin, 'Entra')).secret);
    const first = await bookSeries(c.manager, w.employee.id);
    const second = await bookSeries(c.otherManager, w.otherReport.id);
    const series = async (id: string) =>
      (await db.select().from(oneOnOneSeries).where(eq(oneOnOneSeries.id, id)))[0]!;

    // People HR made are found by their address, then changed through SCIM.
    const found = (await client.find(`userName eq "${w.employee.email}"`)).json();
    expect(found.Resources[0].id).toBe(w.employee.id);
    const moved = await client.patch(`/Users/${w.employee.id}`, [
      { op: 'Replace', path: `${ENTERPRISE}:manager`, value: w.otherManager.id },
    ]);
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await series(first.series.id)).endedAt).not.toBeNull();

    const off = await client.patch(`/Users/${w.otherReport.id}`, [
      { op: 'Replace', path: 'active', value: 'False' },
    ]);
    expect(off.statusCode, off.body).toBe(200);
    expect((await series(second.series.id)).endedAt).not.toBeNull();
    const kept = await db
      .select()
      .from(oneOnOneMeetings)
      .where(eq(oneOnOneMeetings.seriesId, second.series.id));
    expect(kept.length).toBeGreaterThan(0);
    // The token of another organisation's admin cannot reach these people.
    const stranger = new ScimClient(ctx.app, (await makeToken(c.stranger, 'Other')).secret);
    expectScimError(await stranger.get(`/Users/${w.employee.id}`), 404);
  });

  it('cannot deactivate the last administrator', async () => {
    const db = ctx.database.db;
    const org = await makeOrg(db);
    const only = await makePerson(db, org.id, { email: 'only-admin@x.test', roles: ['admin'] });
    const token = (await makeToken(await signedIn(ctx.app, only.email), 'Entra')).secret;
    const res = await new ScimClient(ctx.app, token).patch(`/Users/${only.id}`, [
      { op: 'replace', path: 'active', value: false },
    ]);
    expectScimError(res, 409, 'mutability');
    expect((await db.select().from(people).where(eq(people.id, only.id)))[0]!.active).toBe(true);
  });
});

describe('the audit log', () => {
  it('names the token as the actor of what provisioning did', async () => {
    const res = await admin.get('/api/admin/audit?kind=person.created');
    expect(res.statusCode, res.body).toBe(200);
    const names = res.json().items.map((e: { actor: { name: string } | null }) => e.actor?.name);
    expect(names).toContain('Entra ID');
    expect(names).toContain('Okta');
  });
});
