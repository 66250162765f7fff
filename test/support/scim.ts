import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Client } from './app';

export const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** An administrator makes a provisioning token in the app; the secret is returned once. */
export async function makeToken(admin: Client, name = 'Entra ID') {
  const res = await admin.post('/api/admin/scim/tokens', { name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { token: { id: string; name: string }; secret: string };
}

/**
 * An identity provider's SCIM client: bearer token only, no cookie, no CSRF token, bodies as
 * application/scim+json (as Entra ID and Okta send them).
 */
export class ScimClient {
  constructor(
    private readonly app: FastifyInstance,
    private readonly token: string | null,
    private readonly opts: { ip?: string } = {},
  ) {}

  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url: `/scim/v2${url}`,
      remoteAddress: this.opts.ip ?? '10.1.1.1',
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown) => this.request('POST', url, body);
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  delete = (url: string) => this.request('DELETE', url);
  patch = (url: string, ops: unknown[], headers?: Record<string, string>) =>
    this.request('PATCH', url, { schemas: [PATCH_OP], Operations: ops }, headers);

  /** GET /Users?filter=… with the filter URL-encoded as providers send it. */
  find = (filter: string) => this.get(`/Users?filter=${encodeURIComponent(filter)}`);
}

/** Checks an RFC 7644 3.12 error: status, scimType, and a detail from Samtal's catalogs. */
export function expectScimError(
  res: LightMyRequestResponse,
  status: number,
  scimType?: string,
): { detail: string } {
  const where = `${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, where).toBe(status);
  expect(res.headers['content-type'], where).toMatch(/^application\/scim\+json/);
  const body = res.json();
  expect(body.schemas, where).toEqual([ERROR]);
  expect(body.status, where).toBe(String(status));
  if (scimType) expect(body.scimType, where).toBe(scimType);
  else expect(body.scimType, where).toBeUndefined();
  expect(typeof body.detail, where).toBe('string');
  expect(body.detail.length, where).toBeGreaterThan(0);
  expect(body.detail, where).not.toMatch(/^(errors:|FST_)|\{\w+\}/);
  return body;
}
