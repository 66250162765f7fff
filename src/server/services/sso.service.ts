import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError, fieldError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import {
  changesConnection,
  emailFromClaims,
  issuerProblem,
  matchSignIn,
  needsUserInfo,
  safeNext,
  withUserInfo,
  type SsoFailure,
} from '../../domain/sso/sign-in';
import { authorize } from '../policies/index';
import { auditRepository } from '../repositories/audit.repository';
import { organisationRepository } from '../repositories/organisation.repository';
import { peopleRepository, type PersonRow } from '../repositories/people.repository';
import { violatedUniqueConstraint } from '../repositories/pg-errors';
import { ssoRepository, type IdentityProviderRow } from '../repositories/sso.repository';
import type { OidcClient, ProviderConnection } from '../sso/oidc-client';
import type { SecretBox } from '../sso/secret-box';
import { recordAudit } from './audit.service';
import type { AuthService } from './auth.service';
import { sha256 } from './auth.service';
import { systemClock, type Clock } from '../clock';

/** How long a sign-in may take at the provider before its state expires. */
const TRANSACTION_MINUTES = 10;

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
export type ProviderPatch = Partial<ProviderInput> & { enabled?: boolean };

/** What a callback ends in; the route turns each into a redirect. */
export type CallbackResult =
  | {
      kind: 'signed-in';
      token: string;
      expiresAt: Date;
      device: { personId: string; nonce: string };
      next: string;
    }
  | { kind: 'tested'; providerId: string; result: 'ok' | SsoFailure }
  | { kind: 'failed'; code: SsoFailure; orgSlug: string | null };

class SsoFailed extends Error {
  constructor(
    readonly code: SsoFailure,
    readonly personId?: string,
  ) {
    super(code);
  }
}

/**
 * Single sign-on (decision 019): administrators configure providers; people sign in through
 * them. Tokens, codes and secrets are never logged or audited: failures are recorded by code.
 */
