import { expect, fitsWidth, shot, signIn, test } from './support';

/** A date `days` from today as YYYY-MM-DD (UTC is close enough for a form date). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('HR puts the salary round before the development round; the Norwegian manager sees the order', async ({
  page,
}, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  const openRound = async (kind: string, template: string | null, name: string) => {
    await page.goto('/rounds/new');
    await page.getByLabel('Typ av samtal').selectOption({ label: kind });
    if (template) await page.getByLabel('Mall', { exact: true }).selectOption({ label: template });
    await page.getByLabel('Namn').fill(name);
    await page.getByLabel('Perioden börjar').fill(day(1));
    await page.getByLabel('Perioden slutar').fill(day(60));
    await page.getByLabel('Sista dag', { exact: true }).fill(day(45));
    await page
      .getByLabel('Avdelning', { exact: true })
      .selectOption({ label: 'Ledning › Kontor Oslo' });
  };

  // First the salary round: it looks back, and comes first.
  await openRound('Lönesamtal', null, 'Lönesamtal Oslo');
  // The order is asked only of a development round.
  await expect(page.getByRole('group', { name: 'Lönesamtalet först' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  await expect(page.getByText(/samtal skapades i ”Lönesamtal Oslo”/)).toBeVisible();

  // Then the development round, which requires the salary conversation first.
  await openRound('Medarbetarsamtal', null, 'Medarbetarsamtal Oslo med lön först');
  const order = page.getByRole('group', { name: 'Lönesamtalet först' });
  await order.getByLabel('Lönesamtalsomgång som hålls först').selectOption({
    label: 'Lönesamtal Oslo',
  });
  await order.getByLabel(/^Kräv:/).check();
  await shot(page, testInfo, 't1-round-salary-first');
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  await expect(
    page.getByText(/samtal skapades i ”Medarbetarsamtal Oslo med lön först”/),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Till omgången' }).click();
  await expect(page.getByText('Lönesamtalen i ”Lönesamtal Oslo” måste hållas först')).toBeVisible();

  // Kari, who leads Kontor Oslo, sees the order next to Ola's development conversation.
  await page.context().clearCookies();
  await signIn(page, 'leiar@samtal.demo');
  await page.goto('/conversations');
  const group = page.getByRole('region', { name: 'Med teamet ditt' }).locator('.card.conv-group', {
    has: page.getByRole('heading', { name: /Medarbetarsamtal Oslo med lön först/ }),
  });
  await expect(group.getByText('Lønnssamtalen må holdes først')).toBeVisible();
  await shot(page, testInfo, 't2-manager-list-order');
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await fitsWidth(page)).toBe(true);
});
