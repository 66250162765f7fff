import { z } from 'zod';
import { linkKind } from '../../domain/accounts';
import { roleChangeProblem } from '../../domain/role-changes';
import { ROLES, type Actor, type Role } from '../../domain/roles';
import { can } from '../policies/index';
import type { PersonRow } from '../repositories/people.repository';

/** What the viewer may do with this person (the web app shows or hides controls by it). */
export const PersonPolicySchema = z.object({
  /** Roles the viewer may grant or remove here (none for themself, admin for admins only). */
  roles: z.array(z.enum(ROLES)),
  /** The link HR may ask for: an invitation to hand over, or a reset mailed to the person. */
  link: z.enum(['invitation', 'reset']).nullable(),
  /** HR may ask Samtal to send the person their data (an envelope; decision 024). */
  requestAccess: z.boolean(),
  /** HR may have a one-time download link mailed to a leaver (deactivated, not erased). */
  sendExportLink: z.boolean(),
  /** HR or an admin may erase a deactivated person not yet erased (decision 024). */
  erase: z.boolean(),
});
export type PersonPolicy = z.infer<typeof PersonPolicySchema>;

export const PersonSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  employeeNumber: z.string().nullable(),
  jobTitle: z.string().nullable(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable().optional(),
  managerId: z.uuid().nullable(),
  managerName: z.string().nullable().optional(),
  locale: z.string().nullable(),
  timeZone: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  hasPassword: z.boolean(),
  deactivatedAt: z.iso.datetime().nullable(),
  /** Erased (decision 024): shown as "former employee", nothing about them can change. */
  erased: z.boolean(),
  /** Given with a single person (not in lists). */
  can: PersonPolicySchema.optional(),
});
export type PersonDto = z.infer<typeof PersonSchema>;

/** The roles `viewer` may grant to anyone else (the form for a new person). */
export function grantableRoles(viewer: Actor): Role[] {
  if (!can(viewer, { do: 'person.manage', orgId: viewer.orgId })) return [];
  const changer = { kind: 'person', personId: viewer.personId, roles: viewer.roles } as const;
  return ROLES.filter(
    (r) => roleChangeProblem(changer, { personId: '', before: [], after: [r] }) === null,
  );
}

/** What `viewer` may do with person `p`: the same rules the services apply (decision 016). */
export function personPolicy(viewer: Actor, p: PersonRow): PersonPolicy {
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
