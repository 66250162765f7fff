import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { authorize } from '../policies/index';
import { scimRepository } from '../repositories/scim.repository';
import { recordAudit } from './audit.service';
import { systemClock, type Clock } from '../clock';

/** What a token starts with, so a leaked one is recognisable (secret scanners, logs). */
const SCIM_TOKEN_PREFIX = 'samtal_scim_';

/** The stored form of a token: its SHA-256, hex. A database dump cannot be replayed. */
export function hashScimToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The administrator's provisioning tokens and HR's provisioning settings (decision 022). */
export function createScimTokenService(db: Db, clock: Clock = systemClock) {
  return {
    async list(actor: Actor) {
      authorize(actor, { do: 'scim.tokens.manage', orgId: actor.orgId });
      return scimRepository.tokens(db, actor.orgId);
    },

    /** Makes a token; the only time its secret exists outside the identity provider. */
    async create(actor: Actor, name: string) {
      authorize(actor, { do: 'scim.tokens.manage', orgId: actor.orgId });
      const secret = SCIM_TOKEN_PREFIX + randomBytes(32).toString('base64url');
      return db.transaction(async (tx) => {
        const id = randomUUID();
        const row = await scimRepository.insertToken(tx, {
          orgId: actor.orgId,
          id,
          name: name.trim(),
          tokenHash: hashScimToken(secret),
          createdBy: actor.personId,
        });
        await recordAudit(tx, actor, {
          action: 'scim.token_created',
          subjectType: 'scimToken',
          subjectId: id,
        });
        return { row, secret };
      });
    },

    /** Revokes at once: the next request with it is refused. The row stays, for the log. */
    async revoke(actor: Actor, id: string) {
      authorize(actor, { do: 'scim.tokens.manage', orgId: actor.orgId });
      return db.transaction(async (tx) => {
        const existing = await scimRepository.findToken(tx, actor.orgId, id);
        if (!existing) throw new AppError('not_found');
        if (existing.revokedAt) return existing;
        const row = await scimRepository.revokeToken(
          tx,
          actor.orgId,
          id,
          actor.personId,
          clock.now(),
        );
        await recordAudit(tx, actor, {
          action: 'scim.token_revoked',
          subjectType: 'scimToken',
          subjectId: id,
        });
        return row ?? existing;
      });
    },

    async settings(actor: Actor) {
      authorize(actor, { do: 'scim.settings.manage', orgId: actor.orgId });
      return scimRepository.settings(db, actor.orgId);
    },

    async saveSettings(actor: Actor, input: { createDepartments: boolean }) {
      authorize(actor, { do: 'scim.settings.manage', orgId: actor.orgId });
      return db.transaction(async (tx) => {
        await scimRepository.saveSettings(tx, actor.orgId, input.createDepartments, actor.personId);
        await recordAudit(tx, actor, {
          action: 'scim.settings_updated',
          subjectType: 'organisation',
          subjectId: actor.orgId,
          details: { fields: ['createDepartments'] },
        });
        return scimRepository.settings(tx, actor.orgId);
      });
    },
  };
}
