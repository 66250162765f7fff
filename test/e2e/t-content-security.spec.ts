/**
 * What narrows a server that ships altered JavaScript (decision 018, docs/security.md): the page
 * is sent with a strict Content-Security-Policy, every script and style sheet the build names
 * carries Subresource Integrity that matches the file, nothing comes from another origin, and
 * the main screens run without a single policy violation — the service worker and the live
 * meeting's WebSocket included.
 */
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support';

/** Collects every CSP violation the page reports, and console errors that name the policy. */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy|integrity/i.test(m.text()))
      violations.push(m.text());
  });
  return async () => [
    ...violations,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
  ];
}

const sha384 = (data: Buffer) => `sha384-${createHash('sha384').update(data).digest('base64')}`;

test('index.html: a strict policy, and integrity on every script and style sheet', async ({
  request,
}) => {
  const res = await request.get('/sign-in');
  const csp = res.headers()['content-security-policy'] ?? '';
  const directives = Object.fromEntries(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
  const scriptSrc = directives['script-src'] as string[];
  expect(scriptSrc[0]).toBe("'self'");
  // Nothing inline runs but the import map, allowed by its hash; no eval, no other origin.
  expect(scriptSrc.slice(1).every((s) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(s))).toBe(true);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(directives['base-uri']).toEqual(["'none'"]);
  expect(directives['frame-ancestors']).toEqual(["'none'"]);
  const host = new URL(res.url()).host;
  expect(directives['connect-src']).toEqual(
    expect.arrayContaining(["'self'", `ws://${host}`, `wss://${host}`]),
  );
  expect(
    (directives['connect-src'] as string[]).every((s) => s === "'self'" || s.endsWith(host)),
  ).toBe(true);

  const html = await res.text();
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
    (m) => !/\bsrc=/.test(m[1]!),
  );
  // The only inline script is the import map, and the header allows exactly its hash.
  expect(inline.map((m) => m[1]!.trim())).toEqual(['type="importmap"']);
  const mapHash = `'sha256-${createHash('sha256').update(inline[0]![2]!).digest('base64')}'`;
  expect(scriptSrc).toContain(mapHash);

  const tags = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g),
    ...html.matchAll(/<link\b[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*>/g),
  ].map((m) => m[0]);
  expect(tags.length).toBeGreaterThan(2);
  for (const tag of tags) {
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)![1]!;
    // No third-party script or style: everything from Samtal's own origin.
    expect(url, tag).toMatch(/^\/assets\//);
    const integrity = /\bintegrity="([^"]+)"/.exec(tag)?.[1];
    const file = await request.get(url, { headers: { 'accept-encoding': 'identity' } });
    expect(integrity, tag).toBe(sha384(await file.body()));
  }
  // Lazily loaded chunks: the import map's integrity matches each of them too.
  const map = JSON.parse(inline[0]![2]!) as { integrity: Record<string, string> };
  const entries = Object.entries(map.integrity);
  expect(entries.length).toBeGreaterThan(10);
  for (const [url, integrity] of entries.slice(0, 40)) {
    const file = await request.get(url, { headers: { 'accept-encoding': 'identity' } });
    expect(integrity, url).toBe(sha384(await file.body()));
  }
});

test('the main screens run under the policy, with the service worker and the live socket', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  await page.goto('/sign-in');
  await expect(page.locator('#email')).toBeVisible();
  await signIn(page, 'chef@samtal.demo');
  // The service worker installs and takes the page (offline walk-and-talk).
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
    .toBe(true);

  const overview = (await (
    await page.context().request.get('/api/one-on-ones/overview')
  ).json()) as {
    items: { person: { name: string }; nextMeeting: { id: string } | null }[];
  };
  const meetingId = overview.items.find((i) => i.nextMeeting)!.nextMeeting!.id;
  // The live meeting: its WebSocket opens and carries frames.
  const socket = page.waitForEvent('websocket');
  await page.goto(`/one-on-ones/meetings/${meetingId}`);
  const ws = await socket;
  await ws.waitForEvent('framereceived');
  expect(ws.isClosed()).toBe(false);
  await expect(page.locator('#private-notes')).toBeVisible();

  for (const path of [
    '/',
    `/one-on-ones/meetings/${meetingId}/reflection`,
    '/one-on-ones/reflections',
    '/team',
    '/coaching',
    '/conversations',
    '/actions',
    '/settings',
  ]) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  expect(await violations(), 'policy violations as a manager').toEqual([]);

  // HR's screens: statistics (charts), people, rounds.
  const hrContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL! });
  const hr = await hrContext.newPage();
  const hrViolations = await watchViolations(hr);
  await signIn(hr, 'hr@samtal.demo');
  for (const path of ['/statistics', '/people', '/rounds', '/departments']) {
    await hr.goto(path);
    await expect(hr.locator('main')).toBeVisible();
    await hr.waitForLoadState('networkidle');
  }
  expect(await hrViolations(), 'policy violations as HR').toEqual([]);
  await hrContext.close();
});
