import { z } from 'zod';
import { ROLES } from '../domain/roles';

/** What the viewer may do with this person (the web app shows or hides controls by it). */

export const PersonPolicySchema = z.object({
  /** Roles the viewer may grant or remove here (none for themself, admin for admins only). */
  roles: z.array(z.enum(ROLES)),
  /** The link HR may ask for: an invitation to hand over, or a reset mailed to the person. */
  link: z.enum(['invitation', 'reset']).nullable(),
  /** HR may ask Samtal to send the person their data (an envelope; decision 024). */
  requestAccess: z.boolean(),
  /** An admin may erase a deactivated person not yet erased (decision 024). */
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
