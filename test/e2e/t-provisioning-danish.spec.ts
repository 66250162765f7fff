import type { Locator, TestInfo } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, signIn, test } from './support';

/** A screenshot of the provisioning section alone (the settings page is long). */
async function sectionShot(section: Locator, testInfo: TestInfo, name: string) {
  const file = `test-results/screens/${name}.png`;
  await section.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

test.use({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });

test('an administrator creates a provisioning token, sees it once, and revokes it (in Danish)', async ({
  page,
}, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  await page.goto('/settings');
  // The demo's administrator reads Swedish; this journey switches to Danish and back.
  await page.getByLabel('Språk', { exact: true }).selectOption('da');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  try {
    const section = page.getByRole('region', { name: 'Provisionering (SCIM)' });
    await expect(section).toContainText('/scim/v2');
    await section.getByRole('button', { name: 'Opret token' }).click();
    await expect(section.getByText('Feltet skal udfyldes.')).toBeVisible();
    await section.getByLabel('Navn', { exact: true }).fill('Entra ID (produktion)');
    await section.getByRole('button', { name: 'Opret token' }).click();
    await expect(section.getByText('Kopiér det nu: det vises ikke igen.')).toBeVisible();
    const secret = await section.getByLabel('Token', { exact: true }).inputValue();
    expect(secret).toMatch(/^samtal_scim_/);
    const tokens = section.getByRole('list', { name: 'Provisioneringstokens' });
    await expect(tokens).toContainText('Entra ID (produktion)');
    await expect(tokens).toContainText('aldrig brugt');
    await sectionShot(section, testInfo, 't1-token-created');
    await expectAccessible(page, 'provisioning section', 'section:has(#provisioning-heading)');

    // The identity provider uses it (no cookie: a fresh request context).
    const scim = await page.context().request.fetch('/scim/v2/Users?count=1', {
      headers: { authorization: `Bearer ${secret}`, cookie: '' },
    });
    expect(scim.status()).toBe(200);
    expect((await scim.json()).totalResults).toBeGreaterThan(0);

    await page.reload();
    await expect(tokens).toContainText('sidst brugt');
    // Shown once: after a reload the secret is nowhere on the page.
    await expect(page.getByText(secret)).toHaveCount(0);
    await tokens.getByRole('button', { name: 'Tilbagekald Entra ID (produktion)' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('stopper med det samme');
    await dialog.getByRole('button', { name: 'Tilbagekald' }).click();
    await expect(tokens).toContainText('Tilbagekaldt');
    await sectionShot(section, testInfo, 't2-token-revoked');
    const refused = await page.context().request.fetch('/scim/v2/Users', {
      headers: { authorization: `Bearer ${secret}`, cookie: '' },
    });
    expect(refused.status()).toBe(401);
  } finally {
    await page.goto('/settings');
    await page.getByLabel('Sprog', { exact: true }).selectOption('sv');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  }
});
