import { expect, openPersonMenu, shot, signIn, test } from './support';

test('a person switches language in settings and the whole interface follows at once', async ({
  page,
}, testInfo) => {
  await signIn(page, 'medarbejder@samtal.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Sofie' })).toBeVisible();
  await openPersonMenu(page);
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

test('HR invites someone who has never signed in; with the link they choose a password and sign in', async ({
  page,
  browser,
}, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  await page.goto('/people/new');
  await page.getByLabel('Namn', { exact: true }).fill('Nora Nykomling');
  await page.getByLabel('E-postadress').fill('nora@samtal.demo');
  await page.getByLabel('Språk').selectOption('nb');
  await page.getByRole('button', { name: 'Lägg till person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nora Nykomling' })).toBeVisible();
  await expect(page.getByText('Nora Nykomling har aldrig loggat in.')).toBeVisible();

  await page.getByRole('button', { name: 'Skapa inbjudningslänk' }).click();
  const link = page.getByLabel('Inbjudningslänk', { exact: true });
  await expect(link).toHaveValue(/\/set-password#.{20,}/);
  await expect(page.getByText(/^Gäller till /)).toBeVisible();
  await expect(page.getByText('Samma länk har mejlats till Nora Nykomling.')).toBeVisible();
  await page.getByRole('button', { name: 'Kopiera' }).click();
  await expect(page.getByText('Länken är kopierad.')).toBeVisible();
  await shot(page, testInfo, 'f2-invitation-link');
  const url = await link.inputValue();

  const other = await browser.newContext({ locale: 'nb-NO' });
  const nora = await other.newPage();
  await nora.goto(url);
  await expect(nora.getByRole('heading', { level: 1, name: 'Velg passordet ditt' })).toBeVisible();
  await nora.getByLabel('Nytt passord').fill('kort');
  await nora.getByLabel('Gjenta passordet').fill('annet');
  await nora.getByRole('button', { name: 'Lagre passordet' }).click();
  await expect(nora.locator('#password-error')).toBeVisible();
  await expect(nora.locator('#repeat-error')).toHaveText('De to passordene er ikke like.');
  await nora.getByLabel('Nytt passord').fill('et langt nytt passord');
  await nora.getByLabel('Gjenta passordet').fill('et langt nytt passord');
  await nora.getByRole('button', { name: 'Lagre passordet' }).click();
  await expect(nora.getByRole('heading', { level: 1, name: 'Passordet er lagret' })).toBeVisible();
  await shot(nora, testInfo, 'f3-password-set');

  // The invitation works once (a fresh load: the page dropped the link from its address).
  await nora.goto('about:blank');
  await nora.goto(url);
  await nora.getByLabel('Nytt passord').fill('et annet langt passord');
  await nora.getByLabel('Gjenta passordet').fill('et annet langt passord');
  await nora.getByRole('button', { name: 'Lagre passordet' }).click();
  await expect(nora.getByText(/^Lenken virker ikke lenger/)).toBeVisible();

  await nora.goto('/sign-in');
  await signIn(nora, 'nora@samtal.demo', 'et langt nytt passord');
  await expect(nora.getByRole('heading', { level: 1, name: /Nora/ })).toBeVisible();
  await other.close();

  // Now that she has signed in, HR gets no link for her any more: only a mailed one.
  await page.reload();
  await expect(page.getByText('Nora Nykomling har loggat in i Samtal tidigare.')).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Skicka en länk för nytt lösenord' }),
  ).toBeVisible();
});
