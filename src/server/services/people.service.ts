import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client';
import { AppError, fieldError } from '../../domain/errors';
import type { Actor, Role } from '../../domain/roles';
import { isValidTimeZone } from '../../domain/time-zone';
import { authorize } from '../policies/index';
import { departmentRepository } from '../repositories/department.repository';
import {
  peopleRepository,
  type NewPerson,
  type PersonRow,
} from '../repositories/people.repository';
import { sessionRepository } from '../repositories/session.repository';
import { violatedUniqueConstraint } from '../repositories/pg-errors';
import type { AccountMail } from '../mail/account.mail';
import { emailChanged } from './account-changes';
import { recordAudit } from './audit.service';
import { normaliseEmail } from './auth.service';
import { applyRoleChanges, assertAdminRemains, lockAdmins, roleChangeBy } from './role-changes';
import {
  endSeriesForChangedReportingLines,
  endSeriesForDeactivatedPeople,
} from './one-on-one.service';

export type PersonInput = {
  name: string;
  email: string;
  employeeNumber?: string | null;
  jobTitle?: string | null;
  departmentId?: string | null;
  locale?: string | null;
  timeZone: string;
  managerId?: string | null;
  roles?: Role[];
};

/** Turns a unique-key violation from the database into the error a person understands. */
function translateUnique(err: unknown): never {
  const constraint = violatedUniqueConstraint(err);
  if (constraint === 'people_email_uq') throw AppError.at('email', 'person.email_taken');
  if (constraint === 'people_employee_number_uq')
    throw AppError.at('employeeNumber', 'person.employee_number_taken');
  throw err;
}

/** Checks the references a person row makes: department, manager (and reporting-line cycles). */
async function checkReferences(
  db: DbOrTx,
  orgId: string,
  personId: string,
  input: Partial<PersonInput>,
): Promise<void> {
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
    throw fieldError('timeZone', 'time_zone');
  }
  if (input.departmentId) {
    const dep = await departmentRepository.findById(db, orgId, input.departmentId);
    if (!dep) throw AppError.at('departmentId', 'person.department_not_found');
  }
  if (input.managerId) {
    if (input.managerId === personId) throw AppError.at('managerId', 'person.manager_self');
    const manager = await peopleRepository.findById(db, orgId, input.managerId);
    if (!manager) throw AppError.at('managerId', 'person.manager_not_found');
    if (!manager.active) throw AppError.at('managerId', 'person.manager_inactive');
    if (await peopleRepository.isInChainAbove(db, orgId, personId, input.managerId)) {
      throw AppError.at('managerId', 'person.manager_cycle');
    }
  }
}

