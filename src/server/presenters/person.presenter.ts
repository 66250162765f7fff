import { z } from 'zod';
import { ROLES } from '../../domain/roles';
import type { PersonRow } from '../repositories/people.repository';

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
});
export type PersonDto = z.infer<typeof PersonSchema>;

/** Maps a person row for the API; the password hash and anything new stay inside. */
export function presentPerson(
  p: PersonRow,
  extra: { departmentName?: string | null; managerName?: string | null } = {},
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
    ...('departmentName' in extra ? { departmentName: extra.departmentName ?? null } : {}),
    ...('managerName' in extra ? { managerName: extra.managerName ?? null } : {}),
  };
}
