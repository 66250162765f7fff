import type { Page } from '@playwright/test';
import { expect, fitsWidth, openAdminMenu, openPersonMenu, shot, signIn, test } from './support';

test.use({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
// The calendar journey reads the meetings the first journey books.
test.describe.configure({ mode: 'serial' });

/**
 * Reloads the admin's mailbox until the newest row to this recipient is there and no longer
 * waiting to be sent.
 */
async function envelopeRow(page: Page, recipient: string) {
  const row = page.locator('tr.mailbox__row').filter({ hasText: recipient }).first();
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 1000 });
    await expect(row).toContainText('Gemt her', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  return row;
}

test('the admin mailbox shows envelopes only; Sofie reads her invitation and minutes under My mail, in Danish', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);

  // 1. The Danish manager books a 1:1 series with Sofie Hansen, 15 minutes blocked after each.
  await signIn(page, 'leder@samtal.demo');
  const sofie = page.locator('.report-card').filter({ hasText: 'Sofie Hansen' });
  await sofie.getByRole('link', { name: /^Book 1:1.samtaler med Sofie Hansen$/ }).click();
  await page.getByRole('radio', { name: 'Bloker 15 minutter efter hvert møde' }).check();
  await shot(page, testInfo, 'k01-booking-danish');
  await page.getByRole('button', { name: /^Book 1:1.samtaler med Sofie Hansen$/ }).click();
  await expect(page.getByText(/^1:1.serien er booket\.$/)).toBeVisible();

  // 2. The first meeting: start it and finish it, so the minutes go to Sofie.
  await page.goto('/');
  await sofie.locator('.report-card__facts a').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Sofie Hansen/ })).toBeVisible();
  await page.getByRole('button', { name: 'Start mødet' }).click();
  await page.getByRole('button', { name: 'Afslut mødet' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Afslut og send referatet' }).click();
  await expect(
    page.getByText('Mødet er afsluttet, og referatet er på vej til Sofie Hansen.'),
  ).toBeVisible();
  await shot(page, testInfo, 'k02-meeting-finished');
  await openPersonMenu(page);
  await page.getByRole('button', { name: 'Log ud' }).click();

  // 3. The admin switches to Danish and opens the mailbox: envelopes, no subjects, no bodies.
  await signIn(page, 'hr@samtal.demo');
  await page.goto('/settings');
  await page.locator('#settings-locale').selectOption('da');
  await expect(page.getByRole('heading', { level: 1, name: 'Indstillinger' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await openAdminMenu(page);
  await nav.getByRole('link', { name: 'Udbakke' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Udbakke' })).toBeVisible();
  await expect(page.getByText(/der ikke er sat en mailserver op/).first()).toBeVisible();
  await expect(page.getByText(/aldrig hvad der står i den/)).toBeVisible();

  await page.getByLabel('Type').selectOption({ label: 'Invitation' });
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page).toHaveURL(/kind=one_on_one\.invitation/);
  const invitation = await envelopeRow(page, 'Sofie Hansen');
  await expect(invitation).toContainText('Invitation');
  await expect(invitation).toContainText('.ics');
  await expect(invitation).toContainText('medarbejder@samtal.demo');
  // The subject names the meeting: not here, and nothing to open.
  await expect(invitation).not.toContainText('1:1-samtale med Mads Jensen');
  await expect(invitation.getByRole('link')).toHaveCount(0);

  await page.getByLabel('Type').selectOption({ label: 'Referat' });
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  const minutes = await envelopeRow(page, 'Sofie Hansen');
  await expect(minutes).toContainText('Referat');
  await expect(minutes).not.toContainText('Sofie Hansen:');
  await shot(page, testInfo, 'k03-mailbox-desktop');

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'k04-mailbox-phone');
  await page.setViewportSize({ width: 1280, height: 860 });

  // The old detail address answers "not found"; the list carries no subject.
  const listed = await (
    await page.request.get('/api/admin/mailbox?kind=one_on_one.minutes&limit=1')
  ).json();
  expect(listed.items[0].subject).toBeUndefined();
  expect((await page.request.get(`/api/admin/mailbox/${listed.items[0].id}`)).status()).toBe(404);

  // 4. Send again: queued at once, and kept here again (no mail server in the demo).
  await minutes.getByRole('button', { name: 'Send igen: Referat til Sofie Hansen' }).click();
  await expect(page.getByText('Mailen til Sofie Hansen sendes igen om et øjeblik.')).toBeVisible();
  const resent = await envelopeRow(page, 'Sofie Hansen');
  await expect(resent).toContainText('Sendt igen');
  await shot(page, testInfo, 'k05-mailbox-sent-again');

  // Back to the organisation's language, for the journeys after this one.
  await page.goto('/settings');
  await page.locator('#settings-locale').selectOption('');
  await expect(page.getByRole('heading', { level: 1, name: 'Inställningar' })).toBeVisible();
  await openPersonMenu(page);
  await page.getByRole('button', { name: 'Logga ut', exact: true }).click();

  // 5. Sofie reads her own mail in Samtal, as it was sent, in Danish.
  await signIn(page, 'medarbejder@samtal.demo');
  await openPersonMenu(page);
  await page.getByRole('link', { name: 'Mine mails' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine mails' })).toBeVisible();
  await page
    .getByRole('link', { name: /^1:1-samtale med Mads Jensen: / })
    .first()
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^1:1-samtale med Mads Jensen: / }),
  ).toBeVisible();
  const frame = page.locator('iframe.mail__frame');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(page.frameLocator('iframe.mail__frame').locator('body')).toContainText(
    'Mads Jensen',
  );
  await expect(page.locator('.mail__method')).toHaveText('METHOD:REQUEST');
  const ics = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Kalendervedhæftning' }) });
  await expect(ics).toContainText('Gentages');
  await expect(ics).toContainText('Hver anden uge');
  await expect(ics).toContainText('Sofie Hansen');
  await ics.getByText('.ics-filen, som den blev sendt').click();
  await expect(ics.locator('pre')).toContainText('BEGIN:VEVENT');
  await shot(page, testInfo, 'k06-own-invitation-desktop');
  // A full-page capture leaves the sandboxed frame blank; the frame's own section shows it.
  const looks = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Sådan ser den ud' }) });
  const file = testInfo.outputPath('k06b-own-invitation-html.png');
  await looks.screenshot({ path: file });
  await testInfo.attach('k06b-own-invitation-html', { path: file, contentType: 'image/png' });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'k07-own-invitation-phone');
  await page.setViewportSize({ width: 1280, height: 860 });

  await page.getByRole('link', { name: 'Tilbage til mine mails' }).click();
  await page
    .getByRole('link', { name: /^Referat/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Referat/ })).toBeVisible();
  await expect(page.locator('.mail__text')).toContainText('Sofie');
  await shot(page, testInfo, 'k08-own-minutes');
  await openPersonMenu(page);
  await page.getByRole('button', { name: 'Log ud' }).click();
});

