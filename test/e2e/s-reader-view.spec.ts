import type { Page } from '@playwright/test';
import { expect, shot, signIn, test } from './support';

/** Each text box of the page fits its own words: no word broken inside, no select cut off. */
async function lineCount(page: Page, text: string): Promise<number> {
  return page.evaluate((t) => {
    const el = [...document.querySelectorAll('.choice__label')].find((e) => e.textContent === t);
    if (!el) return -1;
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  }, text);
}

test.use({ viewport: { width: 1366, height: 860 } });

test('a Swedish manager reads the page from their own side, on a 1366 px laptop', async ({
  page,
}, testInfo) => {
  await signIn(page, 'chef@samtal.demo');
  // The conversations page holds salary and wellbeing conversations too: it is not "development".
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  await nav.getByRole('link', { name: 'Samtal', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Samtal', exact: true })).toBeVisible();
  await expect(page.getByText(/Utvecklings-, löne- och trivselsamtal/)).toBeVisible();

  // The employee's own section is named after the employee for the manager.
  await nav.getByRole('link', { name: 'Start' }).click();
  await page
    .locator('.report-card')
    .filter({ hasText: 'Ahmed Hassan' })
    .getByRole('link', { name: 'Öppna serien med Ahmed Hassan' })
    .click();
  const seriesUrl = page.url();
  await page.locator('a.meeting-row__date').first().click();
  await expect(page.getByRole('heading', { level: 3, name: 'Punkter från Ahmed' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 3, name: 'Något särskilt du vill ta upp?' }),
  ).toHaveCount(0);
  await shot(page, testInfo, 's1-manager-agenda');

  // "Promenadsamtal" stays one word in the place choices.
  await page.goto(`${seriesUrl}/edit`);
  await expect(page.getByText('Promenadsamtal', { exact: true })).toBeVisible();
  expect(await lineCount(page, 'Promenadsamtal')).toBe(1);

  // The task review's frequency shows its words.
  await page.goto(`${seriesUrl}/task-reviews`);
  await page
    .getByRole('link', { name: /^Startad/ })
    .last()
    .click();
  const frequency = page.getByRole('combobox', { name: 'Hur ofta 1' });
  await expect(frequency).toBeVisible();
  expect((await frequency.boundingBox())!.width).toBeGreaterThanOrEqual(140);
  await shot(page, testInfo, 's2-task-review');
});

test('HR sees open rounds and what needs attention; the statistics fit; no "ask HR" for HR', async ({
  page,
}, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  const rounds = page.getByRole('region', { name: 'Pågående omgångar' });
  await expect(rounds.getByRole('link', { name: 'Medarbetarsamtal 2026' })).toBeVisible();
  await expect(rounds).toContainText(/\d+ av \d+ signerade/);
  await expect(page.getByRole('region', { name: 'Behöver din uppmärksamhet' })).toBeVisible();
  await shot(page, testInfo, 's3-hr-home');

  await page.goto('/salary-outcomes');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible();
  await expect(page.getByText(/en administratör/)).toBeVisible();
  await expect(page.getByText(/be HR om/)).toHaveCount(0);

  // HR gives an organisation goal its text per language.
  await page.goto('/organisation-goals');
  await page.getByRole('button', { name: 'Språk för ”Färre fel i leveranserna”' }).click();
  const languages = page.getByRole('form', { name: 'Språk för ”Färre fel i leveranserna”' });
  await expect(languages.getByRole('group', { name: 'Dansk' }).getByLabel('Rubrik')).toHaveValue(
    'Færre fejl i leverancerne',
  );
  await languages
    .getByRole('group', { name: 'English' })
    .getByLabel('Rubrik')
    .fill('Fewer defects in what we deliver');
  await languages.getByRole('button', { name: 'Spara språken' }).click();
  await expect(languages).toHaveCount(0);
  await expect(page.getByText('Finns även på Dansk, Norsk bokmål, English.').first()).toBeVisible();

  await page.goto('/statistics');
  await expect(page.getByRole('table', { name: 'Hela organisationen', exact: true })).toBeVisible();
  const clipped = await page.evaluate(
    () =>
      [...document.querySelectorAll('.stats__scroll')].filter((e) => e.scrollWidth > e.clientWidth)
        .length,
  );
  expect(clipped).toBe(0);
  await shot(page, testInfo, 's4-statistics-1366');
});

test('a Danish manager reads MUS and aktioner throughout, and dates as dates', async ({
  page,
}, testInfo) => {
  await signIn(page, 'leder@samtal.demo');
  // Seed 003: at least once a year. Lars has a signed MUS; Sofie's was thirteen months ago,
  // unless the MUS 2027 journey (l-…) has signed her new one already in this run.
  const sofie = page.locator('.report-card').filter({ hasText: 'Sofie Hansen' });
  // (loaded: the card offers to book a series, or to open the one the journeys booked)
  await expect(sofie.getByRole('link', { name: /med Sofie Hansen$/ }).first()).toBeVisible();
  if ((await sofie.locator('.report-card__annual').count()) > 0)
    await expect(sofie.locator('.report-card__annual')).toContainText(
      /Den seneste underskrevne MUS med Sofie var .+: mere end et år siden/,
    );
  await expect(sofie).not.toContainText('Ingen underskrevet MUS');
  const lars = page.locator('.report-card').filter({ hasText: 'Lars Poulsen' });
  await expect(lars.locator('.report-card__annual')).toHaveCount(0);
  await shot(page, testInfo, 's4b-danish-home-annual');
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await nav.getByRole('link', { name: 'Samtaler' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
  await expect(page.getByText(/^MUS, lønsamtaler og trivselssamtaler/)).toBeVisible();
  // The signed one (the MUS 2027 journey may have added another for Lars in this run).
  await page
    .locator('.conv-list li')
    .filter({ hasText: 'Lars Poulsen' })
    .filter({ hasText: 'Underskrevet' })
    .getByRole('link')
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'MUS – Lars Poulsen' })).toBeVisible();
  const plan = page.getByRole('region', { name: 'Fælles plan' });
  await expect(plan).toContainText('aktioner');
  await expect(page.locator('main')).not.toContainText('handlinger');
  await expect(page.locator('main')).not.toContainText('Udviklingssamtale');
  // Due dates are written out, never as 2027-03-05.
  await expect(page.locator('main')).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  // The organisation goal in Danish, though HR first wrote it in Swedish.
  await expect(page.getByText(/Færre fejl i leverancerne/).first()).toBeVisible();
  await expect(page.getByText(/Färre fel i leveranserna/)).toHaveCount(0);
  await shot(page, testInfo, 's5-danish-mus');
});

test('the demo sign-in page lists the demo people; one click fills the form', async ({
  page,
}, testInfo) => {
  await page.goto('/sign-in');
  const demo = page.getByRole('region', { name: /Demoinloggningar|Demo sign-ins/ });
  await expect(demo.getByRole('button')).toHaveCount(6);
  await demo.getByRole('button', { name: /^Mads Jensen/ }).click();
  await expect(page.locator('#email')).toHaveValue('leder@samtal.demo');
  await shot(page, testInfo, 's6-demo-sign-in');
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByRole('heading', { level: 1, name: /Mads/ })).toBeVisible();
});
