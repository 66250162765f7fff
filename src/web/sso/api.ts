/** Single sign-on calls of the web app (decision 019). */
import type { z } from 'zod';
import type {
  IdentityProviderSchema,
  ProviderInputSchema,
  SignInOptionsSchema,
  SsoOverviewSchema,
} from '../../contracts/sso';
import { http } from '../api';

export type SignInOptions = z.infer<typeof SignInOptionsSchema>;

export type IdentityProvider = z.infer<typeof IdentityProviderSchema>;
export type SsoOverview = z.infer<typeof SsoOverviewSchema>;
export type ProviderInput = z.input<typeof ProviderInputSchema>;

export const ssoApi = {
  options: (org: string) => http.get<SignInOptions>('/api/auth/sso/options', { org }),
  overview: () => http.get<SsoOverview>('/api/admin/sso'),
  setRequired: (required: boolean) => http.patch<SsoOverview>('/api/admin/sso', { required }),
  create: (input: ProviderInput) => http.post<IdentityProvider>('/api/admin/sso/providers', input),
  update: (id: string, patch: Partial<ProviderInput> & { enabled?: boolean }) =>
    http.patch<IdentityProvider>(`/api/admin/sso/providers/${id}`, patch),
  remove: (id: string) => http.del<{ ok: true }>(`/api/admin/sso/providers/${id}`),
};

/** The address that starts a sign-in at a provider, coming back to `next`. */
export function signInHref(org: string, provider: string, next: string): string {
  const q = next && next !== '/' ? `?${new URLSearchParams({ next })}` : '';
  return `/api/auth/sso/${encodeURIComponent(org)}/${encodeURIComponent(provider)}${q}`;
}

const ORG_KEY = 'samtal.signInOrg';

/** The organisation this browser last signed in to through a provider (for the buttons). */
export function rememberedOrg(): string | null {
  try {
    return localStorage.getItem(ORG_KEY);
  } catch {
    return null;
  }
}

export function rememberOrg(slug: string): void {
  try {
    localStorage.setItem(ORG_KEY, slug);
  } catch {
    // private mode: the buttons need ?org= next time
  }
}
