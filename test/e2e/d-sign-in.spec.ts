import { expect, openPersonMenu, shot, signIn, test } from './support';

test.use({ locale: 'en-GB' });

test('a wrong password is explained, the language can be switched before sign-in, and an employee has no HR pages', async ({
  page,
}, testInfo) => {
  await page.goto('/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  await page.getByLabel('E-mail address').fill('medarbetare@samtal.demo');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('The e-mail address or password is wrong.');
  await expect(alert).toBeFocused();
  await shot(page, testInfo, 'd1-wrong-password');

  await page.getByLabel('Language').selectOption('sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await expect(page.getByLabel('Lösenord')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await page.getByLabel('Språk').selectOption('nb');
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
  await page.getByLabel('Språk').selectOption('sv');

  // The server answers in the language chosen here, too.
  await page.getByLabel('E-postadress').fill('medarbetare@samtal.demo');
  await page.getByLabel('Lösenord').fill('still-not-it');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toHaveText('E-postadressen eller lösenordet är fel.');
  await shot(page, testInfo, 'd2-sign-in-swedish');

  await signIn(page, 'medarbetare@samtal.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Erik' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Dina 1-1 samtal' })).toBeVisible();
  await expect(page.locator('.details')).toContainText('Undersköterska');
  await expect(page.locator('.details')).toContainText(
    'Ledning › Vård och omsorg › Hemtjänst Norr',
  );
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(nav.getByRole('link')).toHaveText(['Start', 'Mina åtgärder', 'Samtal']);
  // No "Administration" for an employee.
  await expect(page.locator('#admin-menu-button')).toHaveCount(0);
  await shot(page, testInfo, 'd3-employee-home');

  await page.goto('/people');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible();
  await page.goto('/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible();
  await shot(page, testInfo, 'd4-no-access');

  await openPersonMenu(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
});