export function createSsoService(
  db: Db,
  deps: {
    auth: AuthService;
    oidc: OidcClient;
    /** Undefined when no ENCRYPTION_KEY is set (and no demo key applies). */
    box: SecretBox | undefined;
    publicUrl: string;
    log?: { warn(obj: object, msg: string): void };
  },
  clock: Clock = systemClock,
) {
  const { auth, oidc, box } = deps;
  const bound = (p: { orgId: string; id: string }) => `${p.orgId}:${p.id}`;

  function connection(p: IdentityProviderRow): ProviderConnection {
    if (!box) throw new SsoFailed('sso.unavailable');
    return {
      id: p.id,
      issuer: p.issuer,
      clientId: p.clientId,
      clientSecret: box.open(p.clientSecretEnc, bound(p)),
      updatedAt: p.updatedAt,
    };
  }

  function seal(orgId: string, id: string, secret: string): string {
    if (!box) throw new AppError('sso.encryption_key_missing');
    return box.seal(secret, bound({ orgId, id }));
  }

  function checkIssuer(issuer: string | undefined) {
    if (issuer === undefined) return;
    const problem = issuerProblem(issuer);
    if (problem) throw fieldError('issuer', problem === 'https' ? 'https_url' : 'url');
  }

  function slugTaken(err: unknown): never {
    if (violatedUniqueConstraint(err) === 'identity_providers_slug_uq')
      throw AppError.at('slug', 'sso.slug_taken');
    throw err;
  }

  async function failure(
    orgId: string,
    ip: string,
    code: SsoFailure,
    provider: { slug: string },
    personId?: string,
  ) {
    await auditRepository.record(db, {
      orgId,
      actorId: null,
      ip,
      action: 'auth.sign_in_failed',
      subjectType: 'person',
      subjectId: personId ?? null,
      details: { how: 'sso', provider: provider.slug, reason: code },
    });
  }

  /** Who the provider's claims are in this organisation (nothing is written). */
  async function resolve(provider: IdentityProviderRow, claims: Record<string, unknown>) {
    const subject = typeof claims.sub === 'string' ? claims.sub : '';
    if (!subject) throw new SsoFailed('sso.failed');
    const linked = await ssoRepository.linkedPerson(db, provider.orgId, provider.id, subject);
    const email = emailFromClaims(claims, provider.emailClaim, provider.trustEmail);
    const found = email.ok
      ? await ssoRepository.personByEmail(db, provider.orgId, provider.id, email.email)
      : undefined;
    const candidate = (p: PersonRow) => ({ id: p.id, active: p.active, erased: !!p.erasedAt });
    const match = matchSignIn({
      linked: linked ? candidate(linked) : null,
      email,
      byEmail: found
        ? { ...candidate(found.person), linkedSubject: found.linkedSubject ?? null }
        : null,
      createAccounts: provider.createAccounts,
    });
    return { subject, match, linked, found: found?.person };
  }

  return {
    /** The administrator's view: providers (never their secret) and the organisation's rule. */
    async overview(actor: Actor) {
      authorize(actor, { do: 'sso.manage', orgId: actor.orgId });
      const [providers, required, links] = await Promise.all([
        ssoRepository.listProviders(db, actor.orgId),
        ssoRepository.isRequired(db, actor.orgId),
        ssoRepository.linkCounts(db, actor.orgId),
      ]);
      const org = await organisationRepository.findById(db, actor.orgId);
      return {
        required,
        orgSlug: org?.slug ?? '',
        redirectUri: `${deps.publicUrl}/api/auth/sso/callback`,
        postLogoutRedirectUri: `${deps.publicUrl}/sign-in`,
        encryptionReady: !!box,
        providers: providers.map((p) => ({ row: p, linked: links.get(p.id) ?? 0 })),
      };
    },

    async createProvider(actor: Actor, input: ProviderInput) {
      authorize(actor, { do: 'sso.manage', orgId: actor.orgId });
      checkIssuer(input.issuer);
      const id = randomUUID();
      const clientSecretEnc = seal(actor.orgId, id, input.clientSecret);
      return db.transaction(async (tx) => {
        const row = await ssoRepository
          .insertProvider(tx, {
            orgId: actor.orgId,
            id,
            slug: input.slug,
            label: input.label,
            issuer: input.issuer.replace(/\/$/, ''),
            clientId: input.clientId,
            clientSecretEnc,
            emailClaim: input.emailClaim,
            trustEmail: input.trustEmail,
            createAccounts: input.createAccounts,
            createdBy: actor.personId,
          })
          .catch(slugTaken);
        await recordAudit(tx, actor, {
          action: 'sso.provider_created',
          subjectType: 'identity_provider',
          subjectId: id,
          details: { provider: row.slug },
        });
        return row;
      });
    },

    /**
     * Changes a provider. Turning it on needs a successful test sign-in since the connection
     * (issuer, client id, secret) last changed; changing the connection turns it off until
     * it is tested again.
     */
    async updateProvider(actor: Actor, id: string, patch: ProviderPatch) {
      authorize(actor, { do: 'sso.manage', orgId: actor.orgId });
      checkIssuer(patch.issuer);
      const fields = Object.keys(patch).filter(
        (k) => patch[k as keyof ProviderPatch] !== undefined,
      );
      return db.transaction(async (tx) => {
        const before = await ssoRepository.findProvider(tx, actor.orgId, id);
        if (!before) throw new AppError('not_found');
        if (fields.length === 0) return before;
        const reconnect = changesConnection(patch);
        if (patch.enabled === true && (reconnect || !before.testedAt))
          throw AppError.at('enabled', 'sso.untested');
        if (before.enabled && (patch.enabled === false || reconnect)) {
          const required = await ssoRepository.isRequired(tx, actor.orgId);
          if (required && (await ssoRepository.countEnabled(tx, actor.orgId)) <= 1)
            throw AppError.at('enabled', 'sso.no_enabled_provider');
        }
        const { clientSecret, issuer, ...rest } = patch;
        const row = await ssoRepository
          .updateProvider(tx, actor.orgId, id, {
            ...rest,
            ...(issuer !== undefined ? { issuer: issuer.replace(/\/$/, '') } : {}),
            ...(clientSecret !== undefined
              ? { clientSecretEnc: seal(actor.orgId, id, clientSecret) }
              : {}),
            ...(reconnect ? { testedAt: null, enabled: false } : {}),
          })
          .catch(slugTaken);
        if (!row) throw new AppError('not_found');
        await recordAudit(tx, actor, {
          action: 'sso.provider_updated',
          subjectType: 'identity_provider',
          subjectId: id,
          details: { provider: row.slug, fields, enabled: row.enabled },
        });
        return row;
      });
    },

    async deleteProvider(actor: Actor, id: string): Promise<void> {
      authorize(actor, { do: 'sso.manage', orgId: actor.orgId });
      await db.transaction(async (tx) => {
        const before = await ssoRepository.findProvider(tx, actor.orgId, id);
        if (!before) throw new AppError('not_found');
        if (before.enabled && (await ssoRepository.isRequired(tx, actor.orgId)))
          if ((await ssoRepository.countEnabled(tx, actor.orgId)) <= 1)
            throw new AppError('sso.no_enabled_provider');
        await ssoRepository.deleteProvider(tx, actor.orgId, id);
        await recordAudit(tx, actor, {
          action: 'sso.provider_deleted',
          subjectType: 'identity_provider',
          subjectId: id,
          details: { provider: before.slug },
        });
      });
    },

    /** Requires single sign-on (or not); on needs at least one enabled provider. */
    async setRequired(actor: Actor, required: boolean): Promise<void> {
      authorize(actor, { do: 'sso.manage', orgId: actor.orgId });
      await db.transaction(async (tx) => {
        if ((await ssoRepository.isRequired(tx, actor.orgId)) === required) return;
        if (required && (await ssoRepository.countEnabled(tx, actor.orgId)) === 0)
          throw AppError.at('required', 'sso.no_enabled_provider');
        await ssoRepository.setRequired(tx, actor.orgId, required);
        await recordAudit(tx, actor, {
          action: required ? 'sso.required_on' : 'sso.required_off',
          subjectType: 'organisation',
          subjectId: actor.orgId,
        });
      });
    },

    /** For the sign-in page: an organisation's enabled providers (labels) and its rule. */
    async signInOptions(orgSlug: string) {
      return (
        (await ssoRepository.signInOptions(db, orgSlug)) ?? { ssoRequired: false, providers: [] }
      );
    },

    /**
     * Starts a sign-in (or an administrator's test sign-in) at a provider: the state's hash,
     * nonce and PKCE verifier are kept for ten minutes; returns the provider's URL and the
     * state, which the route also binds to the browser in a cookie.
     */
    async start(input: {
      orgSlug: string;
      providerSlug: string;
      next?: string;
      test: boolean;
      actor: Actor | null;
    }): Promise<{ url: string; state: string } | { failed: SsoFailure }> {
      const found = await ssoRepository.findBySlugs(db, input.orgSlug, input.providerSlug);
      if (!found) return { failed: 'sso.unavailable' };
      const { provider } = found;
      if (input.test) {
        if (!input.actor) throw new AppError('auth.required');
        authorize(input.actor, { do: 'sso.manage', orgId: provider.orgId });
      } else if (!provider.enabled) return { failed: 'sso.unavailable' };
      const now = clock.now();
      try {
        const started = await oidc.start(connection(provider));
        await ssoRepository.pruneTransactions(db, now);
        await ssoRepository.insertTransaction(db, {
          id: sha256(started.state),
          orgId: provider.orgId,
          providerId: provider.id,
          nonce: started.nonce,
          codeVerifier: started.codeVerifier,
          next: safeNext(input.next),
          testBy: input.test ? input.actor!.personId : null,
          expiresAt: new Date(now.getTime() + TRANSACTION_MINUTES * 60_000),
        });
        return { url: started.url.toString(), state: started.state };
      } catch (err) {
        deps.log?.warn({ provider: provider.slug, err: describe(err) }, 'sso start failed');
        return { failed: 'sso.unavailable' };
      }
    },

    /**
     * The provider's answer. The state must be the one this browser started with (its cookie)
     * and is taken from the database as it is read, so it works once. Every failure ends in a
     * code for the sign-in page, never in an error response.
     */
    async callback(input: {
      query: string;
      state: string | undefined;
      browserState: string | undefined;
      error: string | undefined;
      ip: string;
      userAgent?: string;
    }): Promise<CallbackResult> {
      if (!input.state || input.state !== input.browserState)
        return { kind: 'failed', code: 'sso.state_invalid', orgSlug: null };
      const tx = await ssoRepository.takeTransaction(db, sha256(input.state));
      if (!tx) return { kind: 'failed', code: 'sso.state_invalid', orgSlug: null };
      const org = await organisationRepository.findById(db, tx.orgId);
      const orgSlug = org?.slug ?? null;
      const provider = await ssoRepository.findProvider(db, tx.orgId, tx.providerId);
      if (!provider) return { kind: 'failed', code: 'sso.unavailable', orgSlug };
      const testing = tx.testBy !== null;
      const fail = async (code: SsoFailure, personId?: string): Promise<CallbackResult> => {
        if (testing) {
          await auditRepository.record(db, {
            orgId: provider.orgId,
            actorId: tx.testBy,
            ip: input.ip,
            action: 'sso.provider_tested',
            subjectType: 'identity_provider',
            subjectId: provider.id,
            details: { provider: provider.slug, reason: code },
          });
          return { kind: 'tested', providerId: provider.id, result: code };
        }
        await failure(provider.orgId, input.ip, code, provider, personId);
        return { kind: 'failed', code, orgSlug };
      };
      if (tx.expiresAt.getTime() <= clock.now().getTime()) return fail('sso.state_invalid');
      if (!testing && !provider.enabled) return fail('sso.unavailable');
      if (input.error) return fail(input.error === 'access_denied' ? 'sso.denied' : 'sso.failed');

      let claims: Record<string, unknown>;
      try {
        const answer = await oidc.finish(connection(provider), input.query, {
          state: input.state,
          nonce: tx.nonce,
          codeVerifier: tx.codeVerifier,
        });
        claims = answer.claims;
        // The address only in userinfo (OIDC Core's scope claims): ask for it with the access
        // token. A failed or foreign answer leaves the ID token's claims as they are, so a
        // linked person still gets in and an unlinked one is refused for want of an address.
        if (needsUserInfo(claims, provider.emailClaim, provider.trustEmail)) {
          try {
            claims = withUserInfo(claims, await answer.userInfo(), provider.emailClaim);
          } catch (err) {
            deps.log?.warn({ provider: provider.slug, err: describe(err) }, 'sso userinfo failed');
          }
        }
      } catch (err) {
        deps.log?.warn({ provider: provider.slug, err: describe(err) }, 'sso sign-in refused');
        return fail(err instanceof SsoFailed ? err.code : 'sso.failed');
      }

      try {
        const { subject, match, found } = await resolve(provider, claims);
        if (testing) {
          const at = clock.now();
          await ssoRepository.markTested(db, provider.orgId, provider.id, at);
          await auditRepository.record(db, {
            orgId: provider.orgId,
            actorId: tx.testBy,
            ip: input.ip,
            action: 'sso.provider_tested',
            subjectType: 'identity_provider',
            subjectId: provider.id,
            details: {
              provider: provider.slug,
              reason: match.kind === 'refuse' ? match.code : 'ok',
            },
          });
          // The connection works; whom it would sign in is reported alongside.
          return {
            kind: 'tested',
            providerId: provider.id,
            result: match.kind === 'refuse' ? match.code : 'ok',
          };
        }
        if (match.kind === 'refuse') return fail(match.code, match.personId);
        let person: PersonRow | undefined;
        if (match.kind === 'linked') {
          person = await peopleRepository.findById(db, provider.orgId, match.personId);
          await ssoRepository.touchLink(db, provider.orgId, provider.id, subject, clock.now());
        } else if (match.kind === 'link') {
          person = found;
          await ssoRepository.link(db, {
            orgId: provider.orgId,
            providerId: provider.id,
            subject,
            personId: match.personId,
          });
        } else {
          person = await createPerson(provider, subject, match.email, claims, input.ip);
        }
        if (!person) return fail('sso.unknown_person');
        const session = await auth.signInThroughProvider(person, provider, input);
        return {
          kind: 'signed-in',
          token: session.token,
          expiresAt: session.expiresAt,
          device: session.device,
          next: tx.next,
        };
      } catch (err) {
        if (err instanceof SsoFailed) return fail(err.code);
        throw err;
      }
    },

    /** After sign-out: the provider's own logout, when the session came through one. */
    async logoutOffer(actor: Actor): Promise<{ label: string; url: string } | null> {
      const provider = await ssoRepository.sessionProvider(db, actor.orgId, actor.sessionId);
      if (!provider) return null;
      try {
        const url = await oidc.endSessionUrl(connection(provider), `${deps.publicUrl}/sign-in`);
        return url ? { label: provider.label, url } : null;
      } catch {
        return null;
      }
    },
  };

  /** A person made by signing in, where the administrator allowed it; linked at once. */
  async function createPerson(
    provider: IdentityProviderRow,
    subject: string,
    email: string,
    claims: Record<string, unknown>,
    ip: string,
  ): Promise<PersonRow> {
    const org = await organisationRepository.findById(db, provider.orgId);
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
    return db.transaction(async (tx) => {
      const person = await peopleRepository.insert(tx, {
        orgId: provider.orgId,
        id: randomUUID(),
        email,
        name: name.slice(0, 200),
        timeZone: org?.defaultTimeZone ?? 'Europe/Stockholm',
      });
      await ssoRepository.link(tx, {
        orgId: provider.orgId,
        providerId: provider.id,
        subject,
        personId: person.id,
      });
      await auditRepository.record(tx, {
        orgId: provider.orgId,
        actorId: null,
        ip,
        action: 'person.created',
        subjectType: 'person',
        subjectId: person.id,
        details: { source: 'sso', provider: provider.slug },
      });
      return person;
    });
  }
}

/** An error's name and message only: never a token, code or response body. */
function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 300);
  return 'unknown';
}
