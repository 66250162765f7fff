import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support';

const LIMIT = 150 * 1024;

/** Gzipped bytes of every script the page loaded (read from the build, as the server sends it). */
function gzipped(urls: Set<string>): number {
  return [...urls].reduce((total, url) => total + gzippedSize(url), 0);
}

function gzippedSize(url: string): number {
  const file = path.join('dist/web', new URL(url).pathname);
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** Each script with its gzipped size, largest first: what to look at when the budget is missed. */
function breakdown(urls: Set<string>): Record<string, number> {
  const sizes = [...urls].map((url) => [new URL(url).pathname, gzippedSize(url)] as const);
  return Object.fromEntries(sizes.sort((a, b) => b[1] - a[1]));
}

function recordScripts(page: Page): Set<string> {
  const urls = new Set<string>();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' && r.url().includes('/assets/')) urls.add(r.url());
  });
  return urls;
}

test('the first load stays under 150 KB of gzipped JavaScript', async ({ page }, testInfo) => {
  const signInScripts = recordScripts(page);
  await page.goto('/sign-in');
  await expect(page.locator('#email')).toBeVisible();
  const signInBytes = gzipped(signInScripts);

  // A signed-in manager opening the app: the shell, the home page and its catalogs.
  await signIn(page, 'chef@samtal.demo');
  const homeScripts = recordScripts(page);
  await page.goto('/');
  await expect(page.locator('.person-card').first()).toBeVisible();
  const homeBytes = gzipped(homeScripts);

  await testInfo.attach('first-load.json', {
    body: JSON.stringify(
      {
        signInBytes,
        homeBytes,
        signIn: breakdown(signInScripts),
        home: breakdown(homeScripts),
      },
      null,
      2,
    ),
    contentType: 'application/json',
  });
  console.log(
    `first load: sign-in ${(signInBytes / 1024).toFixed(1)} KB, manager home ${(homeBytes / 1024).toFixed(1)} KB (gzip)`,
  );
  if (homeBytes >= LIMIT) console.log('manager home scripts (gzip bytes):', breakdown(homeScripts));
  expect(signInBytes).toBeLessThan(LIMIT);
  expect(homeBytes).toBeLessThan(LIMIT);
});
