import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

/** Playwright's test, failing any journey in which the page throws an uncaught error. */
export const test = base.extend<{ noPageErrors: void }>({
  noPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await use();
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export const DEMO_PASSWORD = 'samtal-demo';

/** Signs in through the form (whatever the page language) and waits for the home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('nav#main-nav')).toBeAttached();
}

/**
 * Takes a full-page screenshot, attaches it to the report and keeps a copy under
 * test-results/screens/ for a person to look at.
 */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = path.join('test-results', 'screens');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** True when the page is no wider than the window (no sideways scrolling). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  );
}

/** Opens "Administration" in the main menu (HR's and administrators' pages). */
export async function openAdminMenu(page: Page): Promise<void> {
  const button = page.locator('#admin-menu-button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Opens the person's own menu in the top bar (my mail, settings, sign out). */
export async function openPersonMenu(page: Page): Promise<void> {
  const button = page.locator('#person-menu-button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}
