/**
 * "Forgot your password?" from the sign-in page, with the mail really sent: this journey runs
 * its own Samtal (demo organisation, own data folder) that delivers through a local SMTP
 * server, and reads the link from the mail that arrived there.
 */
import { textOf, ownSamtalFor } from './own-samtal';
import { expect, shot, test } from './support';

const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const { smtp, base: BASE, mailTo } = ownSamtalFor({ port: PORT, host: '127.0.0.1', name: 'mail' });

test.describe.configure({ timeout: 180_000 });

test('a manager who forgot her password gets a link by mail and chooses a new one', async ({
  page,
}, testInfo) => {
  await page.goto(`${BASE}/sign-in`);
  await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glömt lösenordet?' })).toBeVisible();
  await page.getByLabel('E-postadress').fill('chef@samtal.demo');
  await page.getByRole('button', { name: 'Skicka länk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Titta i din inkorg' })).toBeVisible();
  await expect(
    page.getByText(/^Om chef@samtal\.demo hör till ett konto i Samtal är en länk på väg\./),
  ).toBeVisible();
  await shot(page, testInfo, 'r1-forgot-sent');

  // An address without an account gets the very same answer, and no mail goes anywhere.
  await page.goto(`${BASE}/forgot-password`);
  await page.getByLabel('E-postadress').fill('ingen@samtal.demo');
  await page.getByRole('button', { name: 'Skicka länk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Titta i din inkorg' })).toBeVisible();

  const mail = await mailTo('chef@samtal.demo');
  const text = textOf(mail);
  expect(text).toContain('Någon, troligen du, har bett om en länk');
  const link = /(http:\/\/\S+\/set-password#[A-Za-z0-9_-]{20,})/.exec(text)?.[1];
  expect(link).toBeDefined();
  expect(smtp.received.filter((m) => m.to.includes('ingen@samtal.demo'))).toHaveLength(0);

  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Välj ditt lösenord' })).toBeVisible();
  await page.getByLabel('Nytt lösenord').fill('ett nytt långt lösenord');
  await page.getByLabel('Upprepa lösenordet').fill('ett nytt långt lösenord');
  await page.getByRole('button', { name: 'Spara lösenordet' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ditt lösenord är sparat' }),
  ).toBeVisible();
  await shot(page, testInfo, 'r2-new-password');

  // She is told her password changed, at the same address.
  const changed = await (async () => {
    for (let i = 0; i < 240; i++) {
      const m = smtp.received.filter((x) => x.to.includes('chef@samtal.demo'));
      if (m.length >= 2) return m[1]!;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('no mail about the changed password');
  })();
  expect(textOf(changed)).toContain('Lösenordet till ditt konto i Samtal ändrades');

  await page.getByRole('link', { name: 'Till inloggningen' }).click();
  await page.locator('#email').fill('chef@samtal.demo');
  await page.locator('#password').fill('ett nytt långt lösenord');
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('nav#main-nav')).toBeAttached();
});
