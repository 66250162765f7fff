import { expect, fitsWidth, shot, signIn, test } from './support';

/** A date `days` from today as YYYY-MM-DD (UTC is close enough for a form date). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('A manager books a salary conversation with a report on their own, without a round', async ({
  page,
}, testInfo) => {
  await signIn(page, 'chef@samtal.demo');
  await page.goto('/conversations');
  await page.getByRole('button', { name: 'Boka ett samtal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Boka ett samtal' });
  await dialog.getByLabel('Med', { exact: true }).selectOption({ label: 'Sara Nilsson' });
  await dialog.getByLabel('Typ av samtal').selectOption({ label: 'Lönesamtal' });
  // The kind explains itself: the salary conversation is kept apart.
  await expect(dialog.getByText(/Håll det skilt från medarbetarsamtalet/)).toBeVisible();
  await dialog.getByLabel('Datum').fill(day(9));
  await dialog.getByLabel('Tid', { exact: true }).fill('10:30');
  await shot(page, testInfo, 'u1-book-own-conversation');
  await dialog.getByRole('button', { name: 'Boka och skicka inbjudan' }).click();

  // The conversation's own page: booked, with Sara, outside any round.
  await expect(page).toHaveURL(/\/conversations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sara Nilsson');
  await expect(page.getByText('Lönesamtal').first()).toBeVisible();
  await page.goto('/conversations');
  const outside = page.locator('.card.conv-group', {
    has: page.getByRole('heading', { name: 'Utanför en omgång' }),
  });
  await expect(
    outside
      .getByRole('listitem')
      .filter({ hasText: 'Sara Nilsson' })
      .filter({ hasText: 'Lönesamtal' }),
  ).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'u2-own-conversation-listed');

  // From the home: a report without a development conversation this year can get one booked
  // straight away, without waiting for HR's round.
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto('/');
  await page.getByRole('link', { name: 'Boka ett medarbetarsamtal med Ahmed Hassan' }).click();
  const preset = page.getByRole('dialog', { name: 'Boka ett samtal' });
  await expect(preset.getByLabel('Med', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await expect(preset.getByLabel('Med', { exact: true }).locator('option:checked')).toHaveText(
    'Ahmed Hassan',
  );
  await expect(preset.getByLabel('Typ av samtal').locator('option:checked')).toHaveText(
    'Utvecklingssamtal',
  );
  await preset.getByRole('button', { name: 'Avbryt' }).click();
  await expect(preset).toHaveCount(0);
  await expect(page).toHaveURL(/\/conversations$/);
});
