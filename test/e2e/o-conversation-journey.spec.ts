import { expect, fitsWidth, shot, signIn, test } from './support';

/** A date `days` from today in Stockholm (ISO, for date inputs). */
function stockholmDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(
    new Date(),
  );
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

test('the employee has prepared; the manager books, prepares, sees both side by side and holds the meeting', async ({
  page,
}, testInfo) => {
  // The demo employee submitted their preparation; the manager has not: nothing is revealed.
  await signIn(page, 'medarbetare@samtal.demo');
  await page.getByRole('link', { name: 'Se samtalen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Samtal', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Maria Lindqvist' }).click();
  await expect(page.getByText(/^Inlämnad /)).toBeVisible();
  await expect(page.getByText('Maria Lindqvist har inte lämnat in ännu.')).toBeVisible();
  await expect(
    page.getByText('Svaren visas sida vid sida när ni båda har lämnat in'),
  ).toBeVisible();
  await shot(page, testInfo, 'o1-employee-prepared');
  await page.context().clearCookies();

  await signIn(page, 'chef@samtal.demo');
  await page.goto('/conversations');
  // Book Sara's conversation in one step.
  const sara = page.locator('.conv-list li').filter({ hasText: 'Sara' });
  await sara.getByRole('button', { name: 'Boka tid' }).click();
  await page.locator('#booking-date').fill(stockholmDay(9));
  await page.locator('#booking-time').fill('13:00');
  await page.getByRole('button', { name: 'Boka och skicka inbjudan' }).click();
  await expect(sara.getByText('Bokat', { exact: true })).toBeVisible();
  await shot(page, testInfo, 'o2-manager-list');

  // Erik's: the manager prepares, and only after submitting sees Erik's answers.
  await page.locator('.conv-list li').filter({ hasText: 'Erik' }).getByRole('link').click();
  await expect(page.getByText('Erik Johansson har lämnat in sin förberedelse.')).toBeVisible();
  await expect(page.getByText('Jag trivs bra i gruppen')).toHaveCount(0);
  await page.locator('#q-works_well').fill('Erik tar stort ansvar för de nya kollegorna.');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByText('Utkastet är sparat')).toBeVisible();
  await page.getByRole('button', { name: 'Lämna in', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Lämna in' }).click();
  await expect(page.getByText(/Jag trivs bra i gruppen/).first()).toBeVisible();
  await expect(
    page.getByText('Erik tar stort ansvar för de nya kollegorna.').first(),
  ).toBeVisible();
  // Revealed, the panel above both answers is no longer "your" preparation.
  await expect(
    page.getByRole('heading', { level: 2, name: 'Förberedelse', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Din förberedelse' })).toHaveCount(0);
  await shot(page, testInfo, 'o3-side-by-side');

  // The meeting: agreed notes per section, and a follow-up proposed for later.
  await page.getByRole('button', { name: 'Starta mötet' }).click();
  // Starting reveals both preparations: it is asked about first (decision 020).
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Håll samtalet nu|Starta nu/ })
    .click();
  await expect(page.locator('.meeting-meta').getByText('Hållet')).toBeVisible();
  const agreed = page.locator('.conv-section').first().locator('textarea').first();
  await agreed.fill('Vi är överens om att Erik blir handledare för två nyanställda.');
  await agreed.blur();
  await expect(page.locator('.conv-section').first().getByText('Sparat')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Uppföljning' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Boka uppföljningen' })).toBeVisible();
  await shot(page, testInfo, 'o4-meeting');

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'o5-meeting-phone');
});
