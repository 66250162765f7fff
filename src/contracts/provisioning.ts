/** Provisioning (SCIM, decision 022): tokens and settings as administrators see them. */
import { z } from 'zod';

/** A provisioning token as the administrator sees it: never its secret or its hash. */
export const ScimTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const ScimSettingsSchema = z.object({
  /** The SCIM base URL (the "tenant URL" an identity provider asks for). */
  tenantUrl: z.string(),
  createDepartments: z.boolean(),
});
