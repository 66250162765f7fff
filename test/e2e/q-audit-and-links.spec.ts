import { expect, openAdminMenu, shot, signIn, test } from './support';

test('HR asks for a new password for a manager who has signed in: it is sent to her, HR sees no link', async ({
  page,
}, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  await page.goto('/people?q=Maria');
  await page.getByRole('link', { name: 'Maria Lindqvist' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maria Lindqvist' })).toBeVisible();
  await expect(page.getByText('Maria Lindqvist har loggat in i Samtal tidigare.')).toBeVisible();

  await page.getByRole('button', { name: 'Skicka en länk för nytt lösenord' }).click();
  await expect(
    page.getByText(
      'Skickad till adressen som Maria Lindqvist loggar in med. Ingen annan har fått länken.',
    ),
  ).toBeVisible();
  await expect(page.getByText(/^Den fungerar en gång, till /)).toBeVisible();
  // No link anywhere on the page for HR to use.
  await expect(page.getByRole('textbox', { name: /länk/i })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('/set-password');
  await shot(page, testInfo, 'q1-reset-sent');

  // HR's own roles cannot be changed by HR.
  await page.goto('/people?q=Helena');
  await page
    .getByRole('link', { name: /^Helena/ })
    .first()
    .click();
  await expect(
    page.getByText('Du kan inte ändra dina egna roller', { exact: false }),
  ).toBeVisible();
  await expect(page.getByLabel('HR', { exact: true })).toBeDisabled();
});

test('an administrator reads the audit log, filters it and exports it', async ({
  page,
}, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  await openAdminMenu(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Granskningslogg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Granskningslogg' })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table).toContainText('Loggade in');
  await expect(table).toContainText('Återställningslänk mejlad');

  // Only the reset links, and only those concerning Maria.
  await page.getByLabel('Händelse').selectOption({ label: 'Återställningslänk mejlad' });
  await page.getByLabel('Person', { exact: true }).fill('Maria');
  await page
    .getByRole('list', { name: 'Personer som matchar' })
    .getByRole('button', { name: 'Maria Lindqvist' })
    .click();
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page).toHaveURL(/kind=auth\.reset_sent/);
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toContainText('Återställningslänk mejlad');
  await expect(rows.first()).toContainText('Maria Lindqvist');
  await expect(rows.first()).toContainText('begärd av HR');
  for (const row of await rows.all()) await expect(row).toContainText('Återställningslänk mejlad');
  await shot(page, testInfo, 'q2-audit-log');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exportera CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await (await file.createReadStream()).toArray();
  const csv = Buffer.concat(text).toString('utf8');
  expect(csv.startsWith('\uFEFFTid (UTC);Händelse;')).toBe(true);
  expect(csv).toContain('auth.reset_sent');

  // The export itself is in the log.
  await page.getByRole('button', { name: 'Rensa filter' }).click();
  await expect(table.locator('tbody tr').first()).toContainText('Granskningslogg exporterad');
});
