/**
 * The sealed-notes envelope (decision 018): one random AES-GCM 256 data key per person, wrapped
 * by a key derived from their vault passphrase (PBKDF2-SHA256) and, separately, by a key derived
 * from a high-entropy recovery code (HKDF-SHA256). Notes are AES-GCM ciphertext with the note's
 * meeting and author as associated data. WebCrypto only (globalThis.crypto.subtle), so the browser
 * and the unit tests in Node run the same code; no home-made primitives.
 */

const subtle = () => globalThis.crypto.subtle;
/** A WebCrypto key as browsers and Node both make it, named without the DOM library's types. */
export type CryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** OWASP's 2023+ recommendation for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
/** The lowest iteration count the server accepts for a passphrase wrap. */
export const PBKDF2_MIN_ITERATIONS = 600_000;
/** 160 random bits, written as 32 Crockford base32 characters in groups of four. */
const RECOVERY_BYTES = 20;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** How the data key is wrapped by one unlock method. All binary fields are base64. */
export type KeyWrap = {
  kdf: 'PBKDF2-SHA256' | 'HKDF-SHA256';
  /** PBKDF2 iterations; 0 for HKDF. */
  iterations: number;
  salt: string;
  iv: string;
  wrappedKey: string;
};

/** What the server stores for a person's vault: never the data key, never a passphrase. */
export type VaultWraps = { keyVersion: number; passphrase: KeyWrap; recovery: KeyWrap };

/** A sealed text: AES-GCM ciphertext (tag included) and its 96-bit IV, base64. */
export type Sealed = { ciphertext: string; iv: string; keyVersion: number };

/** Thrown when a passphrase or recovery code does not open the vault (or a wrap was altered). */
export class VaultUnlockError extends Error {
  constructor() {
    super('The vault did not open with that passphrase or recovery code.');
    this.name = 'VaultUnlockError';
  }
}

