import type { IdentityProviderRow } from '../repositories/sso.repository';

/**
 * An identity provider as the administrator sees it: every setting but the client secret,
 * which is write-only (only whether one is set), and the URLs that start a sign-in.
 */
export function presentProvider(p: IdentityProviderRow, orgSlug: string, linkedPeople: number) {
  const start = `/api/auth/sso/${encodeURIComponent(orgSlug)}/${encodeURIComponent(p.slug)}`;
  return {
    id: p.id,
    slug: p.slug,
    label: p.label,
    issuer: p.issuer,
    clientId: p.clientId,
    hasClientSecret: p.clientSecretEnc.length > 0,
    emailClaim: p.emailClaim,
    trustEmail: p.trustEmail,
    createAccounts: p.createAccounts,
    enabled: p.enabled,
    testedAt: p.testedAt?.toISOString() ?? null,
    linkedPeople,
    signInPath: start,
    testPath: `${start}?test=1`,
  };
}
