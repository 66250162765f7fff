/**
 * The top bar (issue #15): with the search field and the bell beside the menu, a manager's and
 * an HR administrator's top bar stays one line high at 1280 px, in Swedish and Norwegian (the
 * longest words); at 1024 px and on a phone it stays usable (nothing sideways, the menu opens).
 */
import type { Page } from '@playwright/test';
import { expect, fitsWidth, openAdminMenu, openPersonMenu, shot, signIn, test } from './support';

/** The top bar's items all sit on one row, and the bar is no higher than one row. */
async function expectOneLine(page: Page) {
  const header = page.locator('header.topbar');
  const rows = await page
    .locator('.topbar__inner > *:visible, .nav__link:visible')
    .evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { mid: Math.round(r.top + r.height / 2), h: r.height };
      }),
    );
  const mids = rows.map((r) => r.mid);
  expect(Math.max(...mids) - Math.min(...mids), 'items on one row').toBeLessThanOrEqual(4);
  const box = await header.boundingBox();
  expect(box!.height, 'top bar height').toBeLessThanOrEqual(72);
}

async function setLocale(page: Page, locale: string) {
  const request = page.context().request;
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const res = await request.patch('/api/me', {
    data: { locale },
    headers: { 'x-csrf-token': token },
  });
  expect(res.ok()).toBe(true);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

const PEOPLE = [
  { who: 'manager-sv', email: 'chef@samtal.demo' },
  { who: 'manager-nb', email: 'leiar@samtal.demo' },
  { who: 'hr-sv', email: 'hr@samtal.demo' },
  { who: 'hr-nb', email: 'hr@samtal.demo', locale: 'nb' },
  { who: 'employee-sv', email: 'medarbetare@samtal.demo' },
];

for (const p of PEOPLE) {
  test(`top bar of ${p.who}: one line at 1280 px, usable at 1024 px and on a phone`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, p.email);
    if (p.locale) await setLocale(page, p.locale);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectOneLine(page);
    await shot(page, testInfo, `topbar-${p.who}-1280`);
    // The menus under HR's "Administration" and the person's name drop down over the page.
    if (p.who.startsWith('hr')) {
      await openAdminMenu(page);
      await expect(page.locator('#admin-menu').getByRole('link').first()).toBeVisible();
      await shot(page, testInfo, `topbar-${p.who}-1280-admin-menu`);
      await page.keyboard.press('Escape');
      await expect(page.locator('#admin-menu')).toBeHidden();
    }
    await openPersonMenu(page);
    await expect(page.locator('#person-menu').getByRole('button')).toBeVisible();
    await page.keyboard.press('Escape');

    await page.setViewportSize({ width: 1024, height: 800 });
    expect(await fitsWidth(page)).toBe(true);
    await expect(page.locator('input[type="search"]')).toBeVisible();
    await shot(page, testInfo, `topbar-${p.who}-1024`);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);
    await page.locator('.topbar__menu-button').click();
    await expect(page.locator('nav#main-nav')).toBeVisible();
    await shot(page, testInfo, `topbar-${p.who}-390`);

    if (p.locale) await setLocale(page, 'sv');
  });
}