/** HR's management of people; reading is shared with managers and the person themself. */
export function createPeopleService(db: Db, accountMail: AccountMail | null) {
  return {
    async get(actor: Actor, id: string): Promise<PersonRow> {
      const person = await peopleRepository.findById(db, actor.orgId, id);
      if (!person) throw new AppError('not_found');
      authorize(actor, { do: 'person.read', person });
      return person;
    },

    /** One person with their department's and manager's names. */
    async getWithNames(actor: Actor, id: string) {
      const [row] = await peopleRepository.list(db, actor.orgId, { id, limit: 1 });
      if (!row) throw new AppError('not_found');
      authorize(actor, { do: 'person.read', person: row.person });
      return row;
    },

    async list(actor: Actor, filter: Parameters<typeof peopleRepository.list>[2]) {
      authorize(actor, { do: 'people.list', orgId: actor.orgId });
      return peopleRepository.list(db, actor.orgId, filter);
    },

    /** The actor's own active direct reports, by name. */
    async team(actor: Actor) {
      authorize(actor, { do: 'team.read', orgId: actor.orgId });
      return peopleRepository.list(db, actor.orgId, { managerId: actor.personId, limit: 1000 });
    },

    async create(actor: Actor, input: PersonInput): Promise<PersonRow> {
      authorize(actor, { do: 'person.manage', orgId: actor.orgId });
      const id = randomUUID();
      return db.transaction(async (tx) => {
        await checkReferences(tx, actor.orgId, id, input);
        const row = await peopleRepository
          .insert(tx, {
            orgId: actor.orgId,
            id,
            name: input.name.trim(),
            email: normaliseEmail(input.email),
            employeeNumber: input.employeeNumber?.trim() || null,
            jobTitle: input.jobTitle?.trim() || null,
            departmentId: input.departmentId ?? null,
            locale: input.locale ?? null,
            timeZone: input.timeZone,
            managerId: input.managerId ?? null,
          })
          .catch(translateUnique);
        await recordAudit(tx, actor, {
          action: 'person.created',
          subjectType: 'person',
          subjectId: id,
        });
        if (!input.roles?.length) return row;
        await applyRoleChanges(tx, roleChangeBy(actor, 'form', accountMail), [
          { personId: id, before: [], after: input.roles },
        ]);
        return (await peopleRepository.findById(tx, actor.orgId, id)) ?? row;
      });
    },

    async update(actor: Actor, id: string, input: Partial<PersonInput>): Promise<PersonRow> {
      authorize(actor, { do: 'person.manage', orgId: actor.orgId });
      return db.transaction(async (tx) => {
        const existing = await peopleRepository.findById(tx, actor.orgId, id);
        if (!existing) throw new AppError('not_found');
        // An erased person stays "former employee" (decision 024).
        if (existing.erasedAt) throw new AppError('privacy.already_erased');
        await checkReferences(tx, actor.orgId, id, input);
        const patch: Partial<NewPerson> = {};
        if (input.name !== undefined) patch.name = input.name.trim();
        if (input.email !== undefined) patch.email = normaliseEmail(input.email);
        if (input.employeeNumber !== undefined)
          patch.employeeNumber = input.employeeNumber?.trim() || null;
        if (input.jobTitle !== undefined) patch.jobTitle = input.jobTitle?.trim() || null;
        if (input.departmentId !== undefined) patch.departmentId = input.departmentId;
        if (input.locale !== undefined) patch.locale = input.locale;
        if (input.timeZone !== undefined) patch.timeZone = input.timeZone;
        if (input.managerId !== undefined) patch.managerId = input.managerId;
        let row = await peopleRepository.update(tx, actor.orgId, id, patch).catch(translateUnique);
        if (!row) throw new AppError('not_found');
        if (row.managerId !== existing.managerId)
          await endSeriesForChangedReportingLines(tx, actor.orgId, [id]);
        if (row.email !== existing.email)
          await emailChanged(tx, accountMail, existing, row.email, actor, 'form');
        if (Object.keys(patch).length > 0)
          await recordAudit(tx, actor, {
            action: 'person.updated',
            subjectType: 'person',
            subjectId: id,
            details: { fields: Object.keys(patch) },
          });
        if (input.roles !== undefined) {
          await applyRoleChanges(tx, roleChangeBy(actor, 'form', accountMail), [
            { personId: id, before: existing.roles, after: input.roles },
          ]);
          row = (await peopleRepository.findById(tx, actor.orgId, id)) ?? row;
        }
        return row;
      });
    },

    /** A person's own language and time zone; anyone may change their own. */
    async updateOwnPreferences(
      actor: Actor,
      input: { locale?: string | null; timeZone?: string; coachingTipsHidden?: boolean },
    ) {
      if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone))
        throw fieldError('timeZone', 'time_zone');
      const patch: Partial<NewPerson> = {};
      if (input.locale !== undefined) patch.locale = input.locale;
      if (input.timeZone !== undefined) patch.timeZone = input.timeZone;
      if (input.coachingTipsHidden !== undefined)
        patch.coachingTipsHidden = input.coachingTipsHidden;
      const row = await peopleRepository.update(db, actor.orgId, actor.personId, patch);
      if (!row) throw new AppError('not_found');
      return row;
    },

    /** Deactivates: history is kept, sign-in stops at once (sessions revoked). */
    async setActive(actor: Actor, id: string, active: boolean): Promise<PersonRow> {
      authorize(actor, { do: 'person.manage', orgId: actor.orgId });
      if (!active && id === actor.personId) throw new AppError('person.cannot_deactivate_self');
      return db.transaction(async (tx) => {
        if (!active) await lockAdmins(tx, actor.orgId);
        const before = await peopleRepository.findById(tx, actor.orgId, id);
        if (before?.erasedAt) throw new AppError('privacy.already_erased');
        const row = await peopleRepository.update(tx, actor.orgId, id, {
          active,
          deactivatedAt: active ? null : new Date(),
        });
        if (!row) throw new AppError('not_found');
        if (!active) {
          if (row.roles.includes('admin')) await assertAdminRemains(tx, actor.orgId);
          await sessionRepository.deleteForPerson(tx, actor.orgId, id);
          await endSeriesForDeactivatedPeople(tx, actor.orgId, [id]);
        }
        await recordAudit(tx, actor, {
          action: active ? 'person.reactivated' : 'person.deactivated',
          subjectType: 'person',
          subjectId: id,
        });
        return row;
      });
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
