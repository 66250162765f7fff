import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createVault,
  fromBase64,
  newPrfSalt,
  open,
  privateNoteContext,
  seal,
  toBase64,
  unlockVault,
  unlockWithPasskey,
  VaultUnlockError,
  wrapForPasskey,
} from './envelope';

const fast = { iterations: 1_000 };
const ctx = privateNoteContext(
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
);
/** What an authenticator's PRF (hmac-secret) returns: 32 bytes, fixed per credential and input. */
const prf = () => new Uint8Array(randomBytes(32));

describe('passkey unlock (WebAuthn PRF → HKDF-SHA256 → a wrap of the same data key)', () => {
  it('opens the vault with the PRF output, reading notes sealed before the passkey existed', async () => {
    const { wraps, key } = await createVault('passfras för valvet', fast);
    const sealed = await seal(key, 'skrivet före passkey', ctx, 1);
    const output = prf();
    const wrap = await wrapForPasskey(
      wraps,
      { passphrase: 'passfras för valvet' },
      'cred-A',
      output,
    );
    expect(wrap).toMatchObject({ kdf: 'HKDF-SHA256', iterations: 0 });
    const unlocked = await unlockWithPasskey(1, wrap, 'cred-A', output);
    expect(unlocked.extractable).toBe(false);
    expect(await open(unlocked, sealed, ctx)).toBe('skrivet före passkey');
    // The passphrase still opens the same key: nothing was re-encrypted.
    const byPassphrase = await unlockVault(wraps, { passphrase: 'passfras för valvet' });
    expect(await open(byPassphrase, await seal(unlocked, 'x', ctx, 1), ctx)).toBe('x');
  });

  it('is added with the recovery code too, and never without a secret that unlocks', async () => {
    const { wraps, recoveryCode, key } = await createVault('passfras för valvet', fast);
    const output = prf();
    const wrap = await wrapForPasskey(wraps, { recoveryCode }, 'cred-B', output);
    const unlocked = await unlockWithPasskey(1, wrap, 'cred-B', output);
    expect(await open(unlocked, await seal(key, 'y', ctx, 1), ctx)).toBe('y');
    await expect(
      wrapForPasskey(wraps, { passphrase: 'fel fras' }, 'cred-B', output),
    ).rejects.toBeInstanceOf(VaultUnlockError);
  });

  it('refuses another PRF output, another credential, another key version or a short output', async () => {
    const { wraps } = await createVault('passfras för valvet', fast);
    const output = prf();
    const wrap = await wrapForPasskey(
      wraps,
      { passphrase: 'passfras för valvet' },
      'cred-C',
      output,
    );
    await expect(unlockWithPasskey(1, wrap, 'cred-C', prf())).rejects.toBeInstanceOf(
      VaultUnlockError,
    );
    await expect(unlockWithPasskey(1, wrap, 'cred-D', output)).rejects.toBeInstanceOf(
      VaultUnlockError,
    );
    await expect(unlockWithPasskey(2, wrap, 'cred-C', output)).rejects.toBeInstanceOf(
      VaultUnlockError,
    );
    const tampered = {
      ...wrap,
      wrappedKey: toBase64(fromBase64(wrap.wrappedKey).map((b, i) => (i === 3 ? b ^ 1 : b))),
    };
    await expect(unlockWithPasskey(1, tampered, 'cred-C', output)).rejects.toBeInstanceOf(
      VaultUnlockError,
    );
    await expect(
      wrapForPasskey(wraps, { passphrase: 'passfras för valvet' }, 'cred-C', output.slice(0, 16)),
    ).rejects.toBeInstanceOf(VaultUnlockError);
  });

  it('derives the key as specified: HKDF-SHA256(PRF output, salt, "samtal/vault-passkey/v1")', async () => {
    // A wrap made independently with node:crypto (hkdfSync, AES-256-GCM) opens with the module.
    const output = prf();
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const dataKey = randomBytes(32);
    const kek = Buffer.from(hkdfSync('sha256', output, salt, 'samtal/vault-passkey/v1', 32));
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(Buffer.from('samtal/vault-wrap/v1/passkey/1/cred-E'));
    const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
    const key = await unlockWithPasskey(
      1,
      {
        kdf: 'HKDF-SHA256',
        iterations: 0,
        salt: salt.toString('base64'),
        iv: iv.toString('base64'),
        wrappedKey: wrapped.toString('base64'),
      },
      'cred-E',
      output,
    );
    const raw = await crypto.subtle.importKey('raw', dataKey, 'AES-GCM', false, ['encrypt']);
    expect(await open(key, await seal(raw, 'samma nyckel', ctx, 1), ctx)).toBe('samma nyckel');
  });

  it('makes a fresh 32-byte PRF input each time', () => {
    const a = newPrfSalt();
    expect(a.length).toBe(32);
    expect(toBase64(a)).not.toBe(toBase64(newPrfSalt()));
  });
});
