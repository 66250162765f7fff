/** The personal-data calls of the web app (decision 024). */
import { http } from '../api';

import type { z } from 'zod';
import type {
  AccessRequestSchema,
  ErasurePreviewSchema,
  RetentionInputSchema,
  RetentionSchema,
} from '../../contracts/privacy';
import type { Wire } from '../api';

/** What the organisation chose (a kind null follows the country), its defaults, and in force. */
export type Retention = z.infer<typeof RetentionSchema>;
type RetentionChoice = z.infer<typeof RetentionInputSchema>;
/** What erasing a person would delete and keep, in counts (GET /api/people/:id/erasure). */
export type ErasurePreview = z.infer<typeof ErasurePreviewSchema>;
/** The envelope of an access request (decision 024): never the link or any content. */
export type AccessRequest = Wire<z.infer<typeof AccessRequestSchema>>;

/** Defaults per country, as the server has them (domain/privacy/retention.ts). */
export { RETENTION_DEFAULTS, RETENTION_KINDS, kindField } from '../../domain/privacy/retention';

export const privacyApi = {
  /** The address of the person's own export (a download, not a fetch). */
  exportUrl: '/api/me/export.zip',
  retention: () => http.get<Retention>('/api/admin/retention'),
  saveRetention: (r: RetentionChoice) => http.put<Retention>('/api/admin/retention', r),
  requestAccess: (personId: string) =>
    http.post<AccessRequest>(`/api/people/${personId}/access-requests`),
  accessRequests: (personId: string) =>
    http.get<{ items: AccessRequest[] }>(`/api/people/${personId}/access-requests`),
  /** A leaver's data by a one-time link mailed to the address they gave (HR never gets it). */
  sendExportLink: (personId: string, email: string) =>
    http.post<AccessRequest>(`/api/people/${personId}/export-links`, { email }),
  /** Opens a mailed link: the ZIP, once (no session). */
  downloadWithLink: (token: string) => http.postForFile('/api/export-links/download', { token }),
  erasurePreview: (personId: string) => http.get<ErasurePreview>(`/api/people/${personId}/erasure`),
  erase: (personId: string, confirmName: string) =>
    http.post<{ deleted: number; scrubbed: number }>(`/api/people/${personId}/erase`, {
      confirmName,
    }),
};

export const privacyKeys = { retention: ['privacy', 'retention'] as const };
