import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support';

const LIMIT = 150 * 1024;

/** Gzipped bytes of every script the page loaded (read from the build, as the server sends it). */
function gzipped(urls: Set<string>): number {
  let total = 0;
  for (const url of urls) {
    const file = path.join('dist/web', new URL(url).pathname);
    total += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  }
  return total;
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
      { signInBytes, homeBytes, signInScripts: signInScripts.size, homeScripts: homeScripts.size },
      null,
      2,
    ),
    contentType: 'application/json',
  });
  console.log(
    `first load: sign-in ${(signInBytes / 1024).toFixed(1)} KB, manager home ${(homeBytes / 1024).toFixed(1)} KB (gzip)`,
  );
  expect(signInBytes).toBeLessThan(LIMIT);
  expect(homeBytes).toBeLessThan(LIMIT);
});
