/**
 * Passkeys that unlock the vault (decision 018): WebAuthn with the PRF extension. The passkey
 * is a key source only, never a sign-in: its PRF output (32 bytes the authenticator computes
 * from a secret that never leaves it and the input we give) goes through HKDF-SHA256 to a key
 * that wraps the data key (domain/sealing/envelope.ts). The server keeps the credential id,
 * the PRF input and the wrap; it verifies no assertion, because it grants nothing by it.
 */
import {
  fromBase64,
  newPrfSalt,
  toBase64,
  unlockVault,
  unlockWithPasskey,
  wrapForPasskey,
  type KeyWrap,
  type UnlockSecret,
  type VaultWraps,
} from '../../domain/sealing/envelope';
import { http } from '../api';

export type Passkey = {
  id: string;
  keyVersion: number;
  credentialId: string;
  prfSalt: string;
  wrap: KeyWrap;
  createdAt: string;
};

export const passkeyApi = {
  list: () => http.get<{ items: Passkey[] }>('/api/vault/passkeys'),
  add: (body: Omit<Passkey, 'id' | 'createdAt'>) => http.post<Passkey>('/api/vault/passkeys', body),
  remove: (id: string) => http.del<{ ok: true }>(`/api/vault/passkeys/${id}`),
};

/** Thrown when this browser or authenticator cannot give a PRF output (no passkey unlock). */
export class PasskeyUnsupportedError extends Error {
  constructor() {
    super('This browser or passkey does not support the PRF extension.');
    this.name = 'PasskeyUnsupportedError';
  }
}

const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

function base64url(bytes: ArrayBuffer | Uint8Array): string {
  return toBase64(new Uint8Array(bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
}

const prfBytes = (cred: PublicKeyCredential) => {
  const first = cred.getClientExtensionResults().prf?.results?.first;
  if (!first) return null;
  return new Uint8Array(first instanceof ArrayBuffer ? first : first.buffer.slice(0));
};

/** Whether this browser has WebAuthn at all (PRF support shows only when a passkey answers). */
export function passkeysAvailable(): boolean {
  return typeof window !== 'undefined' && 'PublicKeyCredential' in window;
}

/**
 * Makes a new passkey on this device and a wrap of the data key under its PRF output. The
 * passphrase (or recovery code) is asked again: a passkey is added only by someone who can
 * unlock, and the key held in the page is not extractable.
 */
export async function registerPasskey(
  vault: VaultWraps,
  secret: UnlockSecret,
  person: { id: string; name: string; email: string },
): Promise<Omit<Passkey, 'id' | 'createdAt'>> {
  // A wrong passphrase is told before a passkey is made that could then open nothing.
  await unlockVault(vault, secret);
  const prfSalt = newPrfSalt();
  const created = (await navigator.credentials.create({
    publicKey: {
      rp: { name: 'Samtal' },
      user: { id: random(16), name: person.email, displayName: person.name },
      challenge: random(32),
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      extensions: { prf: { eval: { first: prfSalt } } },
    },
  })) as PublicKeyCredential | null;
  if (!created || !created.getClientExtensionResults().prf?.enabled)
    throw new PasskeyUnsupportedError();
  const credentialId = base64url(created.rawId);
  // Some authenticators give the PRF output only when the passkey is used: ask once more.
  const output =
    prfBytes(created) ?? (await prfFor([{ credentialId, prfSalt: toBase64(prfSalt) }]))?.output;
  if (!output) throw new PasskeyUnsupportedError();
  const wrap = await wrapForPasskey(vault, secret, credentialId, output);
  return { keyVersion: vault.keyVersion, credentialId, prfSalt: toBase64(prfSalt), wrap };
}

/** Asks for one of the person's passkeys; its credential id and PRF output, or null. */
async function prfFor(passkeys: { credentialId: string; prfSalt: string }[]) {
  const used = (await navigator.credentials.get({
    publicKey: {
      challenge: random(32),
      allowCredentials: passkeys.map((p) => ({
        type: 'public-key' as const,
        id: fromBase64url(p.credentialId),
      })),
      userVerification: 'required',
      extensions: {
        prf: {
          evalByCredential: Object.fromEntries(
            passkeys.map((p) => [p.credentialId, { first: fromBase64(p.prfSalt) }]),
          ),
        },
      },
    },
  })) as PublicKeyCredential | null;
  if (!used) return null;
  const output = prfBytes(used);
  return output ? { credentialId: base64url(used.rawId), output } : null;
}

/** Unlocks with one of the person's passkeys; the key is non-extractable. */
export async function unlockByPasskey(keyVersion: number, passkeys: Passkey[]) {
  const current = passkeys.filter((p) => p.keyVersion === keyVersion);
  if (current.length === 0) throw new PasskeyUnsupportedError();
  const answer = await prfFor(current);
  if (!answer) throw new PasskeyUnsupportedError();
  const passkey = current.find((p) => p.credentialId === answer.credentialId);
  if (!passkey) throw new PasskeyUnsupportedError();
  return unlockWithPasskey(keyVersion, passkey.wrap, passkey.credentialId, answer.output);
}
