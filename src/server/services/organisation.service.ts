import type { Db } from '../../db/client';
import { AppError, fieldError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { isValidTimeZone } from '../../domain/time-zone';
import { authorize } from '../policies/index';
import { auditRepository } from '../repositories/audit.repository';
import { organisationRepository } from '../repositories/organisation.repository';

/** The organisation's own settings: name, default language and time zone. */
export function createOrganisationService(db: Db) {
  return {
    async get(actor: Actor) {
      authorize(actor, { do: 'org.read', orgId: actor.orgId });
      const org = await organisationRepository.findById(db, actor.orgId);
      if (!org) throw new AppError('not_found');
      return org;
    },
    async update(
      actor: Actor,
      patch: { name?: string; defaultLocale?: string; defaultTimeZone?: string },
    ) {
      authorize(actor, { do: 'org.manage', orgId: actor.orgId });
      if (patch.defaultTimeZone !== undefined && !isValidTimeZone(patch.defaultTimeZone))
        throw fieldError('defaultTimeZone', 'time_zone');
      const fields = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
      // Nothing to change (`{}`): answer with the organisation as it is, and record nothing.
      if (fields.length === 0) return this.get(actor);
      return db.transaction(async (tx) => {
        const org = await organisationRepository.update(tx, actor.orgId, patch);
        if (!org) throw new AppError('not_found');
        await auditRepository.record(tx, {
          orgId: actor.orgId,
          actorId: actor.personId,
          ip: actor.ip ?? null,
          action: 'organisation.updated',
          subjectType: 'organisation',
          subjectId: actor.orgId,
          details: { fields },
        });
        return org;
      });
    },
  };
}
