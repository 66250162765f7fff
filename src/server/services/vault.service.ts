import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import type { KeyWrap, Sealed } from '../../domain/sealing/envelope';
import { authorize } from '../policies/index';
import { recordAudit } from './audit.service';
import { vaultRepository as vaultRepo } from '../repositories/vault.repository';

/** The most passkeys one person may keep for their vault. */
const MAX_PASSKEYS = 10;

/** The most plain notes handed out (and taken back sealed) in one round trip. */
export const SEAL_BATCH = 100;

/**
 * A person's vault for sealed private notes (decision 018). Every operation is on the caller's
 * own vault: there is no way to name another person, so HR, admins and password resets never
 * reach it. The server stores wrapped keys and ciphertext it cannot open.
 */
export function createVaultService(db: Db) {
  return {
    async mine(actor: Actor) {
      const vault = await vaultRepo.find(db, actor.orgId, actor.personId);
      if (!vault) return undefined;
      return { ...vault, passkeys: await vaultRepo.passkeys(db, actor.orgId, actor.personId) };
    },

    /** Stores a new vault; a person has one (changing the passphrase re-wraps, see below). */
    async create(
      actor: Actor,
      input: { keyVersion: number; passphrase: KeyWrap; recovery: KeyWrap },
    ) {
      return db.transaction(async (tx) => {
        const created = await vaultRepo.insert(tx, {
          orgId: actor.orgId,
          personId: actor.personId,
          keyVersion: input.keyVersion,
          passphraseWrap: input.passphrase,
          recoveryWrap: input.recovery,
        });
        if (!created) throw new AppError('vault.exists');
        // That it happened, never a wrap, a salt or anything derived from the passphrase.
        await recordAudit(tx, actor, {
          action: 'vault.created',
          subjectType: 'person',
          subjectId: actor.personId,
        });
        return { ...created, passkeys: [] };
      });
    },

    /** Replaces the passphrase wrap of the same data key; no note is touched. */
    async changePassphrase(actor: Actor, input: { keyVersion: number; passphrase: KeyWrap }) {
      return db.transaction(async (tx) => {
        const vault = await vaultRepo.find(tx, actor.orgId, actor.personId, true);
        if (!vault) throw new AppError('vault.missing');
        if (vault.keyVersion !== input.keyVersion) throw new AppError('vault.key_version');
        const changed = await vaultRepo.setPassphraseWrap(
          tx,
          actor.orgId,
          actor.personId,
          input.passphrase,
        );
        await recordAudit(tx, actor, {
          action: 'vault.passphrase_changed',
          subjectType: 'person',
          subjectId: actor.personId,
        });
        return {
          ...changed,
          passkeys: await vaultRepo.passkeys(tx, actor.orgId, actor.personId),
        };
      });
    },

    /** The caller's own passkeys (credential id, PRF input, wrap): only ever their own. */
    async passkeys(actor: Actor) {
      return vaultRepo.passkeys(db, actor.orgId, actor.personId);
    },

    /**
     * Adds a passkey wrap of the caller's data key, made in their browser from the passkey's
     * PRF output. The server checks its shape only: it cannot open it, nor check it opens.
     */
    async addPasskey(
      actor: Actor,
      input: { keyVersion: number; credentialId: string; prfSalt: string; wrap: KeyWrap },
    ) {
      return db.transaction(async (tx) => {
        const vault = await vaultRepo.find(tx, actor.orgId, actor.personId, true);
        if (!vault) throw new AppError('vault.missing');
        if (vault.keyVersion !== input.keyVersion) throw new AppError('vault.key_version');
        const existing = await vaultRepo.passkeys(tx, actor.orgId, actor.personId);
        if (existing.length >= MAX_PASSKEYS)
          throw new AppError('vault.passkey_limit', { max: MAX_PASSKEYS });
        const created = await vaultRepo.insertPasskey(tx, {
          orgId: actor.orgId,
          personId: actor.personId,
          ...input,
        });
        if (!created) throw new AppError('vault.passkey_exists');
        await recordAudit(tx, actor, {
          action: 'vault.passkey_added',
          subjectType: 'person',
          subjectId: actor.personId,
        });
        return created;
      });
    },

    /** Removes one of the caller's passkeys; anyone else's id is "not found". */
    async removePasskey(actor: Actor, id: string) {
      return db.transaction(async (tx) => {
        const gone = await vaultRepo.deletePasskey(tx, actor.orgId, actor.personId, id);
        if (!gone) throw new AppError('not_found');
        await recordAudit(tx, actor, {
          action: 'vault.passkey_removed',
          subjectType: 'person',
          subjectId: actor.personId,
        });
      });
    },

    /** The caller's private notes and reflections still in plain text (a batch), to seal. */
    async unsealed(actor: Actor) {
      const [notes, reflections] = await Promise.all([
        vaultRepo.unsealedNotes(db, actor.orgId, actor.personId, SEAL_BATCH),
        vaultRepo.unsealedReflections(db, actor.orgId, actor.personId, SEAL_BATCH),
      ]);
      return { notes, reflections };
    },

    /**
     * Replaces the caller's plain notes by the sealed versions their browser made, all or none
     * in one transaction; the plain text is nulled. A note changed since it was handed out (or
     * not the caller's, or already sealed) refuses the batch, and the browser fetches again.
     */
    async seal(
      actor: Actor,
      notes: { id: string; version: number; sealed: Sealed }[],
      reflections: { id: string; sealed: Sealed }[] = [],
    ) {
      return db.transaction(async (tx) => {
        const vault = await vaultRepo.find(tx, actor.orgId, actor.personId, true);
        if (!vault) throw new AppError('vault.missing');
        for (const note of notes) {
          if (note.sealed.keyVersion !== vault.keyVersion) throw new AppError('vault.key_version');
          const done = await vaultRepo.sealNote(tx, actor.orgId, actor.personId, note);
          if (!done) throw new AppError('vault.seal_stale');
        }
        for (const reflection of reflections) {
          if (reflection.sealed.keyVersion !== vault.keyVersion)
            throw new AppError('vault.key_version');
          const done = await vaultRepo.sealReflection(tx, actor.orgId, actor.personId, reflection);
          if (!done) throw new AppError('vault.seal_stale');
        }
        return { sealed: notes.length + reflections.length };
      });
    },

    /** For administrators: how many people still have plain private notes, and how many vaults. */
    async status(actor: Actor) {
      authorize(actor, { do: 'sealing.status.read', orgId: actor.orgId });
      const [unsealed, vaults] = await Promise.all([
        vaultRepo.peopleWithUnsealedNotes(db, actor.orgId),
        vaultRepo.vaultCount(db, actor.orgId),
      ]);
      return { peopleWithUnsealedNotes: unsealed, peopleWithVault: vaults };
    },
  };
}
