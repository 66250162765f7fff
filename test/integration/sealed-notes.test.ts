/**
 * Sealed private notes (decision 018), through the HTTP API: the server stores only ciphertext
 * once the author seals, refuses plain writes once a vault exists, seals existing notes all or
 * nothing, and nobody else — the other party, HR, an admin, another organisation — gets a
 * person's vault or envelope.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createVault,
  open,
  privateNoteContext,
  reflectionContext,
  rewrapPassphrase,
  seal,
  unlockVault,
  type CryptoKey,
  type VaultWraps,
} from '../../src/domain/sealing/envelope';
import type { Client } from '../support/app';
import { TEST_PASSWORD } from '../support/factories';
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
let held: string;
let next: string;
let key: CryptoKey;
let wraps: VaultWraps;

const SECRET_A = 'sealed-secret-a-4e1f';
const SECRET_B = 'sealed-secret-b-77c0';
const EMPLOYEE_SECRET = 'employee-plain-0b9d';
const PASSPHRASE = 'min egen långa lösenfras';
const REFLECTION_SECRET = 'reflection-secret-31aa';

/** Every reflection row of the test organisations, as the database holds it. */
async function storedReflections() {
  return queryRows<{
    author_id: string;
    topics: unknown;
    notes: string;
    ciphertext: string | null;
  }>(
    ctx.database.db,
    sql`select author_id, topics, notes, ciphertext from one_on_one_reflections
          where org_id in (${w.org.id}, ${w.other.id})`,
  );
}

const note = (client: Client, meetingId: string) =>
  client.get(`/api/one-on-ones/meetings/${meetingId}/private-note`);
const putNote = (client: Client, meetingId: string, body: unknown) =>
  client.request('PUT', `/api/one-on-ones/meetings/${meetingId}/private-note`, body);

/** Every private note row of the test organisations, as the database holds it. */
async function storedRows() {
  return queryRows<{
    id: string;
    author_id: string;
    body: string | null;
    ciphertext: string | null;
    version: number;
  }>(
    ctx.database.db,
    sql`select id, author_id, body, ciphertext, iv, key_version, version
          from one_on_one_private_notes where org_id in (${w.org.id}, ${w.other.id})`,
  );
}

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'seal');
  c = await clientsFor(ctx.app, w);
  const { meetings } = await bookSeries(c.manager, w.employee.id, {
    startDate: daysFromToday(1),
  });
  held = meetings[0]!.id;
  next = meetings[1]!.id;
  expect((await putNote(c.manager, held, { body: SECRET_A, baseVersion: 0 })).statusCode).toBe(200);
  expect((await putNote(c.manager, next, { body: SECRET_B, baseVersion: 0 })).statusCode).toBe(200);
  await putNote(c.employee, held, { body: EMPLOYEE_SECRET, baseVersion: 0 });
  const reflected = await c.manager.request('PUT', `/api/one-on-ones/meetings/${held}/reflection`, {
    topics: [{ title: 'How are you', howItWent: REFLECTION_SECRET, why: '', doDifferently: '' }],
    notes: '',
  });
  expect(reflected.statusCode).toBe(200);
  ({ wraps, key } = await createVault(PASSPHRASE));
});
afterAll(() => ctx.close());

