import * as oidc from 'openid-client';
import { isLoopback } from '../../domain/sso/sign-in';
import { systemClock, type Clock } from '../clock';

/** What Samtal needs to talk to one provider (the secret already decrypted). */
export type ProviderConnection = {
  id: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Part of the cache key: a changed provider is discovered again. */
  updatedAt: Date;
};

export type OidcSettings = {
  /** Where providers send the browser back: `<PUBLIC_URL>/api/auth/sso/callback`. */
  redirectUri: string;
  /** How long a provider's discovered metadata (and with it its JWKS) is reused. */
  cacheMs: number;
  /** Tolerated clock difference for the ID token's iat/exp/nbf, seconds. */
  clockToleranceSeconds: number;
  /** Seconds for every request to a provider. */
  timeoutSeconds: number;
  /** The source of "now" for the metadata cache's age (issue #17). */
  clock?: Clock;
};

/** The scopes asked for: the subject, the address and whether it is verified, a name. */
const SCOPES = 'openid email profile';

/**
 * The relying party, built on openid-client (decision 019): discovery (the issuer in the
 * metadata must be the configured one), authorization code flow with PKCE (S256), state and
 * nonce, ID token signature from the provider's JWKS (fetched again when an unknown key id
 * appears, so key rotation needs nothing), issuer, audience and expiry with clock tolerance.
 */
export function createOidcClient(settings: OidcSettings) {
  const cache = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();
  const clock = settings.clock ?? systemClock;

  function configFor(p: ProviderConnection): Promise<oidc.Configuration> {
    const key = `${p.id}:${p.updatedAt.getTime()}`;
    const hit = cache.get(key);
    if (hit && clock.now().getTime() - hit.at < settings.cacheMs) return hit.config;
    for (const k of cache.keys()) if (k.startsWith(`${p.id}:`)) cache.delete(k);
    const url = new URL(p.issuer);
    const config = oidc.discovery(
      url,
      p.clientId,
      { client_secret: p.clientSecret, [oidc.clockTolerance]: settings.clockToleranceSeconds },
      oidc.ClientSecretBasic(p.clientSecret),
      {
        timeout: settings.timeoutSeconds,
        // Plain http only to this machine (tests, a local Keycloak); see issuerProblem.
        execute:
          url.protocol === 'http:' && isLoopback(url.hostname) ? [oidc.allowInsecureRequests] : [],
      },
    );
    cache.set(key, { at: clock.now().getTime(), config });
    config.catch(() => cache.delete(key));
    return config;
  }

  return {
    /** A fresh state, nonce and PKCE verifier, and the provider's URL that carries them. */
    async start(p: ProviderConnection) {
      const config = await configFor(p);
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: SCOPES,
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, state, nonce, codeVerifier };
    },

    /**
     * Exchanges the code from the provider's answer (the callback's query) and returns the
     * verified ID token's claims, and a way to ask the provider's userinfo endpoint with the
     * access token (the answer must be about the ID token's subject, else it throws). Throws
     * on any protocol failure.
     */
    async finish(
      p: ProviderConnection,
      query: string,
      expected: { state: string; nonce: string; codeVerifier: string },
    ): Promise<{
      claims: Record<string, unknown>;
      userInfo: () => Promise<Record<string, unknown>>;
    }> {
      const config = await configFor(p);
      const tokens = await oidc.authorizationCodeGrant(
        config,
        new URL(`${settings.redirectUri}?${query}`),
        {
          expectedState: expected.state,
          expectedNonce: expected.nonce,
          pkceCodeVerifier: expected.codeVerifier,
          idTokenExpected: true,
        },
      );
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      return {
        claims: { ...claims },
        async userInfo() {
          if (!config.serverMetadata().userinfo_endpoint) throw new Error('no userinfo endpoint');
          return { ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)) };
        },
      };
    },

    /** The provider's logout URL when it has an end_session_endpoint, else null. */
    async endSessionUrl(
      p: ProviderConnection,
      postLogoutRedirectUri: string,
    ): Promise<string | null> {
      const config = await configFor(p);
      if (!config.serverMetadata().end_session_endpoint) return null;
      return oidc
        .buildEndSessionUrl(config, {
          client_id: p.clientId,
          post_logout_redirect_uri: postLogoutRedirectUri,
        })
        .toString();
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
