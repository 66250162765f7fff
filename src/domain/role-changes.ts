import { ROLES, type Role } from './roles';

/**
 * Who may change whose granted roles (decision 016). The people form, the CSV import and
 * provisioning all go through `roleChangeProblem`; only server/services/role-changes.ts
 * writes roles.
 */

/** Who changes roles: a signed-in person, or the operator's own tooling (`samtal import`). */
export type RoleChanger =
  | { kind: 'person'; personId: string; roles: readonly string[] }
  | {
      kind: 'system';
    };

export type RoleChange = {
  personId: string;
  before: readonly string[];
  after: readonly string[];
};

export type RoleProblem = 'own_roles' | 'admin_only';

/** Roles that open more than the person's own conversations: granting one mails the person. */
export const NOTIFIED_ROLES: readonly Role[] = ['salary', 'admin'];

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** The known roles granted and removed by a change (roles unknown here are never touched). */
export function roleDiff(change: Pick<RoleChange, 'before' | 'after'>): {
  granted: Role[];
  removed: Role[];
} {
  const before = new Set(change.before.filter(isRole));
  const after = new Set(change.after.filter(isRole));
  return {
    granted: ROLES.filter((r) => after.has(r) && !before.has(r)),
    removed: ROLES.filter((r) => before.has(r) && !after.has(r)),
  };
}

/** The roles to store: the known ones from `after`, any unknown here kept from `before`. */
export function nextRoles(change: Pick<RoleChange, 'before' | 'after'>): string[] {
  return [...change.after.filter(isRole), ...change.before.filter((r) => !isRole(r))];
}

/**
 * Why `changer` may not make `change`, or null when they may: nobody changes their own roles,
 * and only an administrator grants or removes `admin`. (Whether the changer may manage people
 * at all is the policy's `person.manage`; that at least one active administrator remains is
 * checked against the database.)
 */
export function roleChangeProblem(changer: RoleChanger, change: RoleChange): RoleProblem | null {
  const { granted, removed } = roleDiff(change);
  if (granted.length === 0 && removed.length === 0) return null;
  if (changer.kind === 'system') return null;
  if (change.personId === changer.personId) return 'own_roles';
  if ([...granted, ...removed].includes('admin') && !changer.roles.includes('admin'))
    return 'admin_only';
  return null;
}
