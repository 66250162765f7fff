/** People: a person as the viewer may see them, what the viewer may do with them, and the form. */
import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { textLine } from '../domain/text';
import { LocaleSchema } from './common';

/** What the viewer may do with this person (the web app shows or hides controls by it). */
const PersonPolicySchema = z.object({
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

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

export const PersonInputSchema = z.object({
  name: textLine().trim().min(1).max(200),
  email: z.email().max(320),
  employeeNumber: optionalText(64),
  jobTitle: optionalText(200),
  departmentId: z.uuid().nullable().optional(),
  locale: LocaleSchema.nullable().optional(),
  timeZone: textLine().min(1).max(64),
  managerId: z.uuid().nullable().optional(),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
});
