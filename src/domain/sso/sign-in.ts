/**
 * The rules of single sign-on (decision 019), pure: who a provider's answer signs in, whether a
 * password may still be used, and what an administrator may set.
 */
import type { Role } from '../roles';

/** The codes a sign-in through a provider can end with, shown translated on the sign-in page. */
export type SsoFailure =
  | 'sso.state_invalid'
  | 'sso.failed'
  | 'sso.unavailable'
  | 'sso.denied'
  | 'sso.unknown_person'
  | 'sso.inactive'
  | 'sso.email_unverified'
  | 'sso.no_email'
  | 'sso.linked_elsewhere';

type Candidate = { id: string; active: boolean; erased: boolean };

export type MatchInput = {
  /** The person already linked to this provider subject, if any. */
  linked: Candidate | null;
  /** The address the provider gave, already read by `emailFromClaims`. */
  email: { ok: true; email: string } | { ok: false; code: SsoFailure };
  /** The person of the organisation with that address, if any. */
  byEmail: (Candidate & { linkedSubject: string | null }) | null;
  createAccounts: boolean;
};

export type Match =
  | { kind: 'linked'; personId: string }
  | { kind: 'link'; personId: string }
  | { kind: 'create'; email: string }
  | { kind: 'refuse'; code: SsoFailure; personId?: string };

/**
 * Who a provider's answer signs in: the person linked to its subject; otherwise, the first
 * time, the active person with its verified address, who is then linked. A person already
 * linked to another subject of the same provider is not taken over by a second account with
 * the same address. Nobody is created unless the administrator allowed it.
 */
export function matchSignIn(input: MatchInput): Match {
  const { linked, byEmail } = input;
  if (linked) {
    if (!linked.active || linked.erased)
      return { kind: 'refuse', code: 'sso.inactive', personId: linked.id };
    return { kind: 'linked', personId: linked.id };
  }
  if (!input.email.ok) return { kind: 'refuse', code: input.email.code };
  if (byEmail) {
    if (!byEmail.active || byEmail.erased)
      return { kind: 'refuse', code: 'sso.inactive', personId: byEmail.id };
    if (byEmail.linkedSubject !== null)
      return { kind: 'refuse', code: 'sso.linked_elsewhere', personId: byEmail.id };
    return { kind: 'link', personId: byEmail.id };
  }
  if (input.createAccounts) return { kind: 'create', email: input.email.email };
  return { kind: 'refuse', code: 'sso.unknown_person' };
}

/**
 * The address in the ID token's claims, lower-cased: from the configured claim, and only
 * when the provider says it verified it (`email_verified: true`) or the administrator marked
 * the provider as one that only hands out its own verified addresses.
 */
export function emailFromClaims(
  claims: Record<string, unknown>,
  emailClaim: string,
  trustEmail: boolean,
): { ok: true; email: string } | { ok: false; code: SsoFailure } {
  const raw = claims[emailClaim];
  if (typeof raw !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(raw.trim()))
    return { ok: false, code: 'sso.no_email' };
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  if (!verified && !trustEmail) return { ok: false, code: 'sso.email_unverified' };
  return { ok: true, email: raw.trim().toLowerCase() };
}

/**
 * Whether the ID token leaves the address to the provider's userinfo endpoint (decision 019):
 * it lacks the configured e-mail claim, or says nothing about verification where that counts.
 * Providers following OIDC Core to the letter put scope claims in userinfo only.
 */
export function needsUserInfo(
  claims: Record<string, unknown>,
  emailClaim: string,
  trustEmail: boolean,
): boolean {
  return (
    typeof claims[emailClaim] !== 'string' || (!trustEmail && claims.email_verified === undefined)
  );
}

/**
 * The ID token's claims completed from userinfo (`info`): only an answer about the same
 * subject counts; the address and its `email_verified` are taken together from userinfo (never
 * one from each source), and other claims (e.g. `name`) only where the ID token has none.
 */
export function withUserInfo(
  claims: Record<string, unknown>,
  info: Record<string, unknown>,
  emailClaim: string,
): Record<string, unknown> {
  if (typeof claims.sub !== 'string' || info.sub !== claims.sub) return claims;
  const { [emailClaim]: email, email_verified: verified, ...rest } = info;
  const merged: Record<string, unknown> = { ...rest, ...claims };
  if (typeof email !== 'string') return merged;
  merged[emailClaim] = email;
  if (verified === undefined) delete merged.email_verified;
  else merged.email_verified = verified;
  return merged;
}

/**
 * Break-glass (decision 019): when the organisation requires single sign-on, only its
 * administrators may still sign in with a password (and be sent a password link), so a broken
 * provider never locks the organisation out of its own settings.
 */
export function passwordAllowed(ssoRequired: boolean, roles: readonly (Role | string)[]): boolean {
  return !ssoRequired || roles.includes('admin');
}

/** The settings that decide where Samtal connects: changing one needs a new test sign-in. */
const CONNECTION_FIELDS = ['issuer', 'clientId', 'clientSecret'] as const;

export function changesConnection(patch: Partial<Record<string, unknown>>): boolean {
  return CONNECTION_FIELDS.some((f) => patch[f] !== undefined);
}

/** Why an issuer URL is refused: https, except on this machine (tests, a local Keycloak). */
export function issuerProblem(issuer: string): 'url' | 'https' | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'url';
  }
  if (url.search || url.hash || url.username || url.password) return 'url';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  return 'https';
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Only paths inside the app are followed after sign-in (no open redirect). */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\')
    ? next.slice(0, 500)
    : '/';
}
