/**
 * Accessibility of the main pages (issue #17): axe-core, the engine behind most accessibility
 * audits, runs in each page against WCAG 2.1 A and AA. Any violation fails the journey, with
 * the rule, the elements and axe's help link in the message.
 */
import { expectAccessible as audit } from './axe';
import { expect, openAdminMenu, signIn, test } from './support';

test('the sign-in page passes axe (WCAG 2.1 AA)', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.locator('#email')).toBeVisible();
  await audit(page, 'sign-in');
});

test("a manager's home, team and meeting pages pass axe", async ({ page }) => {
  await signIn(page, 'chef@samtal.demo');
  await audit(page, 'manager home');
  await page.getByRole('navigation').getByRole('link', { name: 'Mitt team' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await audit(page, 'team');
  await page.goto('/');
  const next = page.locator('a[href*="/one-on-ones/meetings/"]').first();
  await next.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Agenda' })).toBeVisible();
  await audit(page, 'meeting');
});

test("an employee's home passes axe", async ({ page }) => {
  await signIn(page, 'medarbetare@samtal.demo');
  await audit(page, 'employee home');
});

test("HR's people, statistics and audit pages pass axe", async ({ page }) => {
  await signIn(page, 'hr@samtal.demo');
  await audit(page, 'HR home');
  await page.goto('/people');
  await expect(page.getByRole('table')).toBeVisible();
  await audit(page, 'people');
  await openAdminMenu(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Statistik' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'HR-statistik' })).toBeVisible();
  await audit(page, 'statistics');
  await page.goto('/admin/audit');
  await expect(page.getByRole('table')).toBeVisible();
  await audit(page, 'audit log');
  await page.goto('/admin/mailbox');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await audit(page, 'mailbox');
});

test("a Danish manager's home and own mail pass axe", async ({ page }) => {
  await signIn(page, 'leder@samtal.demo');
  await audit(page, 'Danish manager home');
  await page.goto('/mail');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await audit(page, 'my mail');
});
