import { strFromU8, unzipSync } from 'fflate';
import fs from 'node:fs';
import { expect, shot, signIn, test } from './support';

test('an employee downloads their data; the admin sets retention and erases a person who left', async ({
  page: employee,
  browser,
}, testInfo) => {
  let page = employee;
  await signIn(page, 'medarbetare@samtal.demo');
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Mina uppgifter' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Ladda ner mina uppgifter' }).click();
  const file = await (await download).path();
  const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
  expect(strFromU8(files['README.txt']!)).toContain('Dina uppgifter i Samtal');
  expect(JSON.parse(strFromU8(files['profile.json']!))[0].email).toBe('medarbetare@samtal.demo');
  // An employee has no retention settings.
  await expect(page.getByRole('heading', { name: 'Lagringstider' })).toHaveCount(0);

  page = await browser.newPage({ locale: 'sv-SE' });
  await signIn(page, 'hr@samtal.demo');
  await page.goto('/settings');
  await page.getByLabel('Standard för').selectOption('DK');
  await expect(page.getByLabel('Radera personer som slutat efter (dagar)')).toHaveValue('1825');
  // Each kind of data on its own; an empty box follows the country's default.
  const salary = page.getByLabel('Lönebesked (dagar)');
  await expect(salary).toHaveValue('');
  await expect(page.getByText('Landets standard: 1825 dagar').first()).toBeVisible();
  await salary.fill('5');
  await page.getByRole('button', { name: 'Spara lagringstider' }).click();
  await expect(salary).toHaveAttribute('aria-invalid', 'true');
  await expect(salary).toBeFocused();
  await salary.fill('');
  await page.getByLabel('Privata anteckningar och reflektioner (dagar)').fill('200');
  await page.getByRole('button', { name: 'Spara lagringstider' }).click();
  await expect(page.getByText('Sparat.')).toBeVisible();
  await expect(salary).not.toHaveAttribute('aria-invalid', 'true');
  await shot(page, testInfo, 'y1-retention');

  await page.goto('/people?search=Sara');
  await page.getByRole('link', { name: /Sara Nilsson/ }).click();
  await page.getByRole('button', { name: 'Inaktivera' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Inaktivera' }).click();
  await page.getByRole('button', { name: 'Radera person' }).click();
  const dialog = page.getByRole('dialog');
  // Before typing the name: what goes and what is kept and why, in counts only.
  const preview = dialog.getByTestId('erasure-preview');
  await expect(preview.getByRole('heading', { name: 'Det här raderas' })).toBeVisible();
  await expect(
    preview.getByRole('heading', { name: 'Det här finns kvar, och varför' }),
  ).toBeVisible();
  await expect(preview).toContainText(/\d+ (post|poster) i granskningsloggen/);
  await expect(preview).toContainText('Statistiken finns kvar som sammanställningar');
  await shot(page, testInfo, 'y2-erasure-preview');
  await dialog.getByRole('textbox').fill('Sara');
  await dialog.getByRole('button', { name: 'Radera person' }).click();
  await expect(dialog).toContainText('Skriv personens namn exakt');
  await dialog.getByRole('textbox').fill('Sara Nilsson');
  await dialog.getByRole('button', { name: 'Radera person' }).click();
  await expect(page.getByText('Personen är raderad.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Tidigare anställd' })).toBeVisible();
  await shot(page, testInfo, 'y2-erased');
});
