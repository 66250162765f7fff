import type { Page } from '@playwright/test';
import { expect, openAdminMenu, shot, signIn, test } from './support';

async function chooseManager(page: Page, search: string, name: string) {
  await page.getByLabel('Chef', { exact: true }).fill(search);
  await page
    .getByRole('list', { name: 'Personer som matchar' })
    .getByRole('button', { name })
    .click();
  await expect(page.locator('#managerId-current')).toHaveText(new RegExp(`Nu: ${name}`));
}

test('HR adds a person, changes their manager, is stopped from making a reporting cycle, and deactivates them', async ({
  page,
}, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  await openAdminMenu(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Personer' }).click();
  await page.getByRole('link', { name: 'Lägg till person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lägg till en person' })).toBeFocused();

  // Required fields are checked before anything is sent, and focus goes to the first.
  await page.getByRole('button', { name: 'Lägg till person' }).click();
  const name = page.getByLabel('Namn', { exact: true });
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#name-error')).toHaveText('Fältet måste fyllas i.');

  await name.fill('Tove Test');
  await page.getByLabel('E-postadress').fill('tove.test@samtal.demo');
  await page.getByLabel('Befattning').fill('Samordnare');
  await page.getByLabel('Avdelning').selectOption({ label: 'Ledning › Vård och omsorg' });
  await page.getByLabel('Språk').selectOption('sv');
  await chooseManager(page, 'Maria', 'Maria Lindqvist');
  await shot(page, testInfo, 'c1-add-person');
  await page.getByRole('button', { name: 'Lägg till person' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Tove Test' })).toBeVisible();
  await expect(page.getByText('Tove Test har lagts till.')).toBeVisible();

  // A taken e-mail address is shown at its field.
  await page.getByLabel('E-postadress').fill('hr@samtal.demo');
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  await expect(page.locator('#email-error')).toHaveText(
    'Någon i organisationen har redan den här e-postadressen.',
  );
  await page.getByLabel('E-postadress').fill('tove.test@samtal.demo');

  // New manager: Erik Johansson.
  await page.getByRole('button', { name: 'Ta bort', exact: true }).click();
  await expect(page.locator('#managerId-current')).toHaveText('Ingen chef vald.');
  await chooseManager(page, 'Erik', 'Erik Johansson');
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  await expect(page.getByText('Ändringarna är sparade.')).toBeVisible();

  // Erik cannot get Tove as his manager: she reports to him.
  await page.getByRole('link', { name: 'Tillbaka till personer' }).click();
  await page.getByRole('link', { name: 'Erik Johansson' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Erik Johansson' })).toBeVisible();
  await page.getByRole('button', { name: 'Ta bort', exact: true }).click();
  await chooseManager(page, 'Tove', 'Tove Test');
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  const manager = page.getByLabel('Chef', { exact: true });
  await expect(manager).toHaveAttribute('aria-invalid', 'true');
  await expect(manager).toBeFocused();
  const error = page.locator('#managerId-error');
  await expect(error).toHaveText(
    'Den chefen rapporterar, direkt eller längre upp, till den här personen. Rapportvägar kan inte gå i cirkel.',
  );
  await expect(manager).toHaveAttribute('aria-describedby', /managerId-error/);
  await shot(page, testInfo, 'c2-manager-cycle-error');

  // Deactivate Tove, after confirming.
  await page.goto('/people?q=Tove');
  await page.getByRole('link', { name: 'Tove Test' }).click();
  await page.getByRole('button', { name: 'Inaktivera' }).click();
  const dialog = page.getByRole('dialog', { name: 'Inaktivera Tove Test?' });
  await expect(dialog).toBeVisible();
  await shot(page, testInfo, 'c3-confirm-deactivate');
  await dialog.getByRole('button', { name: 'Inaktivera' }).click();
  await expect(page.getByText('Personen är inaktiverad.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Återaktivera' })).toBeVisible();

  await page.getByRole('link', { name: 'Tillbaka till personer' }).click();
  await page.getByLabel('Sök', { exact: true }).fill('Tove');
  await expect(page.getByText('Ingen matchar sökningen.')).toBeVisible();
  // The box follows the address (a navigation, which may land a moment after the click).
  const inactive = page.getByLabel('Visa inaktiverade personer');
  await inactive.click();
  await expect(inactive).toBeChecked();
  await expect(page.getByRole('row').filter({ hasText: 'Tove Test' })).toContainText('Inaktiverad');
});
