/**
 * The person's vault in this browser (decision 018): whether they have one, and the data key
 * once unlocked. The key is a non-extractable CryptoKey held in memory: a reload or a new tab
 * asks for the passphrase again, unless the person chose "remember this device" (remembered.ts). All cryptography is in domain/sealing/envelope.ts.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { z } from 'zod';
import {
  createVault,
  open,
  privateNoteContext,
  reflectionContext,
  reminderContext,
  seal,
  unlockVault,
  type KeyWrap,
  type Sealed,
  type UnlockSecret,
  type VaultWraps,
} from '../../domain/sealing/envelope';
import type { UnsealedNotesSchema } from '../../contracts/sealing';
import type { MyVaultSchema } from '../../contracts/vault';
import { ApiError, http } from '../api';

export type MyVault = z.infer<typeof MyVaultSchema>;
type Unsealed = z.infer<typeof UnsealedNotesSchema>;

export const vaultApi = {
  mine: () => http.get<MyVault>('/api/vault'),
  create: (wraps: VaultWraps) => http.post<MyVault>('/api/vault', wraps),
  changePassphrase: (keyVersion: number, passphrase: KeyWrap) =>
    http.put<MyVault>('/api/vault/passphrase', { keyVersion, passphrase }),
  unsealed: () => http.get<Unsealed>('/api/vault/unsealed'),
  seal: (
    notes: { id: string; version: number; sealed: Sealed }[],
    reflections: { id: string; sealed: Sealed }[],
  ) => http.post<{ sealed: number }>('/api/vault/seal', { notes, reflections }),
};

import { VAULT_KEY } from './keys';
import { unlockByPasskey, type Passkey } from './passkey';
import type { RememberDays } from './remember-policy';
import { forgetKey, onSignOut, recallKey, rememberKey } from './remembered';

export { VAULT_KEY };

/** The unlocked key of this page load (written only to IndexedDB, if the person chose so). */
let unlocked: { key: CryptoKey; keyVersion: number } | null = null;
/** A vault just made, whose recovery code is still on screen. */
let pending: { vault: MyVault; key: CryptoKey; keyVersion: number } | null = null;
const listeners = new Set<() => void>();
const setUnlocked = (value: typeof unlocked) => {
  unlocked = value;
  for (const l of listeners) l();
};
onSignOut(() => {
  pending = null;
  setUnlocked(null);
});

/** The unlocked key, or null while locked (a component re-renders when it changes). */
export function useVaultKey() {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => unlocked,
  );
}

/** The caller's vault (null when they have none), fetched once per page load. */
export function useMyVault() {
  return useQuery({ queryKey: VAULT_KEY, queryFn: vaultApi.mine, staleTime: Infinity });
}

/**
 * Seals the person's remaining plain private notes with the unlocked key, a batch at a time;
 * the server swaps each for its sealed version in one transaction and drops the plain text.
 */
async function sealExisting(key: CryptoKey, keyVersion: number, authorId: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { items, reflections } = await vaultApi.unsealed();
    if (items.length === 0 && reflections.length === 0) return;
    const notes = await Promise.all(
      items.map(async (n) => ({
        id: n.id,
        version: n.version,
        sealed: await seal(key, n.body, privateNoteContext(n.meetingId, authorId), keyVersion),
      })),
    );
    const sealedReflections = await Promise.all(
      reflections.map(async (r) => ({
        id: r.id,
        sealed: await seal(
          key,
          JSON.stringify({ topics: r.topics, notes: r.notes }),
          reflectionContext(r.meetingId, authorId),
          keyVersion,
        ),
      })),
    );
    try {
      await vaultApi.seal(notes, sealedReflections);
      attempt = -1; // a batch went through: keep going until none are left
    } catch (err) {
      // A note changed meanwhile: fetch again and retry.
      if (!(err instanceof ApiError && err.code === 'vault.seal_stale')) throw err;
    }
  }
}

