import type { Page, Response } from '@playwright/test';
import { expect, signIn, test } from './support';

const LIMIT = 150 * 1024;
const IMMUTABLE = 'public, max-age=31536000, immutable';

type Script = { path: string; wire: number; encoding: string; cacheControl: string };

/**
 * Every script of the app the page loaded, with the bytes that crossed the wire for its body
 * (as the server sent it: brotli for Chromium, precompressed at build time) and its headers.
 */
function recordScripts(page: Page): Promise<Script>[] {
  const scripts: Promise<Script>[] = [];
  page.on('response', (r: Response) => {
    if (r.request().resourceType() !== 'script' || !r.url().includes('/assets/')) return;
    scripts.push(
      (async () => {
        const [sizes, headers] = await Promise.all([r.request().sizes(), r.allHeaders()]);
        return {
          path: new URL(r.url()).pathname,
          wire: sizes.responseBodySize,
          encoding: headers['content-encoding'] ?? 'identity',
          cacheControl: headers['cache-control'] ?? '',
        };
      })(),
    );
  });
  return scripts;
}

const total = (s: Script[]) => s.reduce((n, x) => n + x.wire, 0);
/** Each script with its bytes on the wire, largest first: what to look at when over budget. */
const breakdown = (s: Script[]) =>
  Object.fromEntries([...s].sort((a, b) => b.wire - a.wire).map((x) => [x.path, x.wire]));

test('the first load stays under 150 KB of JavaScript on the wire, cached for a year', async ({
  page,
  browser,
  request,
}, testInfo) => {
  const signInPending = recordScripts(page);
  const doc = await page.goto('/sign-in');
  await expect(page.locator('#email')).toBeVisible();
  const signInScripts = await Promise.all(signInPending);
  // index.html names the hashed files: never cached, so a release shows at the next load.
  expect(doc?.headers()['cache-control']).toBe('no-store');

  // A signed-in manager opening the app with nothing cached yet (a new browser profile with
  // only the session cookie): the shell, the home page and its catalogs.
  await signIn(page, 'chef@samtal.demo');
  const cold = await browser.newContext({ storageState: await page.context().storageState() });
  const home = await cold.newPage();
  const homePending = recordScripts(home);
  const apiCalls: string[] = [];
  home.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(new URL(r.url()).pathname);
  });
  await home.goto('/');
  await expect(home.locator('.person-card').first()).toBeVisible();
  const homeScripts = await Promise.all(homePending);
  await cold.close();
  const signInBytes = total(signInScripts);
  const homeBytes = total(homeScripts);

  await testInfo.attach('first-load.json', {
    body: JSON.stringify(
      {
        signInBytes,
        homeBytes,
        signIn: breakdown(signInScripts),
        home: breakdown(homeScripts),
        homeApiCalls: apiCalls,
      },
      null,
      2,
    ),
    contentType: 'application/json',
  });
  console.log(
    `first load on the wire: sign-in ${(signInBytes / 1024).toFixed(1)} KB, manager home ${(homeBytes / 1024).toFixed(1)} KB; home API calls: ${apiCalls.join(', ')}`,
  );
  if (homeBytes >= LIMIT)
    console.log('manager home scripts (bytes on the wire):', breakdown(homeScripts));
  for (const s of [...signInScripts, ...homeScripts]) {
    expect(s.encoding, s.path).toBe('br');
    expect(s.cacheControl, s.path).toBe(IMMUTABLE);
  }
  expect(signInBytes).toBeLessThan(LIMIT);
  expect(homeBytes).toBeLessThan(LIMIT);
  // The home's first render is one request: the whole page (it also says who is signed in).
  expect(apiCalls).toEqual(['/api/pages/home']);

  // Without brotli, the gzip file; without either, the file itself.
  const one = homeScripts[0]!.path;
  const gz = await request.get(one, { headers: { 'accept-encoding': 'gzip' } });
  expect(gz.headers()['content-encoding']).toBe('gzip');
  const plain = await request.get(one, { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  // (The client unpacks bodies: the gzip file's own length is in its header.)
  expect(Number(gz.headers()['content-length'])).toBeLessThan((await plain.body()).length);
});

test('the meeting page opens with one request', async ({ page }) => {
  await signIn(page, 'chef@samtal.demo');
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  const href = await page.locator('a[href^="/one-on-ones/meetings/"]').first().getAttribute('href');
  const apiCalls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(new URL(r.url()).pathname);
  });
  await page.goto(href!);
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('#private-notes')).toBeVisible();
  // Give the panels a moment: none of them may ask for its part on its own.
  await page.waitForTimeout(500);
  expect(apiCalls).toEqual([`/api/pages/meeting/${href!.split('/').pop()}`]);
});
