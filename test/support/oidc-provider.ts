import { generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** An account at the test provider: the claims its ID tokens carry. */
export type IdpAccount = { email?: string; email_verified?: boolean; name?: string };

export type TestIdp = {
  /** The issuer identifier (what Samtal is configured with). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, IdpAccount>;
  /** The payloads of the ID tokens issued so far, oldest first. */
  idTokens: Record<string, unknown>[];
  /** A new signing key, used from now on; the old one stays listed. */
  rotateKeys(): void;
  close(): Promise<void>;
};

function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };
}

/**
 * A real OpenID provider (`oidc-provider`) on 127.0.0.1 in the test process (decision 019).
 * Its sign-in page is a form asking for the account id; POSTing it signs that account in and
 * grants the requested scopes. `claimedIssuer` makes the provider announce another issuer than
 * the URL it is served from (a provider that is not who Samtal was told).
 */
export async function startTestIdp(opts: {
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  accounts?: Record<string, IdpAccount>;
  claimedIssuer?: (base: string) => string;
  codeTtlSeconds?: number;
  port?: number;
  /**
   * OIDC Core to the letter: the ID token carries only the subject, the scope claims (e-mail,
   * email_verified, name) are answered by the userinfo endpoint alone.
   */
  claimsInUserInfoOnly?: boolean;
}): Promise<TestIdp> {
  const accounts = new Map(Object.entries(opts.accounts ?? {}));
  const clientId = `samtal-${randomUUID().slice(0, 8)}`;
  const clientSecret = randomUUID() + randomUUID();
  let keys = [signingKey()];
  const idTokens: Record<string, unknown>[] = [];
  let provider: Provider | undefined;
  let handler: http.RequestListener | undefined;

  const server = http.createServer((req, res) => {
    void route(req, res).catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    const p = provider!;
    const m = /^\/interaction\/([\w-]+)/.exec(req.url ?? '');
    if (!m) return handler!(req, res);
    const details = await p.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="en"><head><title>Test identity provider</title></head>
<body><h1>Test identity provider</h1>
<form method="post" action="/interaction/${details.uid}">
<label>Account <input name="login" autofocus></label>
<button type="submit">Continue</button></form></body></html>`);
      return;
    }
    const body = await new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString('utf8')));
      req.on('end', () => resolve(data));
    });
    const accountId = new URLSearchParams(body).get('login') ?? '';
    if (!accounts.has(accountId)) {
      await p.interactionFinished(
        req,
        res,
        { error: 'access_denied' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const params = details.params as { client_id: string; scope: string };
    const grant = new p.Grant({ accountId, clientId: params.client_id });
    grant.addOIDCScope(params.scope);
    const grantId = await grant.save();
    await p.interactionFinished(
      req,
      res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = opts.claimedIssuer ? opts.claimedIssuer(base) : base;

  function build() {
    const p = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: opts.redirectUris,
          post_logout_redirect_uris: opts.postLogoutRedirectUris ?? [],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      jwks: { keys },
      cookies: { keys: ['test-cookie-key-0123456789'] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      conformIdTokenClaims: opts.claimsInUserInfoOnly ?? false,
      features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      pkce: { required: () => true },
      ttl: { AuthorizationCode: opts.codeTtlSeconds ?? 60 },
      async findAccount(_ctx, sub) {
        const account = accounts.get(sub);
        if (!account) return undefined;
        return { accountId: sub, claims: async () => ({ sub, ...account }) };
      },
    });
    p.on('grant.success', (ctx: { body?: unknown }) => {
      const token = (ctx.body as { id_token?: string } | undefined)?.id_token;
      if (token)
        idTokens.push(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')));
    });
    provider = p;
    handler = p.callback();
  }
  build();

  return {
    issuer: base,
    clientId,
    clientSecret,
    accounts,
    idTokens,
    rotateKeys() {
      // The new key first (it signs), the old one still listed.
      keys = [signingKey(), ...keys];
      build();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Walks a browser through the provider: from Samtal's start URL (already answered with a
 * redirect) to the provider's answer, signing in as `login`. Returns the callback path with
 * its query, as the browser would be sent to it.
 */
export async function throughIdp(authorizationUrl: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  async function go(url: string, init: RequestInit = {}): Promise<string> {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader() },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`no redirect from ${url}: ${res.status} ${await res.text()}`);
    return new URL(location, url).toString();
  }
  const interaction = await go(authorizationUrl);
  const resume = await go(interaction, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login }).toString(),
  });
  const callback = new URL(await go(resume));
  return `${callback.pathname}${callback.search}`;
}