describe('sealed private notes', () => {
  it('tells only an admin how many people have unsealed notes, as a number', async () => {
    const res = await c.admin.get('/api/admin/sealing');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ peopleWithUnsealedNotes: 2, peopleWithVault: 0 });
    for (const who of ['hr', 'manager', 'employee'] as const) {
      expect((await c[who].get('/api/admin/sealing')).statusCode).toBe(403);
    }
  });

  it('refuses a sealed note from someone without a vault', async () => {
    const sealed = await seal(key, 'x', privateNoteContext(held, w.manager.id), 1);
    const res = await putNote(c.manager, held, { sealed, baseVersion: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('vault.missing');
  });

  it('refuses a vault with fewer PBKDF2 iterations than OWASP asks, then stores one', async () => {
    const weak = { ...wraps, passphrase: { ...wraps.passphrase, iterations: 100_000 } };
    expect((await c.manager.post('/api/vault', weak)).statusCode).toBe(400);
    expect((await c.manager.get('/api/vault')).json()).toEqual({ vault: null });

    const res = await c.manager.post('/api/vault', wraps);
    expect(res.statusCode).toBe(201);
    expect(res.json().vault).toMatchObject({ keyVersion: 1, passphrase: wraps.passphrase });
    const again = await c.manager.post('/api/vault', wraps);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('vault.exists');
  });

  it('gives nobody else the vault: each person only ever reads their own', async () => {
    for (const who of ['employee', 'hr', 'admin', 'stranger', 'otherManager'] as const) {
      expect((await c[who].get('/api/vault')).json()).toEqual({ vault: null });
    }
  });

  it('refuses plain-text private notes once the author has a vault (nothing lands in plain)', async () => {
    const res = await putNote(c.manager, held, { body: 'new plain text', baseVersion: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('vault.sealed_required');
    expect((await storedRows()).some((r) => r.body === 'new plain text')).toBe(false);
  });

  it('hands the author only their own plain notes to seal', async () => {
    const res = await c.manager.get('/api/vault/unsealed');
    expect(res.statusCode).toBe(200);
    const bodies = res.json().items.map((n: { body: string }) => n.body);
    expect(bodies.sort()).toEqual([SECRET_A, SECRET_B].sort());
  });

  it('seals existing notes all or nothing, and the plain text is gone from the table', async () => {
    const items = (await c.manager.get('/api/vault/unsealed')).json().items as {
      id: string;
      meetingId: string;
      body: string;
      version: number;
    }[];
    const unsealed = (await c.manager.get('/api/vault/unsealed')).json().reflections as {
      id: string;
      meetingId: string;
      topics: unknown[];
      notes: string;
    }[];
    expect(JSON.stringify(unsealed)).toContain(REFLECTION_SECRET);
    const reflections = await Promise.all(
      unsealed.map(async (r) => ({
        id: r.id,
        sealed: await seal(
          key,
          JSON.stringify({ topics: r.topics, notes: r.notes }),
          reflectionContext(r.meetingId, w.manager.id),
          1,
        ),
      })),
    );
    const sealedItems = await Promise.all(
      items.map(async (n) => ({
        id: n.id,
        version: n.version,
        sealed: await seal(key, n.body, privateNoteContext(n.meetingId, w.manager.id), 1),
      })),
    );
    // One stale version refuses the whole batch: nothing is half sealed.
    const stale = sealedItems.map((n, i) => (i === 1 ? { ...n, version: n.version + 5 } : n));
    const refused = await c.manager.post('/api/vault/seal', { notes: stale });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('vault.seal_stale');
    const mine = (await storedRows()).filter((r) => r.author_id === w.manager.id);
    expect(mine.every((r) => r.body !== null && r.ciphertext === null)).toBe(true);

    // Another person (with a vault of their own) cannot seal over the manager's notes.
    const theirs = await createVault('employee passphrase');
    await c.employee.post('/api/vault', theirs.wraps);
    const hijack = await c.employee.post('/api/vault/seal', { notes: sealedItems });
    expect(hijack.statusCode).toBe(409);
    const stranger = await c.stranger.post('/api/vault/seal', { notes: sealedItems });
    expect(stranger.statusCode).toBe(409);

    const ok = await c.manager.post('/api/vault/seal', { notes: sealedItems, reflections });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ sealed: 3 });
    const storedReflection = JSON.stringify(await storedReflections());
    expect(storedReflection).not.toContain(REFLECTION_SECRET);
    const mineNow = (await c.manager.get(`/api/one-on-ones/meetings/${held}/reflection`)).json()
      .reflection;
    expect(mineNow).toMatchObject({ topics: [], notes: '' });
    const opened = JSON.parse(
      await open(key, mineNow.sealed, reflectionContext(held, w.manager.id)),
    ) as { topics: { howItWent: string }[] };
    expect(opened.topics[0]!.howItWent).toBe(REFLECTION_SECRET);

    const rows = await storedRows();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(SECRET_A);
    expect(dump).not.toContain(SECRET_B);
    for (const r of rows.filter((r) => r.author_id === w.manager.id)) {
      expect(r.body).toBeNull();
      expect(r.ciphertext).toMatch(/^[A-Za-z0-9+/]+=*$/);
    }
    expect((await c.manager.get('/api/vault/unsealed')).json()).toEqual({
      items: [],
      reflections: [],
    });
    expect((await c.admin.get('/api/admin/sealing')).json()).toEqual({
      peopleWithUnsealedNotes: 1,
      peopleWithVault: 2,
    });
  });

  it('returns the sealed note to its author only, on its own route and in the whole page', async () => {
    const mine = (await note(c.manager, held)).json();
    expect(mine.body).toBe('');
    expect(await open(key, mine.sealed, privateNoteContext(held, w.manager.id))).toBe(SECRET_A);
    const page = (await c.manager.get(`/api/pages/meeting/${held}`)).json();
    expect(page.privateNote).toEqual(mine);
    const managersVault = (await c.manager.get('/api/vault')).json().vault;
    expect(page.vault).toEqual(managersVault);
    const employeesPage = (await c.employee.get(`/api/pages/meeting/${held}`)).json();
    expect(employeesPage.vault.passphrase).not.toEqual(managersVault.passphrase);
    expect(JSON.stringify(employeesPage)).not.toContain(mine.sealed.ciphertext);

    const employees = (await note(c.employee, held)).json();
    expect(employees).toMatchObject({ body: EMPLOYEE_SECRET, sealed: null });
    for (const who of ['hr', 'admin', 'otherManager', 'stranger'] as const) {
      const res = await note(c[who], held);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(mine.sealed.ciphertext);
    }
  });

  it('exports the sealed note sealed: the author gets the envelope, never plain text', async () => {
    const mine = (await note(c.manager, held)).json();
    const res = await c.manager.get('/api/me/export.zip');
    expect(res.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const all = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(all).toContain(mine.sealed.ciphertext);
    expect(all).not.toContain(SECRET_A);
    const employees = unzipSync(
      new Uint8Array((await c.employee.get('/api/me/export.zip')).rawPayload),
    );
    expect(
      Object.values(employees)
        .map((f) => strFromU8(f))
        .join('\n'),
    ).not.toContain(mine.sealed.ciphertext);
  });

  it('saves sealed notes with versions and conflicts as before', async () => {
    const ctxHeld = privateNoteContext(held, w.manager.id);
    const current = (await note(c.manager, held)).json();
    const sealed = await seal(key, `${SECRET_A} and more`, ctxHeld, 1);
    const saved = await putNote(c.manager, held, { sealed, baseVersion: current.version });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ body: '', sealed, version: current.version + 1 });

    const late = await seal(key, 'from an older tab', ctxHeld, 1);
    const conflict = await putNote(c.manager, held, { sealed: late, baseVersion: current.version });
    expect(conflict.statusCode).toBe(409);
    const details = conflict.json().error.details;
    expect(details.current).toMatchObject({ body: '', sealed, version: current.version + 1 });
    expect(details.yours).toMatchObject({ sealed: late, baseVersion: current.version });

    const wrongKey = await putNote(c.manager, held, {
      sealed: { ...late, keyVersion: 2 },
      baseVersion: current.version + 1,
    });
    expect(wrongKey.json().error.code).toBe('vault.key_version');
    const malformed = await putNote(c.manager, held, {
      sealed: { ciphertext: 'not base64!', iv: sealed.iv, keyVersion: 1 },
      baseVersion: current.version + 1,
    });
    expect(malformed.statusCode).toBe(400);
    const both = await putNote(c.manager, held, {
      body: 'plain',
      sealed,
      baseVersion: current.version + 1,
    });
    expect(both.statusCode).toBe(400);
  });

  it('changes the passphrase by re-wrapping one key: old notes stay readable', async () => {
    const passphrase = await rewrapPassphrase(wraps, { passphrase: PASSPHRASE }, 'ny fras här');
    // Refused, and neither changed nor audited (the audit test below counts one change).
    const before = (await c.manager.get('/api/vault')).json();
    const stale = await c.manager.request('PUT', '/api/vault/passphrase', {
      keyVersion: 2,
      passphrase,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('vault.key_version');
    const weak = await c.manager.request('PUT', '/api/vault/passphrase', {
      keyVersion: 1,
      passphrase: { ...passphrase, iterations: 1000 },
    });
    expect(weak.statusCode).toBe(400);
    const noVault = await c.hr.request('PUT', '/api/vault/passphrase', {
      keyVersion: 1,
      passphrase,
    });
    expect(noVault.statusCode).toBe(409);
    expect(noVault.json().error.code).toBe('vault.missing');
    expect((await c.manager.get('/api/vault')).json()).toEqual(before);

    const res = await c.manager.request('PUT', '/api/vault/passphrase', {
      keyVersion: 1,
      passphrase,
    });
    expect(res.statusCode).toBe(200);
    const stored = res.json().vault;
    const again = await unlockVault(stored, { passphrase: 'ny fras här' });
    const mine = (await note(c.manager, next)).json();
    expect(await open(again, mine.sealed, privateNoteContext(next, w.manager.id))).toBe(SECRET_B);
  });

  it('audits a vault set up and a passphrase changed: who and when, never a wrap or a secret', async () => {
    const rows = await queryRows<{
      action: string;
      actor_id: string;
      subject_id: string;
      details: unknown;
      row: string;
    }>(
      ctx.database.db,
      sql`select action, actor_id, subject_id, details, row_to_json(a)::text as row
            from audit_events a where org_id = ${w.org.id} and actor_id = ${w.manager.id}
              and action like 'vault.%'
            order by at, action`,
    );
    expect(rows.map((r) => [r.action, r.actor_id, r.subject_id])).toEqual([
      ['vault.created', w.manager.id, w.manager.id],
      ['vault.passphrase_changed', w.manager.id, w.manager.id],
    ]);
    const vault = (await c.manager.get('/api/vault')).json().vault;
    for (const r of rows) {
      expect(r.details ?? {}).toEqual({});
      for (const secret of [
        PASSPHRASE,
        'ny fras här',
        vault.passphrase.salt,
        vault.passphrase.wrappedKey,
        vault.recovery.wrappedKey,
        wraps.passphrase.salt,
      ])
        expect(r.row).not.toContain(secret);
    }
    const log = (await c.admin.get('/api/admin/audit?kind=vault.passphrase_changed')).json();
    expect(log.items).toHaveLength(1);
  });

  it('seals a development conversation’s private note through the same envelope', async () => {
    const cid = (
      await makeConversation(ctx.database.db, w.org.id, {
        managerId: w.manager.id,
        employeeId: w.employee.id,
      })
    ).id;
    const booked = await c.manager.request('PUT', `/api/conversations/${cid}/booking`, {
      date: daysFromToday(10),
      time: '09:00',
      place: { kind: 'video', detail: null },
    });
    expect(booked.statusCode).toBe(200);
    await c.manager.post(`/api/conversations/${cid}/start`, { holdNow: true });
    const url = `/api/conversations/${cid}/private-note`;
    const plain = await c.manager.request('PUT', url, { body: 'conv secret', baseVersion: 0 });
    expect(plain.json().error.code).toBe('vault.sealed_required');
    const meetingId = (await c.manager.get(`/api/conversations/${cid}`)).json().privateNote
      .meetingId as string;
    const sealed = await seal(key, 'conv secret', privateNoteContext(meetingId, w.manager.id), 1);
    const res = await c.manager.request('PUT', url, { sealed, baseVersion: 0 });
    expect(res.statusCode).toBe(200);
    const page = (await c.manager.get(`/api/conversations/${cid}`)).json();
    expect(
      await open(key, page.privateNote.sealed, privateNoteContext(meetingId, w.manager.id)),
    ).toBe('conv secret');
    expect(JSON.stringify(await storedRows())).not.toContain('conv secret');
  });

  it('leaves the vault as it was through a password change and HR’s password link', async () => {
    const before = (await c.manager.get('/api/vault')).json();
    await c.hr.post(`/api/people/${w.manager.id}/password-link`);
    await c.manager.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a completely new sign-in password 42',
    });
    expect((await c.manager.get('/api/vault')).json()).toEqual(before);
  });

  it('takes reflections sealed only, once there is a vault, and gives them to nobody else', async () => {
    const url = `/api/one-on-ones/meetings/${next}/reflection`;
    const plain = await c.manager.request('PUT', url, { topics: [], notes: 'plain reflection' });
    expect(plain.statusCode).toBe(409);
    expect(plain.json().error.code).toBe('vault.sealed_required');
    const content = { topics: [], notes: 'sealed reflection 9f' };
    const sealed = await seal(
      key,
      JSON.stringify(content),
      reflectionContext(next, w.manager.id),
      1,
    );
    const res = await c.manager.request('PUT', url, { sealed });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ topics: [], notes: '', sealed });
    expect(JSON.stringify(await storedReflections())).not.toContain('sealed reflection 9f');
    for (const who of ['employee', 'hr', 'admin', 'stranger'] as const) {
      const other = await c[who].get(url);
      expect(other.body).not.toContain(sealed.ciphertext);
    }
    const list = (await c.manager.get('/api/one-on-ones/reflections')).json();
    expect(list.items.every((r: { sealed: unknown }) => r.sealed !== null)).toBe(true);
  });
});