/** Setting up, unlocking and using the vault from components. */
export function useVaultActions(authorId: string) {
  const client = useQueryClient();
  const afterUnlock = async (key: CryptoKey, keyVersion: number) => {
    setUnlocked({ key, keyVersion });
    try {
      await sealExisting(key, keyVersion, authorId);
    } finally {
      // Pages cached with plain notes now have sealed ones.
      await client.invalidateQueries();
    }
  };
  return {
    /**
     * A new vault; the recovery code comes back once, to be shown to the person. The page
     * stays as it is until they say they saved it (finish), so the code is not swept away.
     */
    async setUp(passphrase: string): Promise<string> {
      const { wraps, recoveryCode, key } = await createVault(passphrase);
      const res = await vaultApi.create(wraps);
      pending = { vault: res, key, keyVersion: wraps.keyVersion };
      return recoveryCode;
    },
    /** After the recovery code was saved: the vault is in use, and notes so far get sealed. */
    async finish() {
      if (!pending) return;
      const { vault, key, keyVersion } = pending;
      pending = null;
      client.setQueryData(VAULT_KEY, vault);
      await afterUnlock(key, keyVersion);
    },
    /**
     * Unlocks with the passphrase or the recovery code; throws VaultUnlockError when wrong.
     * With `rememberDays`, this browser keeps the (non-extractable) key for that long.
     */
    async unlock(
      vault: NonNullable<MyVault['vault']>,
      secret: UnlockSecret,
      rememberDays?: RememberDays,
    ) {
      const key = await unlockVault(vault, secret);
      if (rememberDays) {
        // Not being able to remember is no reason to stay locked.
        await rememberKey(authorId, vault.keyVersion, key, rememberDays).catch(() => undefined);
      }
      await afterUnlock(key, vault.keyVersion);
    },
    /** Unlocks with one of the person's passkeys (WebAuthn PRF); throws when none answers. */
    async unlockWithPasskey(
      vault: NonNullable<MyVault['vault']>,
      passkeys: Passkey[],
      rememberDays?: RememberDays,
    ) {
      const key = await unlockByPasskey(vault.keyVersion, passkeys);
      if (rememberDays) {
        await rememberKey(authorId, vault.keyVersion, key, rememberDays).catch(() => undefined);
      }
      await afterUnlock(key, vault.keyVersion);
    },
    /** Unlocks without typing when this browser remembers the key; false when it does not. */
    async unlockRemembered(vault: NonNullable<MyVault['vault']>) {
      if (unlocked) return true;
      const key = await recallKey(authorId, vault.keyVersion);
      if (!key) return false;
      await afterUnlock(key, vault.keyVersion);
      return true;
    },
    lock() {
      setUnlocked(null);
      void forgetKey(authorId);
    },
  };
}

/** Seals a private note's text for the server. */
export function sealNote(
  k: { key: CryptoKey; keyVersion: number },
  meetingId: string,
  authorId: string,
  body: string,
) {
  return seal(k.key, body, privateNoteContext(meetingId, authorId), k.keyVersion);
}

/** Seals a reflection ({topics, notes}) for the server. */
export function sealReflection(
  k: { key: CryptoKey; keyVersion: number },
  meetingId: string,
  authorId: string,
  content: { topics: unknown[]; notes: string },
) {
  return seal(k.key, JSON.stringify(content), reflectionContext(meetingId, authorId), k.keyVersion);
}

/** Opens a reflection sealed by its author. */
export async function openReflection<T>(
  key: CryptoKey,
  sealed: Sealed,
  meetingId: string,
  authorId: string,
): Promise<T> {
  return JSON.parse(await open(key, sealed, reflectionContext(meetingId, authorId))) as T;
}

/** Opens a private note sealed by its author. */
export function openNote(key: CryptoKey, sealed: Sealed, meetingId: string, authorId: string) {
  return open(key, sealed, privateNoteContext(meetingId, authorId));
}

/** Seals a manager's "remember to ask" reminder in a series for the server. */
export function sealReminder(
  k: { key: CryptoKey; keyVersion: number },
  seriesId: string,
  authorId: string,
  text: string,
) {
  return seal(k.key, text, reminderContext(seriesId, authorId), k.keyVersion);
}

/** Opens a reminder sealed by its author. */
export function openReminder(key: CryptoKey, sealed: Sealed, seriesId: string, authorId: string) {
  return open(key, sealed, reminderContext(seriesId, authorId));
}
