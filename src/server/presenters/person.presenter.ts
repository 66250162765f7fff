import { linkKind } from '../../domain/accounts';
import { roleChangeProblem } from '../../domain/role-changes';
import { ROLES, type Actor, type Role } from '../../domain/roles';
import { can } from '../policies/index';
import type { PersonRow } from '../repositories/people.repository';
import { PersonDto, PersonPolicy } from '../../contracts/people';

/** The roles `viewer` may grant to anyone else (the form for a new person). */
export function grantableRoles(viewer: Actor): Role[] {
  if (!can(viewer, { do: 'person.manage', orgId: viewer.orgId })) return [];
  const changer = { kind: 'person', personId: viewer.personId, roles: viewer.roles } as const;
  return ROLES.filter(
    (r) => roleChangeProblem(changer, { personId: '', before: [], after: [r] }) === null,
  );
}

/** What `viewer` may do with person `p`: the same rules the services apply (decision 016). */
function personPolicy(viewer: Actor, p: PersonRow): PersonPolicy {
  const erase = !p.active && !p.erasedAt && can(viewer, { do: 'person.erase', orgId: p.orgId });
  if (!can(viewer, { do: 'person.manage', orgId: p.orgId }))
    return { roles: [], link: null, requestAccess: false, sendExportLink: false, erase };
  const changer = { kind: 'person', personId: viewer.personId, roles: viewer.roles } as const;
  const toggled = (r: Role) =>
    p.roles.includes(r) ? p.roles.filter((x) => x !== r) : [...p.roles, r];
  return {
    roles: ROLES.filter(
      (r) =>
        roleChangeProblem(changer, { personId: p.id, before: p.roles, after: toggled(r) }) === null,
    ),
    link: p.erasedAt ? null : linkKind(p),
    requestAccess: p.active && !p.erasedAt,
    sendExportLink: !p.active && !p.erasedAt,
    erase,
  };
}

/** Maps a person row for the API; the password hash and anything new stay inside. */
export function presentPerson(
  p: PersonRow,
  extra: { departmentName?: string | null; managerName?: string | null } = {},
  viewer?: Actor,
): PersonDto {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    employeeNumber: p.employeeNumber,
    jobTitle: p.jobTitle,
    departmentId: p.departmentId,
    managerId: p.managerId,
    locale: p.locale,
    timeZone: p.timeZone,
    roles: p.roles.filter((r): r is (typeof ROLES)[number] =>
      (ROLES as readonly string[]).includes(r),
    ),
    active: p.active,
    hasPassword: p.passwordHash !== null,
    deactivatedAt: p.deactivatedAt?.toISOString() ?? null,
    erased: p.erasedAt !== null,
    ...('departmentName' in extra ? { departmentName: extra.departmentName ?? null } : {}),
    ...('managerName' in extra ? { managerName: extra.managerName ?? null } : {}),
    ...(viewer ? { can: personPolicy(viewer, p) } : {}),
  };
}
