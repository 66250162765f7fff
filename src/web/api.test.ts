import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Call = { url: string; method: string; headers: Record<string, string>; body?: unknown };

/** A fake server: answers each request with the next canned response, records what it got. */
function fakeFetch(responses: ((call: Call) => Response)[]) {
  const calls: Call[] = [];
  const fn = vi.fn(async (url: string, init: RequestInit) => {
    const call = {
      url,
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      body: init.body,
    };
    calls.push(call);
    const next = responses.shift();
    if (!next) throw new Error(`unexpected request ${call.method} ${url}`);
    return next(call);
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

const json = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let api: typeof import('./api');
beforeEach(async () => {
  vi.resetModules(); // a fresh module: no cached CSRF token
  api = await import('./api');
});
afterEach(() => vi.unstubAllGlobals());

describe('the API client', () => {
  it('fetches a CSRF token once and sends it on every write', async () => {
    const calls = fakeFetch([
      json(200, { token: 't1' }),
      json(200, { ok: true }),
      json(200, { ok: true }),
    ]);
    api.setRequestLanguage('da');
    await api.api.revokeSession('abcdefgh12345678');
    await api.api.logout();
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/auth/csrf',
      'DELETE /api/me/sessions/abcdefgh12345678',
      'POST /api/auth/logout',
    ]);
    expect(calls[1]!.headers['x-csrf-token']).toBe('t1');
    expect(calls[2]!.headers['x-csrf-token']).toBe('t1');
    expect(calls[2]!.headers['accept-language']).toBe('da');
  });

  it('gets a new token and retries once when the server refuses the old one', async () => {
    const refused = { error: { code: 'auth.csrf', message: 'Reload.' } };
    const calls = fakeFetch([
      json(200, { token: 'old' }),
      json(403, refused),
      json(200, { token: 'new' }),
      json(200, { home: 'hr', locale: 'sv' }),
    ]);
    await expect(api.api.login('a@b.se', 'pw')).resolves.toEqual({ home: 'hr', locale: 'sv' });
    expect(calls[3]!.headers['x-csrf-token']).toBe('new');
    expect(JSON.parse(String(calls[3]!.body))).toEqual({ email: 'a@b.se', password: 'pw' });
  });

  it('does not retry a second time', async () => {
    const refused = { error: { code: 'auth.csrf', message: 'Reload.' } };
    fakeFetch([
      json(200, { token: 'a' }),
      json(403, refused),
      json(200, { token: 'b' }),
      json(403, refused),
    ]);
    await expect(api.api.logout()).rejects.toMatchObject({ status: 403, code: 'auth.csrf' });
  });

  it('turns an error body into an ApiError with its field problems and details', async () => {
    const body = {
      error: {
        code: 'validation',
        message: 'Ange en giltig e-postadress.',
        fields: [{ path: 'email', code: 'email', message: 'Ange en giltig e-postadress.' }],
        details: { rows: [] },
      },
    };
    fakeFetch([json(200, { token: 't' }), json(400, body)]);
    const err = await api.api
      .createPerson({ name: 'X', email: 'x', timeZone: 'Europe/Oslo' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(api.ApiError);
    expect(err).toMatchObject({
      status: 400,
      code: 'validation',
      fields: body.error.fields,
      details: { rows: [] },
    });
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api.api.me()).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('leaves empty query values out and sends the CSV as it is', async () => {
    const calls = fakeFetch([
      json(200, { items: [], nextCursor: null }),
      json(200, { token: 't' }),
      json(200, { created: 1, updated: 0, unchanged: 0, departmentsCreated: 0, total: 1 }),
    ]);
    await api.api.people({ search: '  ', includeInactive: false, limit: 25 });
    expect(calls[0]!.url).toBe('/api/people?limit=25');
    const file = new Blob(['email,name\n'], { type: 'text/csv' });
    await api.api.importPeople('preview', file);
    expect(calls[2]!.url).toBe('/api/people/import?mode=preview');
    expect(calls[2]!.headers['content-type']).toBe('text/csv');
    expect(calls[2]!.body).toBe(file);
  });
});
