/** The vault (decision 018): sealed texts, key wraps, passkeys and one's own vault. */
import { z } from 'zod';
import { PBKDF2_MIN_ITERATIONS } from '../domain/sealing/envelope';
import { textBlock } from '../domain/text';

/** Base64 of at most `max` characters: the server checks an envelope's shape, never its content. */
const b64 = (max: number) =>
  z
    .string()
    .min(4)
    .max(max)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/);
/** A sealed text (decision 018): AES-GCM ciphertext with its tag, a 96-bit IV, the key's version. */
export const SealedSchema = z.object({
  // 50 000 characters of up to 4 UTF-8 bytes, in base64, plus the tag.
  ciphertext: b64(270000),
  iv: b64(16).length(16),
  keyVersion: z.int().min(1),
});

/** The data key wrapped by the passphrase: PBKDF2-SHA256 at OWASP's count or more. */
export const PassphraseWrapSchema = z.object({
  kdf: z.literal('PBKDF2-SHA256'),
  iterations: z.int().min(PBKDF2_MIN_ITERATIONS).max(10000000),
  salt: b64(44),
  iv: b64(16).length(16),
  wrappedKey: b64(100),
});

/** The data key wrapped by the recovery code (160 random bits, HKDF-SHA256). */
export const RecoveryWrapSchema = z.object({
  kdf: z.literal('HKDF-SHA256'),
  iterations: z.literal(0),
  salt: b64(44),
  iv: b64(16).length(16),
  wrappedKey: b64(100),
});

/** A new vault as the browser made it. */
export const NewVaultSchema = z.object({
  keyVersion: z.literal(1),
  passphrase: PassphraseWrapSchema,
  recovery: RecoveryWrapSchema,
});

/** A private note as the author's browser sends it: plain text, or sealed once they have a vault. */
export const PrivateNoteInputSchema = z.union([
  z.strictObject({
    body: textBlock().max(50000),
    /** The version this text started from (0 for a new note). */
    baseVersion: z.int().min(0),
  }),
  z.strictObject({ sealed: SealedSchema, baseVersion: z.int().min(0) }),
]);

/** A passkey's wrap of the data key (HKDF-SHA256 from the PRF output): shape only. */
export const PasskeyWrapSchema = z.object({
  kdf: z.literal('HKDF-SHA256'),
  iterations: z.literal(0),
  salt: b64(44),
  iv: b64(16).length(16),
  wrappedKey: b64(100),
});

/** WebAuthn credential ids, base64url without padding (at most 1023 bytes). */
const CredentialIdSchema = z
  .string()
  .min(16)
  .max(1400)
  .regex(/^[A-Za-z0-9_-]+$/);

export const NewPasskeySchema = z.object({
  keyVersion: z.int().min(1),
  credentialId: CredentialIdSchema,
  /** The input given to the passkey's PRF: 32 random bytes. */
  prfSalt: b64(44).length(44),
  wrap: PasskeyWrapSchema,
});

export const PasskeySchema = NewPasskeySchema.extend({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
});

export const PasskeysSchema = z.object({ items: z.array(PasskeySchema) });

const VaultSchema = z.object({
  keyVersion: z.int().min(1),
  passphrase: PassphraseWrapSchema,
  recovery: RecoveryWrapSchema,
  /** Passkeys that unlock it (WebAuthn PRF), so the locked panel offers them without a 2nd call. */
  passkeys: z.array(PasskeySchema),
  updatedAt: z.iso.datetime(),
});

/** The caller's own vault, or null when they have none yet. */
export const MyVaultSchema = z.object({ vault: VaultSchema.nullable() });
