import { expect, openAdminMenu, shot, signIn, test } from './support';

const HEADER = 'email,name,employee_number,job_title,department,manager';
const GOOD = [
  'nora.lind@samtal.demo,Nora Lind,E100,Sjuksköterska,Ledning / Vård och omsorg / Hemtjänst Syd,D010',
  'olle.berg@samtal.demo,Olle Berg,E101,Undersköterska,Ledning / Vård och omsorg / Hemtjänst Syd,E100',
];
const csv = (lines: string[]) => Buffer.from([HEADER, ...lines].join('\n') + '\n', 'utf8');

test('HR imports a CSV in Swedish: a bad row is shown by line and nothing is stored, then the fixed file goes in', async ({
  page,
}, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Helena' })).toBeVisible();
  await openAdminMenu(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importera personer' })).toBeFocused();

  // Line 4 has an e-mail address that is not one.
  await page.getByLabel('CSV-fil').setInputFiles({
    name: 'personal.csv',
    mimeType: 'text/csv',
    buffer: csv([
      ...GOOD,
      'pia-holm-at-samtal.demo,Pia Holm,E102,Undersköterska,Ledning / Vård och omsorg / Hemtjänst Syd,E100',
    ]),
  });
  await page.getByRole('button', { name: 'Kontrollera filen' }).click();
  const problems = page.getByRole('table', { name: 'Fel i filen' });
  await expect(problems).toBeVisible();
  await expect(page.getByText('1 rad har ett fel. Ingenting importerades.')).toBeVisible();
  const row = problems.getByRole('row').filter({ hasText: 'Rad 4' });
  await expect(row).toContainText('pia-holm-at-samtal.demo');
  await expect(problems.getByRole('row')).toHaveCount(2); // header + the one bad line
  await expect(page.getByRole('button', { name: 'Importera', exact: true })).toHaveCount(0);
  await shot(page, testInfo, 'a1-import-bad-row');

  // Nothing was stored.
  await openAdminMenu(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Personer' }).click();
  await page.getByLabel('Sök', { exact: true }).fill('Nora');
  await expect(page.getByText('Ingen matchar sökningen.')).toBeVisible();

  // Fix the line, check again, then import.
  await openAdminMenu(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Import', exact: true }).click();
  await page.getByLabel('CSV-fil').setInputFiles({
    name: 'personal.csv',
    mimeType: 'text/csv',
    buffer: csv([
      ...GOOD,
      'pia.holm@samtal.demo,Pia Holm,E102,Undersköterska,Ledning / Vård och omsorg / Hemtjänst Syd,E100',
    ]),
  });
  await page.getByRole('button', { name: 'Kontrollera filen' }).click();
  await expect(page.getByText('Filen ser bra ut. Ingenting är sparat ännu.')).toBeVisible();
  const summary = page.locator('dl.summary');
  await expect(summary).toContainText('Nya personer3');
  await expect(summary).toContainText('Nya avdelningar1');
  await shot(page, testInfo, 'a2-import-checked');

  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(page.getByText('Importen är klar.')).toBeVisible();
  await shot(page, testInfo, 'a3-import-applied');

  await page.getByRole('link', { name: 'Se personlistan' }).click();
  for (const name of ['Nora Lind', 'Olle Berg', 'Pia Holm']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await page
    .getByLabel('Avdelning')
    .selectOption({ label: 'Ledning › Vård och omsorg › Hemtjänst Syd' });
  await expect(page.getByRole('status')).toHaveText('Visar 3 personer');
  await expect(page.getByRole('row').filter({ hasText: 'Olle Berg' })).toContainText('Nora Lind');
  await shot(page, testInfo, 'a4-people-after-import');
});
