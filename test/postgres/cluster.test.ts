/**
 * `samtal serve --workers 2` (decision 021): two processes on one port, each with its own
 * session cache kept for five minutes here, so only the relay between them can make a change
 * hold. A sign-out or a deactivation made through either worker is refused by both at once:
 * every request after the answer, on a new connection each (the primary hands connections to
 * the workers in turn), is refused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { freshDatabase } from '../support/database';
import { makeOrg, makePerson, TEST_PASSWORD } from '../support/factories';

let database: Database & { url?: string };
let child: ChildProcess;
let port = 0;

/** One request on a connection of its own, so each may land on either worker. */
function request(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; cookies: string[]; json: () => unknown; pid: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, headers, agent: false },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            cookies: res.headers['set-cookie'] ?? [],
            json: () => JSON.parse(text),
            pid: String(res.headers['x-test-pid'] ?? ''),
          }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.end(JSON.stringify(body));
    else req.end();
  });
}

class Browser {
  cookies = new Map<string, string>();
  csrf = '';
  private headers(write: boolean) {
    const h: Record<string, string> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    };
    if (write) Object.assign(h, { 'x-csrf-token': this.csrf, 'content-type': 'application/json' });
    return h;
  }
  async send(method: string, path: string, body?: unknown) {
    const write = method !== 'GET';
    const res = await request(method, path, this.headers(write), write ? (body ?? {}) : body);
    for (const c of res.cookies) {
      const [name, ...value] = c.split(';')[0]!.split('=');
      this.cookies.set(name!, value.join('='));
    }
    return res;
  }
  async signIn(email: string) {
    this.csrf = ((await this.send('GET', '/api/auth/csrf')).json() as { token: string }).token;
    expect(
      (await this.send('POST', '/api/auth/login', { email, password: TEST_PASSWORD })).status,
    ).toBe(200);
  }
  /** Statuses of `n` reads of /api/me, each on a new connection. */
  async statuses(n: number) {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await this.send('GET', '/api/me')).status);
    return out;
  }
}

beforeAll(async () => {
  database = await freshDatabase();
  if (!database.url) throw new Error('these tests need DATABASE_URL (PostgreSQL)');
  const orgId = (await makeOrg(database.db)).id;
  await makePerson(database.db, orgId, { email: 'hr@example.test', roles: ['hr'] });
  await makePerson(database.db, orgId, { email: 'ola@example.test' });
  await makePerson(database.db, orgId, { email: 'kari@example.test' });
  child = spawn(process.execPath, ['bin/samtal.js', 'serve', '--workers', '2'], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      SAMTAL_WORKERS: 'false',
      SESSION_CACHE_SECONDS: '300',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`cluster did not start: ${out}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /running at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        port = Number(m[1]);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`cluster exited (${code}): ${out}`)));
  });
}, 150_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  await database.close();
});

describe('serve --workers 2 on PostgreSQL', () => {
  it('runs two worker processes on one port', async () => {
    const workers = await new Promise<string>((resolve) => {
      const ps = spawn('ps', ['--ppid', String(child.pid), '-o', 'pid=']);
      let out = '';
      ps.stdout.on('data', (d: Buffer) => (out += d.toString()));
      ps.on('exit', () => resolve(out));
    });
    expect(workers.trim().split(/\s+/)).toHaveLength(2);
  });

  it('a sign-out through one worker is refused by both at once', async () => {
    const ola = new Browser();
    await ola.signIn('ola@example.test');
    // Both workers now hold the session in their cache (connections go to them in turn).
    expect(await ola.statuses(8)).toEqual(Array(8).fill(200));
    const stolen = new Browser();
    stolen.cookies = new Map(ola.cookies);
    expect((await ola.send('POST', '/api/auth/logout')).status).toBeLessThan(300);
    expect(await stolen.statuses(8)).toEqual(Array(8).fill(401));
  }, 60_000);

  it('a deactivation through one worker is refused by both at once', async () => {
    const hr = new Browser();
    await hr.signIn('hr@example.test');
    const kari = new Browser();
    await kari.signIn('kari@example.test');
    expect(await kari.statuses(8)).toEqual(Array(8).fill(200));
    const list = (await hr.send('GET', '/api/people?search=kari')).json() as {
      items: { id: string; email: string }[];
    };
    const id = list.items.find((p) => p.email === 'kari@example.test')!.id;
    expect((await hr.send('POST', `/api/people/${id}/deactivate`)).status).toBe(200);
    expect(await kari.statuses(8)).toEqual(Array(8).fill(401));
  }, 60_000);
});
