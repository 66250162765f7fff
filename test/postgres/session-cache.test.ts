/**
 * Two server processes on one PostgreSQL database, each with its own session cache
 * (decision 015): a sign-out or a deactivation made through one instance holds at once there
 * and on the other within SESSION_CACHE_SECONDS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { freshDatabase } from '../support/database';
import { makeOrg, makePerson, TEST_PASSWORD } from '../support/factories';

const CACHE_SECONDS = 2;
const PORTS = [3307, 3308] as const;
let database: Database & { url?: string };
let orgId: string;
const children: ChildProcess[] = [];

function startInstance(port: number): Promise<void> {
  const child = spawn(process.execPath, ['bin/samtal.js', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SAMTAL_WORKERS: 'false',
      SESSION_CACHE_SECONDS: String(CACHE_SECONDS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`instance did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Samtal is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`instance exited (${code}): ${out}`)));
  });
}

/** Cookies of one browser, which talks to either instance (as behind a load balancer). */
class Browser {
  private cookies = new Map<string, string>();
  private csrf = '';

  async request(port: number, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    };
    if (method !== 'GET') {
      headers['x-csrf-token'] = this.csrf;
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers,
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!, value.join('='));
    }
    return res;
  }

  async signIn(port: number, email: string) {
    this.csrf = (await (await this.request(port, 'GET', '/api/auth/csrf')).json()).token;
    const res = await this.request(port, 'POST', '/api/auth/login', {
      email,
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(200);
  }

  /** Another browser holding the same cookies (a copied session cookie). */
  copy(): Browser {
    const other = new Browser();
    other.cookies = new Map(this.cookies);
    other.csrf = this.csrf;
    return other;
  }

  async status(port: number, path = '/api/me') {
    return (await this.request(port, 'GET', path)).status;
  }
}

/** Seconds until `browser` is refused by the instance on `port` (gives up after 10 s). */
async function secondsUntilRefused(browser: Browser, port: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < 10_000) {
    if ((await browser.status(port)) === 401) return (Date.now() - start) / 1000;
    await new Promise((r) => setTimeout(r, 100));
  }
  return Infinity;
}

beforeAll(async () => {
  database = await freshDatabase();
  if (!database.url) throw new Error('these tests need DATABASE_URL (PostgreSQL)');
  orgId = (await makeOrg(database.db)).id;
  await makePerson(database.db, orgId, { email: 'hr@example.test', roles: ['hr'] });
  await makePerson(database.db, orgId, { email: 'ola@example.test' });
  await makePerson(database.db, orgId, { email: 'kari@example.test' });
  // One after the other: pg-boss can deadlock creating its queues when two start at once.
  for (const port of PORTS) await startInstance(port);
}, 90_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await database.close();
});

describe('session cache on two instances', () => {
  const [a, b] = PORTS;

  it('a sign-out on one instance holds there at once and on the other within the bound', async () => {
    const ola = new Browser();
    await ola.signIn(a, 'ola@example.test');
    expect(await ola.status(a)).toBe(200);
    expect(await ola.status(b)).toBe(200); // now cached on b
    const stolen = ola.copy();
    expect((await ola.request(a, 'POST', '/api/auth/logout')).status).toBeLessThan(300);
    expect(await stolen.status(a)).toBe(401);
    expect(await secondsUntilRefused(stolen, b)).toBeLessThanOrEqual(CACHE_SECONDS + 0.5);
  }, 30_000);

  it('a deactivation on one instance holds there at once and on the other within the bound', async () => {
    const hr = new Browser();
    await hr.signIn(a, 'hr@example.test');
    const kari = new Browser();
    await kari.signIn(b, 'kari@example.test');
    expect(await kari.status(a)).toBe(200); // cached on a
    expect(await kari.status(b)).toBe(200); // cached on b
    const list = await (await hr.request(a, 'GET', '/api/people?search=kari')).json();
    const id = list.items.find((p: { email: string }) => p.email === 'kari@example.test').id;
    expect((await hr.request(a, 'POST', `/api/people/${id}/deactivate`)).status).toBe(200);
    expect(await kari.status(a)).toBe(401);
    expect(await secondsUntilRefused(kari, b)).toBeLessThanOrEqual(CACHE_SECONDS + 0.5);
  }, 30_000);
});
