/** Provisioning (SCIM) calls of the web app (decision 022). */
import { http } from '../api';

export type ScimToken = {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
export type ScimSettings = { tenantUrl: string; createDepartments: boolean };

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
