import { expect, fitsWidth, openAdminMenu, shot, signIn, test } from './support';

test('HR reads the statistics in Swedish: units drill down, small groups stay hidden, the CSV is for Excel', async ({
  page,
}, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  await openAdminMenu(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Statistik' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'HR-statistik' })).toBeFocused();

  // The whole organisation: counts, and wellbeing of the last closed quarter (the demo has five
  // people who answered then: Ahmed and the four who meet the CEO).
  const total = page.getByRole('table', { name: 'Hela organisationen', exact: true });
  await expect(total.getByRole('rowheader')).toContainText('Hela organisationen');
  await expect(total).toContainText('5 har svarat');
  // Seed 003: who has gone a year without a signed development conversation, counted.
  await expect(total.locator('.stats__annual')).toHaveText(/^\d+ utan signerat på 12 mån$/);

  // Units: the top unit and its sub-units, with the chart beside the same numbers.
  const units = page.getByRole('table', { name: 'Per enhet (underenheter inräknade)' });
  await expect(units.getByRole('rowheader').first()).toContainText('Ledning');
  // A unit with fewer than five who answered keeps its wellbeing hidden.
  await expect(units.getByRole('row').filter({ hasText: 'Kontor Oslo' })).toContainText(
    'Dold: färre än 5 personer har svarat',
  );
  // ...and so does its yearly count when it has fewer than five employees.
  await expect(units.getByRole('row').filter({ hasText: 'Kontor Oslo' })).toContainText(
    '12 mån: dold, färre än 5',
  );
  await expect(page.getByRole('img', { name: 'Hållna 1-1 av planerade, per enhet' })).toBeVisible();
  // The chart library arrives lazily, after the numbers.
  await expect(page.locator('.stats__chart svg.recharts-surface').last()).toBeVisible();
  await shot(page, testInfo, 'p1-statistics');

  await units.getByRole('link', { name: 'Visa underenheterna till Vård och omsorg' }).click();
  await expect(page.getByRole('navigation', { name: 'Var du är' })).toContainText('Ledning');
  await expect(units.getByRole('rowheader').first()).toContainText('Vård och omsorg');
  await expect(units).toContainText('Hemtjänst Norr');

  // Managers: Maria's team is there, with counts only.
  const managers = page.getByRole('table', { name: 'Per chef' });
  await expect(managers).toContainText('Direkta medarbetare');

  // The CSV of what the page shows: byte-order mark, semicolons, Swedish headers.
  const href = await page
    .getByRole('link', { name: 'Ladda ner som CSV (Excel)' })
    .getAttribute('href');
  expect(href).toContain('/api/statistics/export.csv');
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  const body = await res.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.toString('utf8');
  expect(text).toContain('Grupp;Namn;Medarbetare;');
  expect(text).toContain('Hemtjänst Norr');

  // On a phone the tables become cards and nothing runs off the side.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(units.getByRole('rowheader').first()).toBeVisible();
  // (the chart lays itself out again for the new width)
  await expect.poll(() => fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'p2-statistics-phone');
});
