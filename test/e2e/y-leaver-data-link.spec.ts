/**
 * A leaver's subject access request (decision 024), on its own Samtal with a local SMTP server
 * (as the forgot-password journey): HR deactivates Sofie, who has left, enters the private
 * address she gave and has Samtal mail her a one-time link; "Sofie" opens it from the mail with
 * no session, in Danish, and downloads her data. The link works once.
 */
import { strFromU8, unzipSync } from 'fflate';
import fs from 'node:fs';
import { textOf, ownSamtalFor } from './own-samtal';
import { DEMO_PASSWORD, expect, shot, test } from './support';

const PORT = Number(process.env.E2E_PORT ?? 3100) + 52;
const {
  smtp,
  base: BASE,
  mailTo,
} = ownSamtalFor({
  port: PORT,
  host: '127.0.0.1',
  name: 'leaver',
  publicUrl: true,
});
const GIVEN = 'sofie.privat@example.net';

test.describe.configure({ timeout: 180_000 });

test('HR has a download link mailed to a leaver, who downloads her data once', async ({
  page,
  browser,
}, testInfo) => {
  await page.goto(`${BASE}/sign-in`);
  await page.locator('#email').fill('hr@samtal.demo');
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('nav#main-nav')).toBeAttached();

  await page.goto(`${BASE}/people?search=Sofie`);
  await page.getByRole('link', { name: /Sofie Hansen/ }).click();
  await page.getByRole('button', { name: 'Inaktivera' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Inaktivera' }).click();

  const section = page.getByRole('region', { name: 'Personuppgifter' });
  const address = section.getByLabel('Personens e-postadress');
  // A colleague's address is refused at the field: HR cannot route the data to the organisation.
  await address.fill('chef@samtal.demo');
  await section.getByRole('button', { name: 'Skicka länk' }).click();
  await expect(section.getByText('Adressen tillhör någon i er organisation')).toBeVisible();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await address.fill(GIVEN);
  await section.getByRole('button', { name: 'Skicka länk' }).click();
  await expect(
    section.getByText('En nedladdningslänk har skickats till s•••@example.net.'),
  ).toBeVisible();
  const envelopes = section.getByTestId('access-requests');
  await expect(envelopes).toContainText('till s•••@example.net: inte nedladdad än');
  await shot(page, testInfo, 'y3-leaver-link-sent');

  // The mail, in Sofie's language, went to the address she gave; nothing of it to HR.
  const mail = await mailTo(GIVEN);
  const text = textOf(mail);
  expect(text).toContain('Du har bedt om en kopi af dine persondata i Samtal');
  const link = /(http:\/\/\S+\/download-my-data\?lang=da#[A-Za-z0-9_-]{20,})/.exec(text)?.[1];
  expect(link).toBeDefined();
  expect(smtp.received.filter((m) => textOf(m).includes('/download-my-data'))).toHaveLength(1);

  // Sofie, with no session, opens it from her mail.
  const leaver = await browser.newPage({ locale: 'sv-SE' });
  await leaver.goto(link!);
  await expect(
    leaver.getByRole('heading', { level: 1, name: 'Dine data fra Samtal' }),
  ).toBeVisible();
  const download = leaver.waitForEvent('download');
  await leaver.getByRole('button', { name: 'Hent mine data' }).click();
  const file = await (await download).path();
  const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
  expect(strFromU8(files['README.txt']!)).toContain('Dine data i Samtal');
  expect(strFromU8(files['README.txt']!)).toContain('forbliver de forseglede');
  expect(JSON.parse(strFromU8(files['profile.json']!))[0].email).toBe('medarbejder@samtal.demo');
  await expect(leaver.getByText('Din fil er hentet. Linket virker ikke længere.')).toBeVisible();
  await shot(leaver, testInfo, 'y4-leaver-downloaded');

  // The link works once.
  await leaver.goto(link!);
  await leaver.getByRole('button', { name: 'Hent mine data' }).click();
  await expect(leaver.getByText('Downloadlinket er allerede brugt')).toBeVisible();
  await shot(leaver, testInfo, 'y5-leaver-link-used');

  await page.reload();
  await expect(page.getByTestId('access-requests')).toContainText(': nedladdad ');
});
