import { expect, openAdminMenu, shot, signIn, test } from './support';

test('HR adds, renames, moves and deletes a unit; a unit with people is not deleted', async ({
  page,
}, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  await openAdminMenu(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Avdelningar' }).click();
  const tree = page.getByRole('list', { name: 'Organisationen' });
  // A unit's own list item (not its parents'), and the group of its buttons.
  const unit = (name: string) =>
    tree.locator(`li.tree__item:has(> .tree__row .tree__name:text-is("${name}"))`);
  const actions = (name: string) => tree.getByRole('group', { name, exact: true });

  await page.getByLabel('Namn', { exact: true }).fill('Projektkontor');
  await page.getByLabel('Placera under').selectOption({ label: 'Ledning' });
  await page.getByRole('button', { name: 'Lägg till enhet' }).click();
  await expect(page.getByText('”Projektkontor” har lagts till.')).toBeVisible();
  await expect(unit('Projektkontor').locator('.tree__count').first()).toHaveText('inga personer');

  await actions('Projektkontor').getByRole('button', { name: 'Byt namn' }).click();
  await page.getByLabel('Nytt namn').fill('PMO');
  await page.getByRole('button', { name: 'Spara namnet' }).click();
  await expect(page.getByText('Enheten heter nu ”PMO”.')).toBeVisible();

  await actions('PMO').getByRole('button', { name: 'Flytta' }).click();
  await page.getByLabel('Placera ”PMO” under').selectOption({ label: 'Ledning › Kontor Oslo' });
  await page.getByRole('button', { name: 'Flytta enheten' }).click();
  await expect(page.getByText('”PMO” har flyttats.')).toBeVisible();
  await expect(unit('Kontor Oslo').locator('.tree__children')).toContainText('PMO');

  // Kontor Oslo has people and a sub-unit: the server refuses, and says why.
  await actions('Kontor Oslo').getByRole('button', { name: 'Ta bort' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ta bort' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Enheten har fortfarande personer eller underenheter. Flytta dem först.',
  );
  await shot(page, testInfo, 'g1-department-not-empty');

  await actions('PMO').getByRole('button', { name: 'Ta bort' }).click();
  await page
    .getByRole('dialog', { name: 'Ta bort ”PMO”?' })
    .getByRole('button', { name: 'Ta bort' })
    .click();
  await expect(page.getByText('”PMO” har tagits bort.')).toBeVisible();
  await expect(unit('PMO')).toHaveCount(0);
});

test('the people list loads more on request', async ({ page }) => {
  await signIn(page, 'hr@samtal.demo');
  const lines = ['email,name,department'];
  for (let i = 1; i <= 30; i++) {
    const n = String(i).padStart(2, '0');
    lines.push(`vikarie${n}@samtal.demo,Vikarie ${n},Ledning / Vikariepoolen`);
  }
  await page.goto('/import');
  await page.getByLabel('CSV-fil').setInputFiles({
    name: 'vikarier.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\r\n'), 'utf8'),
  });
  await page.getByRole('button', { name: 'Kontrollera filen' }).click();
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(page.getByText('Importen är klar.')).toBeVisible();

  await page.goto('/people?q=Vikarie');
  await expect(page.getByText('Visar 25 personer – det finns fler')).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(25);
  await page.getByRole('button', { name: 'Visa fler' }).click();
  await expect(page.getByText('Visar 30 personer', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Vikarie 30' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Visa fler' })).toHaveCount(0);
});