test('a manager subscribes to their calendar, then replaces the address', async ({
  page,
}, testInfo) => {
  await signIn(page, 'leder@samtal.demo');
  await openPersonMenu(page);
  await page.getByRole('link', { name: 'Indstillinger' }).click();
  const feed = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Kalenderabonnement' }) });
  await expect(feed).toContainText('Du har ikke en abonnementsadresse endnu.');
  await feed.getByRole('button', { name: 'Opret adresse' }).click();
  const url = feed.getByRole('textbox', { name: 'Adresse (https)' });
  await expect(url).toHaveValue(/^https?:\/\/.+\/calendar\/.+\.ics$/);
  await expect(feed.getByRole('textbox', { name: 'Adresse (webcal)' })).toHaveValue(/^webcal:\/\//);
  await expect(feed.getByRole('link', { name: 'Åbn i kalender-app' })).toHaveAttribute(
    'href',
    /^webcal:/,
  );
  await shot(page, testInfo, 'k09-calendar-created');
  const first = await url.inputValue();

  const res = await page.request.get(first);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(await res.text()).toContain('BEGIN:VEVENT');

  // Replacing it asks first; the old address stops at once.
  await feed.getByRole('button', { name: 'Udskift adresse' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Udskift adresse' }).click();
  await expect(url).not.toHaveValue(first);
  await expect(url).toHaveValue(/\/calendar\/.+\.ics$/);
  await shot(page, testInfo, 'k10-calendar-replaced');
  expect((await page.request.get(first)).status()).toBe(404);
  expect((await page.request.get(await url.inputValue())).status()).toBe(200);

  // The mail choices: a wrong day count is shown at its field.
  const mail = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Mail', exact: true }) });
  await mail.getByLabel('Dage før mødet').fill('9');
  await mail.getByRole('button', { name: 'Gem mailvalg' }).click();
  await expect(page.locator('#addTopicsDays-error')).toHaveText('Vælg 1 til 7 dage.');
  await expect(mail.getByLabel('Dage før mødet')).toBeFocused();
  await mail.getByLabel('Dage før mødet').fill('3');
  await mail.getByLabel('Ugentligt overblik over forsinkede aktioner').uncheck();
  await mail.getByRole('button', { name: 'Gem mailvalg' }).click();
  await expect(mail.getByText('Dine mailvalg er gemt.')).toBeVisible();
  await page.reload();
  await expect(mail.getByLabel('Dage før mødet')).toHaveValue('3');
  await expect(mail.getByLabel('Ugentligt overblik over forsinkede aktioner')).not.toBeChecked();
  await shot(page, testInfo, 'k11-mail-settings');
});
