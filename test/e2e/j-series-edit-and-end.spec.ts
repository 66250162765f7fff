import { expect, shot, signIn, test } from './support';

test('a manager changes a series from the next meeting on, then ends it; the history stays', async ({
  page,
}, testInfo) => {
  await signIn(page, 'chef@samtal.demo');
  const sara = page.locator('.report-card').filter({ hasText: 'Sara Nilsson' });
  await sara.getByRole('link', { name: 'Boka 1-1 samtal med Sara Nilsson' }).click();
  await page.getByRole('radio', { name: 'Varje vecka' }).check();
  await page.getByRole('radio', { name: 'Videosamtal' }).check();
  await page.getByLabel('Länk till videosamtalet (valfritt)').fill('https://meet.example.com/sara');
  await page.getByRole('button', { name: 'Boka 1-1 samtal med Sara Nilsson' }).click();
  await expect(page.getByText('1-1 serien är bokad.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'anslut till samtalet' })).toHaveAttribute(
    'href',
    'https://meet.example.com/sara',
  );

  await page.getByRole('link', { name: 'Ändra serien' }).click();
  await expect(
    page.getByText('Ändringarna gäller bara kommande möten.', { exact: false }),
  ).toBeVisible();
  await page.getByRole('radio', { name: 'Var tredje vecka' }).check();
  await page.getByLabel('Tid', { exact: true }).fill('14:30');
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  await expect(page.getByText('Serien är ändrad från och med nästa möte.')).toBeVisible();
  await expect(page.locator('.page__intro')).toContainText(/^Var tredje \p{L}+ kl\. 14:30$/u);
  const upcoming = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Nästa möten' }) });
  await expect(upcoming.locator('.meeting-row').first()).toContainText('kl. 14:30');

  await page.getByRole('button', { name: 'Avsluta serien' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Avsluta serien' }).click();
  await expect(dialog.getByText('Skriv en kort anledning.')).toBeVisible();
  await dialog.getByLabel('Anledning').fill('Sara går över till ett annat team');
  await dialog.getByRole('button', { name: 'Avsluta serien' }).click();
  await expect(page.getByText(/^Serien avslutades /)).toBeVisible();
  await expect(upcoming.locator('.meeting-row--cancelled').first()).toContainText(
    'Anledning: Sara går över till ett annat team',
  );
  await expect(page.getByRole('button', { name: 'Avsluta serien' })).toBeHidden();
  await shot(page, testInfo, 'j1-series-ended');

  await page.getByRole('navigation').getByRole('link', { name: 'Start' }).click();
  await expect(sara).toContainText('Inga 1-1 samtal bokade.');
});
