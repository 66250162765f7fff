import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/db/client';
import { loadConfig } from '../../src/server/config';
import { buildApp } from '../../src/server/app';
import type { Clock } from '../../src/server/clock';
import { freshDatabase } from './database';
import { TEST_PASSWORD } from './factories';

export type TestContext = { app: FastifyInstance; database: Database; close(): Promise<void> };

/** The whole app, in-process, on a fresh database. */
export async function testApp(
  env: Record<string, string> = {},
  opts: { clock?: Clock } = {},
): Promise<TestContext> {
  const database = await freshDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const app = await buildApp(config, database, opts);
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * A browser-like client: keeps cookies, fetches a CSRF token, sends it on every write.
 * `ip` lets tests act from different addresses.
 */
export class Client {
  private cookies = new Map<string, string>();
  private csrf: string | undefined;
  constructor(
    private readonly app: FastifyInstance,
    private readonly opts: { ip?: string; acceptLanguage?: string } = {},
  ) {}

  /** The Cookie header this client sends (for WebSocket upgrades). */
  get cookie(): string {
    return this.cookieHeader();
  }

  /** Sets a cookie as if a server had (tests that forge or tamper with one). */
  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now()))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async request(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    if (method !== 'GET' && !this.csrf) {
      const res = await this.raw('GET', '/api/auth/csrf');
      this.csrf = res.json().token;
    }
    return this.raw(method, url, payload, {
      ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
      ...headers,
    });
  }

  async raw(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.opts.ip ?? '127.0.0.1',
      headers: {
        cookie: this.cookieHeader(),
        ...(this.opts.acceptLanguage ? { 'accept-language': this.opts.acceptLanguage } : {}),
        ...headers,
      },
      ...(payload === undefined
        ? {}
        : typeof payload === 'string'
          ? { payload }
          : { payload: payload as object }),
    });
    this.remember(res);
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}, headers?: Record<string, string>) =>
    this.request('POST', url, body, headers);
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);

  async login(email: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
    return this.post('/api/auth/login', { email, password });
  }
}

/** A client already signed in as `email`. */
export async function signedIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<Client> {
  const c = new Client(app);
  const res = await c.login(email, password);
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.body}`);
  return c;
}
