import { expect, fitsWidth, openPersonMenu, shot, signIn, test } from './support';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('the manager home fits a phone screen without sideways scrolling', async ({
  page,
}, testInfo) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'e0-phone-sign-in');

  await signIn(page, 'chef@samtal.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Maria' })).toBeVisible();
  await expect(page.locator('.person-card').first()).toBeVisible();
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'e1-phone-manager-home');

  // The navigation folds into a menu button on a phone.
  const menu = page.getByRole('button', { name: 'Meny' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('navigation')).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Mitt team' })).toBeVisible();
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'e2-phone-menu-open');

  await openPersonMenu(page);
  await page.getByRole('link', { name: 'Inställningar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inställningar' })).toBeVisible();
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'e3-phone-settings');
});

test('the HR people list and import page fit a phone screen', async ({ page }, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  await page.goto('/people');
  await expect(page.getByRole('link', { name: 'Anders Ek' })).toBeVisible();
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'e4-phone-people');
  await page.goto('/departments');
  await expect(page.getByText('Hemtjänst Norr').first()).toBeVisible();
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'e5-phone-departments');
});
