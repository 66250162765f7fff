/** Provisioning (SCIM) calls of the web app (decision 022). */
import type { z } from 'zod';
import type { ScimSettingsSchema, ScimTokenSchema } from '../../contracts/provisioning';
import { http, type Wire } from '../api';

export type ScimToken = Wire<z.infer<typeof ScimTokenSchema>>;
export type ScimSettings = z.infer<typeof ScimSettingsSchema>;

export const provisioningApi = {
  tokens: () => http.get<{ items: ScimToken[] }>('/api/admin/scim/tokens'),
  createToken: (name: string) =>
    http.post<{ token: ScimToken; secret: string }>('/api/admin/scim/tokens', { name }),
  revokeToken: (id: string) => http.post<ScimToken>(`/api/admin/scim/tokens/${id}/revoke`),
  settings: () => http.get<ScimSettings>('/api/admin/scim/settings'),
  saveSettings: (createDepartments: boolean) =>
    http.put<ScimSettings>('/api/admin/scim/settings', { createDepartments }),
};

export const provisioningKeys = {
  tokens: ['provisioning', 'tokens'] as const,
  settings: ['provisioning', 'settings'] as const,
};