/** Thrown when a sealed text cannot be opened: wrong key, altered ciphertext or wrong note. */
export class SealedOpenError extends Error {
  constructor() {
    super('This sealed text could not be opened.');
    this.name = 'SealedOpenError';
  }
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const utf8 = new TextEncoder();
const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

/** The associated data of a private note: a ciphertext moved to another note or author fails. */
export function privateNoteContext(meetingId: string, authorId: string): string {
  return `samtal/private-note/v1/${meetingId}/${authorId}`;
}

/** The associated data of a manager's reflection on a meeting ({topics, notes} as JSON). */
export function reflectionContext(meetingId: string, authorId: string): string {
  return `samtal/reflection/v1/${meetingId}/${authorId}`;
}

/**
 * The associated data of a manager's "remember to ask" reminder in a 1:1 series: a ciphertext
 * moved to another series or author does not open.
 */
export function reminderContext(seriesId: string, authorId: string): string {
  return `samtal/remember-to-ask/v1/${seriesId}/${authorId}`;
}

/** The associated data of a wrap, so a passphrase wrap cannot pose as a recovery wrap. */
const wrapContext = (kind: 'passphrase' | 'recovery', keyVersion: number) =>
  utf8.encode(`samtal/vault-wrap/v1/${kind}/${keyVersion}`);

/** A passkey's wrap is bound to its credential too: it cannot pose as another passkey's. */
const passkeyWrapContext = (credentialId: string, keyVersion: number) =>
  utf8.encode(`samtal/vault-wrap/v1/passkey/${keyVersion}/${credentialId}`);

/** A fresh recovery code: 160 random bits, shown once, e.g. "7K2M-…" (8 groups of 4). */
export function newRecoveryCode(): string {
  const bytes = random(RECOVERY_BYTES);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** The recovery code's bytes; spaces, dashes and look-alike letters (O, I, L) are forgiven. */
export function recoveryCodeBytes(code: string): Uint8Array<ArrayBuffer> {
  const clean = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== (RECOVERY_BYTES * 8) / 5) throw new VaultUnlockError();
  const out = new Uint8Array(RECOVERY_BYTES);
  let bits = 0;
  let value = 0;
  let i = 0;
  for (const ch of clean) {
    const v = CROCKFORD.indexOf(ch);
    if (v < 0) throw new VaultUnlockError();
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out[i++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
    }
  }
  return out;
}

async function passphraseKek(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
) {
  const base = await subtle().importKey(
    'raw',
    utf8.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

async function recoveryKek(code: string, salt: Uint8Array<ArrayBuffer>) {
  const base = await subtle().importKey('raw', recoveryCodeBytes(code), 'HKDF', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8.encode('samtal/vault-recovery/v1') },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** The key-encryption key from a passkey's PRF output (32 bytes from hmac-secret), by HKDF. */
async function passkeyKek(prfOutput: Uint8Array<ArrayBuffer>, salt: Uint8Array<ArrayBuffer>) {
  const base = await subtle().importKey('raw', prfOutput, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8.encode('samtal/vault-passkey/v1') },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

async function kekFor(wrap: KeyWrap, secret: string) {
  const salt = fromBase64(wrap.salt);
  return wrap.kdf === 'PBKDF2-SHA256'
    ? passphraseKek(secret, salt, wrap.iterations)
    : recoveryKek(secret, salt);
}

async function wrapWith(
  dataKey: CryptoKey,
  kind: 'passphrase' | 'recovery',
  secret: string,
  keyVersion: number,
  iterations: number,
): Promise<KeyWrap> {
  const salt = random(16);
  const iv = random(12);
  const kek =
    kind === 'passphrase'
      ? await passphraseKek(secret, salt, iterations)
      : await recoveryKek(secret, salt);
  const wrapped = await subtle().wrapKey('raw', dataKey, kek, {
    name: 'AES-GCM',
    iv,
    additionalData: wrapContext(kind, keyVersion),
  });
  return {
    kdf: kind === 'passphrase' ? 'PBKDF2-SHA256' : 'HKDF-SHA256',
    iterations: kind === 'passphrase' ? iterations : 0,
    salt: toBase64(salt),
    iv: toBase64(iv),
    wrappedKey: toBase64(new Uint8Array(wrapped)),
  };
}

async function unwrapWith(
  wrap: KeyWrap,
  kind: 'passphrase' | 'recovery',
  secret: string,
  keyVersion: number,
  extractable: boolean,
): Promise<CryptoKey> {
  try {
    const kek = await kekFor(wrap, secret);
    return await subtle().unwrapKey(
      'raw',
      fromBase64(wrap.wrappedKey),
      kek,
      { name: 'AES-GCM', iv: fromBase64(wrap.iv), additionalData: wrapContext(kind, keyVersion) },
      { name: 'AES-GCM', length: 256 },
      extractable,
      ['encrypt', 'decrypt'],
    );
  } catch {
    throw new VaultUnlockError();
  }
}

/**
 * A new vault: a random data key wrapped by the passphrase and by a fresh recovery code. The
 * code is returned once to be shown to the person; the key comes back non-extractable.
 */
export async function createVault(
  passphrase: string,
  opts: { iterations?: number } = {},
): Promise<{ wraps: VaultWraps; recoveryCode: string; key: CryptoKey }> {
  const iterations = opts.iterations ?? PBKDF2_ITERATIONS;
  const keyVersion = 1;
  const dataKey = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
  const recoveryCode = newRecoveryCode();
  const wraps: VaultWraps = {
    keyVersion,
    passphrase: await wrapWith(dataKey, 'passphrase', passphrase, keyVersion, iterations),
    recovery: await wrapWith(dataKey, 'recovery', recoveryCode, keyVersion, 0),
  };
  // Hand back a non-extractable copy: script running later cannot export the key.
  const key = await unwrapWith(wraps.passphrase, 'passphrase', passphrase, keyVersion, false);
  return { wraps, recoveryCode, key };
}

export type UnlockSecret = { passphrase: string } | { recoveryCode: string };

/** Opens the vault with the passphrase or the recovery code; the key is non-extractable. */
export async function unlockVault(wraps: VaultWraps, secret: UnlockSecret): Promise<CryptoKey> {
  return 'passphrase' in secret
    ? unwrapWith(wraps.passphrase, 'passphrase', secret.passphrase, wraps.keyVersion, false)
    : unwrapWith(wraps.recovery, 'recovery', secret.recoveryCode, wraps.keyVersion, false);
}

/**
 * A new passphrase wrap of the same data key (opened with the old passphrase or the recovery
 * code). No note is re-encrypted; the old passphrase wrap is simply replaced on the server.
 */
export async function rewrapPassphrase(
  wraps: VaultWraps,
  secret: UnlockSecret,
  newPassphrase: string,
  opts: { iterations?: number } = {},
): Promise<KeyWrap> {
  const dataKey =
    'passphrase' in secret
      ? await unwrapWith(wraps.passphrase, 'passphrase', secret.passphrase, wraps.keyVersion, true)
      : await unwrapWith(wraps.recovery, 'recovery', secret.recoveryCode, wraps.keyVersion, true);
  return wrapWith(
    dataKey,
    'passphrase',
    newPassphrase,
    wraps.keyVersion,
    opts.iterations ?? PBKDF2_ITERATIONS,
  );
}

/** A fresh input for a passkey's PRF (WebAuthn `prf` extension): 32 random bytes, stored. */
export function newPrfSalt(): Uint8Array<ArrayBuffer> {
  return random(32);
}

/**
 * A wrap of the same data key for one passkey: the data key is opened with the passphrase or
 * the recovery code (a passkey is added only by someone who can unlock), then wrapped under a
 * key derived by HKDF-SHA256 from the passkey's PRF output. No note is re-encrypted.
 */
export async function wrapForPasskey(
  wraps: VaultWraps,
  secret: UnlockSecret,
  credentialId: string,
  prfOutput: Uint8Array<ArrayBuffer>,
): Promise<KeyWrap> {
  if (prfOutput.length < 32) throw new VaultUnlockError();
  const dataKey =
    'passphrase' in secret
      ? await unwrapWith(wraps.passphrase, 'passphrase', secret.passphrase, wraps.keyVersion, true)
      : await unwrapWith(wraps.recovery, 'recovery', secret.recoveryCode, wraps.keyVersion, true);
  const salt = random(16);
  const iv = random(12);
  const wrapped = await subtle().wrapKey('raw', dataKey, await passkeyKek(prfOutput, salt), {
    name: 'AES-GCM',
    iv,
    additionalData: passkeyWrapContext(credentialId, wraps.keyVersion),
  });
  return {
    kdf: 'HKDF-SHA256',
    iterations: 0,
    salt: toBase64(salt),
    iv: toBase64(iv),
    wrappedKey: toBase64(new Uint8Array(wrapped)),
  };
}

/** Opens the vault with a passkey's PRF output; the key is non-extractable. */
export async function unlockWithPasskey(
  keyVersion: number,
  wrap: KeyWrap,
  credentialId: string,
  prfOutput: Uint8Array<ArrayBuffer>,
): Promise<CryptoKey> {
  try {
    const kek = await passkeyKek(prfOutput, fromBase64(wrap.salt));
    return await subtle().unwrapKey(
      'raw',
      fromBase64(wrap.wrappedKey),
      kek,
      {
        name: 'AES-GCM',
        iv: fromBase64(wrap.iv),
        additionalData: passkeyWrapContext(credentialId, keyVersion),
      },
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  } catch {
    throw new VaultUnlockError();
  }
}

/** Seals a text for one context (see privateNoteContext) with a fresh random IV. */
export async function seal(
  key: CryptoKey,
  plaintext: string,
  context: string,
  keyVersion: number,
): Promise<Sealed> {
  return sealWithIv(key, plaintext, context, keyVersion, random(12));
}

/** seal with a given IV: only for fixed test vectors; never reuse an IV with the same key. */
export async function sealWithIv(
  key: CryptoKey,
  plaintext: string,
  context: string,
  keyVersion: number,
  iv: Uint8Array<ArrayBuffer>,
): Promise<Sealed> {
  const ct = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8.encode(context) },
    key,
    utf8.encode(plaintext),
  );
  return { ciphertext: toBase64(new Uint8Array(ct)), iv: toBase64(iv), keyVersion };
}

/** Opens a sealed text for the same context; anything altered or misplaced fails. */
export async function open(key: CryptoKey, sealed: Sealed, context: string): Promise<string> {
  try {
    const pt = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: utf8.encode(context) },
      key,
      fromBase64(sealed.ciphertext),
    );
    return new TextDecoder().decode(pt);
  } catch {
    throw new SealedOpenError();
  }
}
