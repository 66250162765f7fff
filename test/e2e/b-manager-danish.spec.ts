import { expect, openPersonMenu, shot, signIn, test } from './support';

test.use({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });

test('a Danish manager sees their direct reports with Danish texts', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();

  await signIn(page, 'leder@samtal.demo');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Mads' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '2 medarbejdere' })).toBeVisible();
  const team = page.locator('.person-cards');
  await expect(team.getByText('Sofie Hansen')).toBeVisible();
  await expect(team.getByText('Lars Poulsen')).toBeVisible();
  await expect(team).toContainText('Konsulent');
  await expect(team).toContainText('Kontor København');

  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await expect(nav.getByRole('link')).toHaveText([
    'Forside',
    'Mit team',
    'Coaching',
    'Mine aktioner',
    'Samtaler',
  ]);
  // My mail, settings and signing out sit under the person's name.
  await openPersonMenu(page);
  await expect(page.getByRole('link', { name: 'Mine mails' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Indstillinger' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible();
  await shot(page, testInfo, 'b1-manager-home-danish');

  await nav.getByRole('link', { name: 'Mit team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mit team' })).toBeFocused();
  await expect(page.locator('.person-card')).toHaveCount(2);
});
