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
import { auditRepository } from '../repositories/audit.repository';
import type { AuditKind } from '../../domain/audit';
import { normaliseEmail } from './auth.service';
import { applyRoleChanges, assertAdminRemains, lockAdmins, roleChangeBy } from './role-changes';
import {
  endSeriesForChangedReportingLines,
  endSeriesForDeactivatedPeople,
} from './one-on-one.service';
import { systemClock, type Clock } from '../clock';

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

/**
 * Who writes people: a signed-in person (HR's form) or a provisioning token (SCIM, decision
 * 022). The audit log names `actorId` (the person, or the token) as the one who did it.
 */
export type PeopleWriter = {
  orgId: string;
  actorId: string;
  /** The signed-in person, when it is one (nobody deactivates themself). */
  personId: string | null;
  name: string | null;
  ip: string | null;
  source: 'form' | 'scim';
};

/** The writer for a signed-in person using the people form. */
function formWriter(actor: Actor): PeopleWriter {
  return {
    orgId: actor.orgId,
    actorId: actor.personId,
    personId: actor.personId,
    name: actor.name,
    ip: actor.ip ?? null,
    source: 'form',
  };
}

function auditBy(
  tx: DbOrTx,
  w: PeopleWriter,
  action: AuditKind,
  subjectId: string,
  details: Record<string, unknown> = {},
) {
  return auditRepository.record(tx, {
    orgId: w.orgId,
    actorId: w.actorId,
    ip: w.ip,
    action,
    subjectType: 'person',
    subjectId,
    // Provisioning says so; the form's entries stay as they always were.
    details: w.source === 'scim' ? { ...details, source: 'scim' } : details,
  });
}

/**
 * Creates a person inside the caller's transaction, under every rule HR's form follows
 * (references, reporting-line cycles, unique e-mail and employee number, audit). Roles are
 * not part of it: the form grants them through role-changes.ts; provisioning never does.
 */
export async function createPersonIn(
  tx: DbOrTx,
  w: PeopleWriter,
  id: string,
  input: PersonInput,
): Promise<PersonRow> {
  await checkReferences(tx, w.orgId, id, input);
  const row = await peopleRepository
    .insert(tx, {
      orgId: w.orgId,
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
  await auditBy(tx, w, 'person.created', id);
  return row;
}

/**
 * Changes a person inside the caller's transaction, under the form's rules: a new manager
 * ends the running 1:1 series with the old one, a new e-mail address voids links and tells
 * the old address, and the change is recorded. Roles are not part of it (see above).
 */
export async function updatePersonIn(
  tx: DbOrTx,
  w: PeopleWriter,
  accountMail: AccountMail | null,
  id: string,
  input: Partial<PersonInput>,
  now: Date,
): Promise<{ before: PersonRow; row: PersonRow }> {
  const existing = await peopleRepository.findById(tx, w.orgId, id);
  if (!existing) throw new AppError('not_found');
  // An erased person stays "former employee" (decision 024).
  if (existing.erasedAt) throw new AppError('privacy.already_erased');
  await checkReferences(tx, w.orgId, id, input);
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
  const row = await peopleRepository.update(tx, w.orgId, id, patch).catch(translateUnique);
  if (!row) throw new AppError('not_found');
  if (row.managerId !== existing.managerId)
    await endSeriesForChangedReportingLines(tx, w.orgId, [id], now);
  if (row.email !== existing.email)
    await emailChanged(
      tx,
      accountMail,
      existing,
      row.email,
      { personId: w.actorId, name: w.name, ip: w.ip ?? undefined },
      w.source,
      now,
    );
  if (Object.keys(patch).length > 0)
    await auditBy(tx, w, 'person.updated', id, { fields: Object.keys(patch) });
  return { before: existing, row };
}

/**
 * Deactivates or reactivates inside the caller's transaction, as HR does: history is kept,
 * sign-in stops at once (sessions revoked), running 1:1 series end; the last active
 * administrator cannot be deactivated.
 */
export async function setActiveIn(
  tx: DbOrTx,
  w: PeopleWriter,
  id: string,
  active: boolean,
  now: Date,
): Promise<PersonRow> {
  if (!active && id === w.personId) throw new AppError('person.cannot_deactivate_self');
  if (!active) await lockAdmins(tx, w.orgId);
  const before = await peopleRepository.findById(tx, w.orgId, id);
  if (before?.erasedAt) throw new AppError('privacy.already_erased');
  const row = await peopleRepository.update(tx, w.orgId, id, {
    active,
    deactivatedAt: active ? null : now,
  });
  if (!row) throw new AppError('not_found');
  if (!active) {
    if (row.roles.includes('admin')) await assertAdminRemains(tx, w.orgId);
    await sessionRepository.deleteForPerson(tx, w.orgId, id);
    await endSeriesForDeactivatedPeople(tx, w.orgId, [id], now);
  }
  await auditBy(tx, w, active ? 'person.reactivated' : 'person.deactivated', id);
  return row;
}

/** HR's management of people; reading is shared with managers and the person themself. */
export function createPeopleService(
  db: Db,
  accountMail: AccountMail | null,
  clock: Clock = systemClock,
) {
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
        const row = await createPersonIn(tx, formWriter(actor), id, input);
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
        const { before, row } = await updatePersonIn(
          tx,
          formWriter(actor),
          accountMail,
          id,
          input,
          clock.now(),
        );
        if (input.roles === undefined) return row;
        await applyRoleChanges(tx, roleChangeBy(actor, 'form', accountMail), [
          { personId: id, before: before.roles, after: input.roles },
        ]);
        return (await peopleRepository.findById(tx, actor.orgId, id)) ?? row;
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
      return db.transaction((tx) => setActiveIn(tx, formWriter(actor), id, active, clock.now()));
    },
  };
}
