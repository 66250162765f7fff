/** Single sign-on calls of the web app (decision 019). */
import { http } from '../api';

export type SignInOptions = {
  ssoRequired: boolean;
  providers: { slug: string; label: string }[];
};

export type IdentityProvider = {
  id: string;
  slug: string;
  label: string;
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  emailClaim: string;
  trustEmail: boolean;
  createAccounts: boolean;
  enabled: boolean;
  testedAt: string | null;
  linkedPeople: number;
  signInPath: string;
  testPath: string;
};

export type SsoOverview = {
  required: boolean;
  orgSlug: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  encryptionReady: boolean;
  providers: IdentityProvider[];
};

export type ProviderInput = {
  slug: string;
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailClaim: string;
  trustEmail: boolean;
  createAccounts: boolean;
};

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
