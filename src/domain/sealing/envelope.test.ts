import { describe, expect, it } from 'vitest';
import {
  createVault,
  fromBase64,
  newRecoveryCode,
  open,
  privateNoteContext,
  recoveryCodeBytes,
  rewrapPassphrase,
  seal,
  sealWithIv,
  SealedOpenError,
  toBase64,
  unlockVault,
  VaultUnlockError,
  PBKDF2_ITERATIONS,
} from './envelope';

// Fewer iterations keep the suite quick; one test below runs the real count.
const fast = { iterations: 1_000 };
const ctx = privateNoteContext(
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
);

describe('sealed-notes envelope', () => {
  it('matches a fixed AES-GCM test vector (key, IV, context and text fixed)', async () => {
    const raw = new Uint8Array(32).map((_, i) => i);
    const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
    const iv = new Uint8Array(12).map((_, i) => 0xa0 + i);
    const sealed = await sealWithIv(key, 'Förtroligt: stöd kring hösten', ctx, 1, iv);
    expect(sealed).toEqual({
      ciphertext: FIXED_CIPHERTEXT,
      iv: 'oKGio6Slpqeoqaqr',
      keyVersion: 1,
    });
    expect(await open(key, sealed, ctx)).toBe('Förtroligt: stöd kring hösten');
  });

  it('seals and opens a note round trip, with a fresh IV each time', async () => {
    const { wraps, key } = await createVault('lång lösenfras till valvet', fast);
    const a = await seal(key, 'Hon verkar trött; fråga om arbetsbördan.', ctx, wraps.keyVersion);
    const b = await seal(key, 'Hon verkar trött; fråga om arbetsbördan.', ctx, wraps.keyVersion);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toContain('trött');
    expect(await open(key, a, ctx)).toBe('Hon verkar trött; fråga om arbetsbördan.');
  });

  it('refuses a wrong passphrase and a wrong recovery code', async () => {
    const { wraps } = await createVault('rätt lösenfras', fast);
    await expect(unlockVault(wraps, { passphrase: 'fel lösenfras' })).rejects.toBeInstanceOf(
      VaultUnlockError,
    );
    await expect(unlockVault(wraps, { recoveryCode: newRecoveryCode() })).rejects.toBeInstanceOf(
      VaultUnlockError,
    );
    await expect(unlockVault(wraps, { recoveryCode: 'too-short' })).rejects.toBeInstanceOf(
      VaultUnlockError,
    );
  });

  it('unlocks with the recovery code, forgiving case, spaces and look-alikes', async () => {
    const { wraps, key, recoveryCode } = await createVault('glömd lösenfras', fast);
    const sealed = await seal(key, 'text', ctx, 1);
    const typed = ` ${recoveryCode.toLowerCase().replace(/0/g, 'o').replace(/-/g, ' ')} `;
    const again = await unlockVault(wraps, { recoveryCode: typed });
    expect(await open(again, sealed, ctx)).toBe('text');
    expect(recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(recoveryCodeBytes(recoveryCode)).toHaveLength(20);
  });

  it('keeps notes readable after a passphrase change (one key re-wrapped, no note touched)', async () => {
    const { wraps, key } = await createVault('gammal lösenfras', fast);
    const sealed = await seal(key, 'gammal anteckning', ctx, 1);
    const passphrase = await rewrapPassphrase(
      wraps,
      { passphrase: 'gammal lösenfras' },
      'ny',
      fast,
    );
    const changed = { ...wraps, passphrase };
    expect(await open(await unlockVault(changed, { passphrase: 'ny' }), sealed, ctx)).toBe(
      'gammal anteckning',
    );
    await expect(unlockVault(changed, { passphrase: 'gammal lösenfras' })).rejects.toBeInstanceOf(
      VaultUnlockError,
    );
  });

  it('sets a new passphrase from the recovery code after the old one is forgotten', async () => {
    const { wraps, key, recoveryCode } = await createVault('borta', fast);
    const sealed = await seal(key, 'kvar', ctx, 1);
    const passphrase = await rewrapPassphrase(wraps, { recoveryCode }, 'ny fras', fast);
    const key2 = await unlockVault({ ...wraps, passphrase }, { passphrase: 'ny fras' });
    expect(await open(key2, sealed, ctx)).toBe('kvar');
  });

  it('refuses tampered ciphertext, a tampered IV and another note’s context', async () => {
    const { key } = await createVault('x', fast);
    const sealed = await seal(key, 'hemligt', ctx, 1);
    const bytes = fromBase64(sealed.ciphertext);
    bytes[0] = bytes[0]! ^ 1;
    await expect(open(key, { ...sealed, ciphertext: toBase64(bytes) }, ctx)).rejects.toBeInstanceOf(
      SealedOpenError,
    );
    const iv = fromBase64(sealed.iv);
    iv[3] = iv[3]! ^ 1;
    await expect(open(key, { ...sealed, iv: toBase64(iv) }, ctx)).rejects.toBeInstanceOf(
      SealedOpenError,
    );
    const other = privateNoteContext('11111111-1111-4111-8111-111111111111', 'someone-else');
    await expect(open(key, sealed, other)).rejects.toBeInstanceOf(SealedOpenError);
  });

  it('refuses another vault’s key', async () => {
    const one = await createVault('a', fast);
    const two = await createVault('a', fast);
    const sealed = await seal(one.key, 'bara min', ctx, 1);
    await expect(open(two.key, sealed, ctx)).rejects.toBeInstanceOf(SealedOpenError);
  });

  it('refuses a passphrase wrap posing as the recovery wrap', async () => {
    const { wraps } = await createVault('fras', fast);
    const swapped = { ...wraps, recovery: { ...wraps.passphrase, kdf: 'HKDF-SHA256' as const } };
    await expect(unlockVault(swapped, { recoveryCode: newRecoveryCode() })).rejects.toBeInstanceOf(
      VaultUnlockError,
    );
  });

  it('hands out non-extractable keys and uses OWASP’s PBKDF2 count by default', async () => {
    const { wraps, key } = await createVault('riktig fras');
    expect(wraps.passphrase.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });
});

// Computed independently with node:crypto (OpenSSL) aes-256-gcm, tag appended.
const FIXED_CIPHERTEXT = 'oNvKXzG5bdMLAvPpJwm0HcbIeXvg3iwLvGblMAzfEG9n9u0s1PMpoEFkri3ijguf';
