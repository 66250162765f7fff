import { DEMO_PASSWORD, expect, shot, signIn, test } from './support';

test('a person switches language in settings and the whole interface follows at once', async ({
  page,
}, testInfo) => {
  await signIn(page, 'medarbejder@samtal.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Sofie' })).toBeVisible();
  await page.getByRole('link', { name: 'Indstillinger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indstillinger' })).toBeFocused();

  await page.getByLabel('Sprog', { exact: true }).selectOption('nb');
  await expect(page.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expect(page.getByText('Språket er lagret.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Hjem' })).toBeVisible();

  // The sessions list shows this browser, with dates in Norwegian.
  const sessions = page.locator('.sessions');
  await expect(sessions).toContainText('Denne nettleseren');
  await expect(sessions).toContainText('Sist aktiv');
  await shot(page, testInfo, 'f1-settings-norwegian');

  // A wrong current password is shown at its field.
  await page.getByLabel('Nåværende passord').fill('wrong-password');
  await page.getByLabel('Nytt passord').fill('a-long-new-password');
  await page.getByRole('button', { name: 'Bytt passord' }).click();
  await expect(page.locator('#currentPassword-error')).toHaveText('Nåværende passord er feil.');
  await expect(page.getByLabel('Nåværende passord')).toBeFocused();

  // A time zone is found by typing part of its name.
  await page.getByLabel('Filtrer tidssoner').fill('helsin');
  await expect(page.getByLabel('Tidssone', { exact: true })).toHaveValue('Europe/Helsinki');
  await page.getByRole('button', { name: 'Lagre tidssone' }).click();
  await expect(page.getByText('Tidssonen er lagret.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Tidssone', { exact: true })).toHaveValue('Europe/Helsinki');

  // Back to the organisation's default (Swedish): the UI follows the organisation.
  await page.getByLabel('Språk', { exact: true }).selectOption('');
  await expect(page.getByRole('heading', { level: 1, name: 'Inställningar' })).toBeVisible();
  await page.getByLabel('Språk', { exact: true }).selectOption('da');
  await expect(page.getByRole('heading', { level: 1, name: 'Indstillinger' })).toBeVisible();
});

test('HR creates a sign-in link, and with it a person chooses a password and signs in', async ({
  page,
  browser,
}, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  await page.goto('/people?q=Ola');
  await page.getByRole('link', { name: 'Ola Nordmann' }).click();
  await page.getByRole('button', { name: 'Skapa inloggningslänk' }).click();
  const link = page.getByLabel('Länk', { exact: true });
  await expect(link).toHaveValue(/\/set-password#.{20,}/);
  await expect(page.getByText(/^Giltig till /)).toBeVisible();
  await page.getByRole('button', { name: 'Kopiera' }).click();
  await expect(page.getByText('Länken är kopierad.')).toBeVisible();
  await shot(page, testInfo, 'f2-sign-in-link');
  const url = await link.inputValue();

  const other = await browser.newContext({ locale: 'nb-NO' });
  const ola = await other.newPage();
  await ola.goto(url);
  await expect(ola.getByRole('heading', { level: 1, name: 'Velg passordet ditt' })).toBeVisible();
  await ola.getByLabel('Nytt passord').fill('kort');
  await ola.getByLabel('Gjenta passordet').fill('annet');
  await ola.getByRole('button', { name: 'Lagre passordet' }).click();
  await expect(ola.locator('#password-error')).toBeVisible();
  await expect(ola.locator('#repeat-error')).toHaveText('De to passordene er ikke like.');
  // He picks the demo password again, so later journeys (m) can still sign in as Ola.
  await ola.getByLabel('Nytt passord').fill(DEMO_PASSWORD);
  await ola.getByLabel('Gjenta passordet').fill(DEMO_PASSWORD);
  await ola.getByRole('button', { name: 'Lagre passordet' }).click();
  await expect(ola.getByRole('heading', { level: 1, name: 'Passordet er lagret' })).toBeVisible();
  await shot(ola, testInfo, 'f3-password-set');

  await ola.getByRole('link', { name: 'Gå til innlogging' }).click();
  await signIn(ola, 'ola@samtal.demo', DEMO_PASSWORD);
  await expect(ola.getByRole('heading', { level: 1, name: 'Hei, Ola' })).toBeVisible();
  await other.close();
});
