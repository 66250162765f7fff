/**
 * "A round has opened" (issue #15), in Danish: HR opens a round of MUS for the Copenhagen
 * office; Mads, who leads it, sees the bell's count rise, reads in his list that the round has
 * opened with his two reports' conversations to book, follows it and lands on his
 * conversations. Sofie, in the round, is told Mads will book a time, with a link to her own.
 */
import fs from 'node:fs';
import type { Browser } from '@playwright/test';
import { expect, fitsWidth, openAdminMenu, shot, signIn, test } from './support';
import { ownSamtalFor } from './own-samtal';

const read = (ns: string) =>
  JSON.parse(fs.readFileSync(`src/i18n/locales/da/${ns}.json`, 'utf8')) as Record<
    string,
    Record<string, string>
  >;
const da = {
  common: read('common'),
  rounds: read('rounds'),
  notifications: JSON.parse(fs.readFileSync('src/i18n/locales/da/notifications.json', 'utf8')) as {
    caption: string;
  },
};

// Its own Samtal (with its job worker): the bell counts what happened to Mads.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 58;
const { base: BASE } = ownSamtalFor({ port: PORT, host: '127.0.0.1', name: 'round-opened' });
test.use({ baseURL: BASE });

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const ROUND = 'MUS København E2E';

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: BASE, locale: 'da-DK' });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

const bellCount = async (page: import('@playwright/test').Page) => {
  const count = page.getByTestId('bell-count');
  return (await count.count()) ? Number((await count.textContent())?.replace('+', '')) : 0;
};

test('HR opens a round; Mads sees it under the bell and follows it to his conversations', async ({
  browser,
}, testInfo) => {
  // Mads's count before the round.
  const mads = await signedInPage(browser, 'leder@samtal.demo');
  await expect(mads.page.locator('html')).toHaveAttribute('lang', 'da');
  const before = await bellCount(mads.page);

  // HR, in Danish, opens a round of MUS for the Copenhagen office.
  const hr = await signedInPage(browser, 'hr@samtal.demo');
  const request = hr.context.request;
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  expect(
    (
      await request.patch('/api/me', { data: { locale: 'da' }, headers: { 'x-csrf-token': token } })
    ).ok(),
  ).toBe(true);
  await hr.page.reload();
  await expect(hr.page.locator('html')).toHaveAttribute('lang', 'da');
  await openAdminMenu(hr.page);
  await hr.page
    .getByRole('navigation')
    .getByRole('link', { name: da.common.nav!.rounds!, exact: true })
    .click();
  await hr.page.goto('/rounds/new');
  await expect(
    hr.page.getByRole('heading', { level: 1, name: da.rounds.open!.title }),
  ).toBeVisible();
  await hr.page.getByLabel(da.rounds.open!.name!, { exact: true }).fill(ROUND);
  await hr.page.getByLabel(da.rounds.open!.periodStart!).fill(day(1));
  await hr.page.getByLabel(da.rounds.open!.periodEnd!).fill(day(60));
  await hr.page.getByLabel(da.rounds.open!.deadline!, { exact: true }).fill(day(45));
  await hr.page.getByLabel(da.rounds.open!.scopeDepartment!).check();
  await hr.page
    .getByLabel(da.rounds.open!.department!, { exact: true })
    .selectOption({ label: 'Ledning › Kontor København' });
  await hr.page.getByRole('button', { name: da.rounds.open!.submit }).click();
  await expect(hr.page.getByText(`i ”${ROUND}”`)).toBeVisible();
  await shot(hr.page, testInfo, 'w-round-opened-1-hr');
  // HR is in no conversation of it: nothing under HR's bell about it.
  await hr.page.goto('/notifications');
  await expect(hr.page.getByText(ROUND)).toHaveCount(0);

  // Mads: the bell counts the round (as manager, and his own conversation in it).
  await expect(async () => {
    await mads.page.reload();
    expect(await bellCount(mads.page)).toBe(before + 2);
  }).toPass({ timeout: 20_000 });
  await shot(mads.page, testInfo, 'w-round-opened-2-bell');
  await mads.page.getByRole('link', { name: new RegExp(da.common.nav!.notifications!) }).click();
  const item = mads.page
    .getByRole('list', { name: da.notifications.caption })
    .getByRole('link', { name: /er åbnet: 2 samtaler med dine medarbejdere skal bookes senest/ });
  await expect(item).toBeVisible();
  await expect(item).toContainText('En runde MUS er åbnet');
  await shot(mads.page, testInfo, 'w-round-opened-3-list');
  await item.click();
  await expect(mads.page).toHaveURL(/\/conversations$/);
  await expect(mads.page.getByText('Sofie Hansen').first()).toBeVisible();
  expect(await bellCount(mads.page)).toBe(before + 1);
  await shot(mads.page, testInfo, 'w-round-opened-4-conversations');

  // Sofie: her own conversation, with Mads to book it.
  const sofie = await signedInPage(browser, 'medarbejder@samtal.demo');
  await sofie.page.goto('/notifications');
  const hers = sofie.page.getByRole('link', {
    name: `Din MUS med Mads Jensen er en del af runden ${ROUND}; din leder booker en tid`,
  });
  await expect(hers).toBeVisible();
  await sofie.page.setViewportSize({ width: 390, height: 844 });
  expect(await fitsWidth(sofie.page)).toBe(true);
  await hers.click();
  await expect(sofie.page).toHaveURL(/\/conversations\/[0-9a-f-]{36}$/);
  await expect(sofie.page.getByText('Mads Jensen').first()).toBeVisible();
  await shot(sofie.page, testInfo, 'w-round-opened-5-employee');

  await Promise.all([mads.context.close(), hr.context.close(), sofie.context.close()]);
});
