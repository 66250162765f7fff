/**
 * Passkeys that unlock a vault (decision 018), through the HTTP API: a person stores the
 * credential id, the PRF input and a wrap of their data key that their browser made from the
 * passkey's PRF output; the server checks its shape only, keeps it to its owner, audits adding
 * and removing without details, and a password reset or an HR action leaves it alone.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client';
import {
  createVault,
  newPrfSalt,
  toBase64,
  unlockWithPasskey,
  wrapForPasskey,
  type VaultWraps,
} from '../../src/domain/sealing/envelope';
import { testApp, type TestContext } from '../support/app';
import { clientsFor, makeOneOnOneWorld, type OneOnOneWorld } from '../support/one-on-one.factories';

let ctx: TestContext;
let w: OneOnOneWorld;
let c: Awaited<ReturnType<typeof clientsFor>>;
let wraps: VaultWraps;
const PASSPHRASE = 'valvets egen långa fras';
const credentialId = randomBytes(32).toString('base64url');
const prfOutput = new Uint8Array(randomBytes(32));

async function newPasskey() {
  const prfSalt = toBase64(newPrfSalt());
  const wrap = await wrapForPasskey(wraps, { passphrase: PASSPHRASE }, credentialId, prfOutput);
  return { keyVersion: 1, credentialId, prfSalt, wrap };
}

beforeAll(async () => {
  ctx = await testApp();
  w = await makeOneOnOneWorld(ctx.database.db, 'pk');
  c = await clientsFor(ctx.app, w);
  ({ wraps } = await createVault(PASSPHRASE, { iterations: 600_000 }));
  expect((await c.manager.post('/api/vault', wraps)).statusCode).toBe(201);
}, 60_000);
afterAll(() => ctx.close());

describe('vault passkeys', () => {
  it('refuses a passkey without a vault, or of the wrong shape', async () => {
    const body = await newPasskey();
    const none = await c.employee.post('/api/vault/passkeys', body);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('vault.missing');
    for (const bad of [
      { ...body, credentialId: 'short' },
      { ...body, credentialId: `${credentialId}+/=` },
      { ...body, prfSalt: 'AAAA' },
      { ...body, wrap: { ...body.wrap, kdf: 'PBKDF2-SHA256' } },
      { ...body, wrap: { ...body.wrap, wrappedKey: 'not base64!' } },
      { ...body, wrap: { ...body.wrap, iv: toBase64(new Uint8Array(16)) } },
    ]) {
      const res = await c.manager.post('/api/vault/passkeys', bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.fields.length).toBeGreaterThan(0);
    }
    expect((await c.manager.get('/api/vault/passkeys')).json()).toEqual({ items: [] });
  });

  it('stores one, hands it back to its owner only, and it opens the vault', async () => {
    const body = await newPasskey();
    const res = await c.manager.post('/api/vault/passkeys', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject(body);
    const again = await c.manager.post('/api/vault/passkeys', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('vault.passkey_exists');

    const [mine] = (await c.manager.get('/api/vault/passkeys')).json().items;
    const key = await unlockWithPasskey(1, mine.wrap, mine.credentialId, prfOutput);
    expect(key.type).toBe('secret');
    for (const who of ['employee', 'hr', 'admin', 'otherManager', 'stranger'] as const) {
      expect((await c[who].get('/api/vault/passkeys')).json()).toEqual({ items: [] });
      const gone = await c[who].request('DELETE', `/api/vault/passkeys/${mine.id}`);
      expect(gone.statusCode).toBe(404);
    }
  });

  it('survives an HR reset link: only its owner removes it', async () => {
    // HR asks for a reset link for the manager; the vault and its passkeys stay as they were.
    const people = await c.hr.post(`/api/people/${w.manager.id}/password-link`, {});
    expect([200, 201, 202, 204]).toContain(people.statusCode);
    const rows = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from vault_passkeys where person_id = ${w.manager.id}`,
    );
    expect(rows[0]!.n).toBe(1);
    const [mine] = (await c.manager.get('/api/vault/passkeys')).json().items;
    const res = await c.manager.request('DELETE', `/api/vault/passkeys/${mine.id}`);
    expect(res.statusCode).toBe(200);
    expect((await c.manager.get('/api/vault/passkeys')).json()).toEqual({ items: [] });
  });

  it('audits adding and removing: who and when, never a credential or a wrap', async () => {
    const rows = await queryRows<{ action: string; subject_id: string; row: string }>(
      ctx.database.db,
      sql`select action, subject_id, row_to_json(a)::text as row from audit_events a
            where org_id = ${w.org.id} and actor_id = ${w.manager.id}
              and action like 'vault.passkey%' order by at, action`,
    );
    expect(rows.map((r) => [r.action, r.subject_id])).toEqual([
      ['vault.passkey_added', w.manager.id],
      ['vault.passkey_removed', w.manager.id],
    ]);
    for (const r of rows) expect(r.row).not.toContain(credentialId);
  });
});
