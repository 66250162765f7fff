import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../domain/errors';
import {
  NOTIFIED_ROLES,
  nextRoles,
  roleChangeProblem,
  roleDiff,
  type RoleChange,
  type RoleChanger,
} from '../../domain/role-changes';
import type { Actor } from '../../domain/roles';
import type { AccountMail } from '../mail/account.mail';
import { auditRepository, type AuditEntry } from '../repositories/audit.repository';
import { peopleRepository } from '../repositories/people.repository';

/** Lock class for the advisory lock that serialises changes to an organisation's admins. */
const ADMINS_LOCK_CLASS = 7_265_748;

/** Who changes roles, where from, and how the people concerned are told. */
export type RoleChangeContext = {
  orgId: string;
  changer: RoleChanger;
  /** The changer's name, for the mail to the person (null: the organisation's own tooling). */
  changerName: string | null;
  ip?: string | null;
  source: 'form' | 'import' | 'cli' | 'scim';
  accountMail: AccountMail | null;
};

/** The context for a signed-in person changing roles. */
export function roleChangeBy(
  actor: Actor,
  source: RoleChangeContext['source'],
  accountMail: AccountMail | null,
): RoleChangeContext {
  return {
    orgId: actor.orgId,
    changer: { kind: 'person', personId: actor.personId, roles: actor.roles },
    changerName: actor.name,
    ip: actor.ip ?? null,
    source,
    accountMail,
  };
}

/**
 * Takes the organisation's admin lock until the transaction ends, so two changes that each
 * leave "another" administrator cannot together leave none.
 */
export async function lockAdmins(tx: DbOrTx, orgId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${sql.raw(String(ADMINS_LOCK_CLASS))}, hashtext(${orgId}::text))`,
  );
}

/** Refuses (translated) when the organisation would be left without an active administrator. */
export async function assertAdminRemains(tx: DbOrTx, orgId: string): Promise<void> {
  if ((await peopleRepository.countActiveAdmins(tx, orgId)) === 0) {
    throw AppError.at('roles', 'person.last_admin');
  }
}

/**
 * The one place where granted roles change (decision 016): the people form, the CSV import and
 * provisioning call it inside their transaction. It refuses a change to one's own roles and an
 * `admin` change by a non-administrator, never leaves the organisation without an active
 * administrator, records every grant and removal, and mails the person when they are given
 * `salary` or `admin`.
 */
export async function applyRoleChanges(
  tx: DbOrTx,
  ctx: RoleChangeContext,
  changes: RoleChange[],
): Promise<void> {
  const real = changes
    .map((c) => ({ change: c, ...roleDiff(c) }))
    .filter((c) => c.granted.length > 0 || c.removed.length > 0);
  if (real.length === 0) return;
  for (const { change } of real) {
    const problem = roleChangeProblem(ctx.changer, change);
    if (problem === 'own_roles') throw AppError.at('roles', 'person.own_roles');
    if (problem === 'admin_only') throw AppError.at('roles', 'person.admin_only');
  }
  const removesAdmin = real.some((c) => c.removed.includes('admin'));
  if (removesAdmin) await lockAdmins(tx, ctx.orgId);
  await peopleRepository.setRoles(
    tx,
    ctx.orgId,
    real.map(({ change }) => ({ id: change.personId, roles: nextRoles(change) })),
  );
  if (removesAdmin) await assertAdminRemains(tx, ctx.orgId);

  const actorId = ctx.changer.kind === 'person' ? ctx.changer.personId : null;
  const entries: AuditEntry[] = real
    .flatMap(({ change, granted, removed }) => [
      ...granted.map((role) => ({ action: 'role.granted', role, change })),
      ...removed.map((role) => ({ action: 'role.removed', role, change })),
    ])
    .map(({ action, role, change }) => ({
      orgId: ctx.orgId,
      actorId,
      ip: ctx.ip ?? null,
      action,
      subjectType: 'person',
      subjectId: change.personId,
      details: { role, source: ctx.source },
    }));
  await auditRepository.recordMany(tx, entries);

  const told = real.filter((c) => c.granted.some((r) => NOTIFIED_ROLES.includes(r)));
  if (told.length === 0 || !ctx.accountMail) return;
  const people = await peopleRepository.findByIds(
    tx,
    ctx.orgId,
    told.map((c) => c.change.personId),
  );
  for (const { change, granted } of told) {
    const person = people.find((p) => p.id === change.personId);
    if (!person?.active) continue;
    for (const role of granted.filter((r) => NOTIFIED_ROLES.includes(r))) {
      await ctx.accountMail.roleGranted(tx, person, { role, by: ctx.changerName });
    }
  }
}
