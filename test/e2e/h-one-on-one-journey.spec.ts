import type { Browser, Locator, Page } from '@playwright/test';
import { expect, fitsWidth, shot, signIn, test } from './support';

/** Today's date in Stockholm, and dates counted from it (ISO, for date inputs). */
function stockholmToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date());
}
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
function nextWorkingDay(date: string): string {
  let d = addDays(date, 1);
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}

/** A second signed-in person in their own browser context (own cookies), failing on page errors. */
async function openAs(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({
    baseURL,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 860 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, email);
  return { page, errors, close: () => context.close() };
}

/** The agenda item with this title. */
function point(page: Page, title: string): Locator {
  return page
    .locator('li.point')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

const TOPIC = 'Arbetsbelastning i december';
const SHARED = 'Vi går igenom schemat för december och flyttar två pass.';
const PRIVATE = 'Erik verkar trött – fråga om sömnen nästa gång.';
const ACTION = 'Boka avstämning med schemaläggaren';

test('a Swedish manager books, runs and finishes a 1:1; the employee prepares and acknowledges', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const baseURL = testInfo.project.use.baseURL!;
  const first = nextWorkingDay(stockholmToday());
  const due = addDays(first, 7);

  // 1. The manager's home: Erik has no 1:1s yet.
  await signIn(page, 'chef@samtal.demo');
  const erik = page.locator('.report-card').filter({ hasText: 'Erik Johansson' });
  await expect(erik.getByText('Inga 1-1 samtal bokade.')).toBeVisible();
  await shot(page, testInfo, 'h01-manager-home-before');
  await erik.getByRole('link', { name: 'Boka 1-1 samtal med Erik Johansson' }).click();

  // 2. Booking every other week; the dates show before anything is saved.
  await expect(page.getByRole('heading', { level: 1, name: 'Boka 1-1 samtal' })).toBeFocused();
  await page.getByRole('radio', { name: 'Varannan vecka' }).check();
  await page.getByLabel('Första mötet').fill(first);
  await page.getByLabel('Tid', { exact: true }).fill('10:00');
  await page.getByRole('radio', { name: 'Rum' }).check();
  await page.getByLabel('Vilket rum (valfritt)').fill('Lilla mötesrummet');
  await expect(page.getByLabel('Längd i minuter')).toHaveValue('20');
  const preview = page.getByRole('complementary').filter({ hasText: 'Kommande möten' });
  await expect(preview).toContainText(
    /^Kommande mötenVarannan (måndag|tisdag|onsdag|torsdag|fredag) kl\. 10:00/,
  );
  await expect(preview.locator('li')).toHaveCount(6);
  await shot(page, testInfo, 'h02-booking-form');
  await page.getByRole('button', { name: 'Boka 1-1 samtal med Erik Johansson' }).click();

  // 3. The series page: booked; one meeting cancelled and one moved, both kept with reasons.
  await expect(
    page.getByRole('heading', { level: 1, name: '1-1 samtal med Erik Johansson' }),
  ).toBeVisible();
  await expect(page.getByText('1-1 serien är bokad.')).toBeVisible();
  const upcoming = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Nästa möten' }) });
  await upcoming
    .getByRole('button', { name: /^Ställ in mötet / })
    .nth(2)
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Ställ in mötet' }).click();
  await expect(dialog.getByText('Skriv en kort anledning.')).toBeVisible();
  await dialog.getByLabel('Anledning').fill('Erik har semester');
  await dialog.getByRole('button', { name: 'Ställ in mötet' }).click();
  await expect(dialog).toBeHidden();
  await upcoming
    .getByRole('button', { name: /^Flytta mötet / })
    .nth(3)
    .click();
  await dialog.getByLabel('Tid').fill('13:30');
  await dialog.getByLabel('Anledning (valfritt)').fill('Krockar med APT');
  await dialog.getByRole('button', { name: 'Flytta mötet' }).click();
  await expect(dialog).toBeHidden();
  await expect(upcoming.locator('.meeting-row--cancelled')).toContainText(
    'Anledning: Erik har semester',
  );
  await expect(upcoming.locator('.meeting-row--cancelled')).toContainText('Inställt');
  await expect(upcoming.locator('.meeting-row--moved')).toContainText('Flyttat från');
  await expect(upcoming.locator('.meeting-row--moved')).toContainText('Krockar med APT');
  await shot(page, testInfo, 'h03-series-page');

  // 4. The employee adds a topic to the next meeting; it is visibly theirs.
  const erikBrowser = await openAs(browser, baseURL, 'medarbetare@samtal.demo');
  const ep = erikBrowser.page;
  await expect(ep.getByText('Nästa 1-1 med Maria Lindqvist')).toBeVisible();
  await ep.getByRole('link', { name: 'Lägg till dina punkter' }).click();
  await expect(
    ep.getByRole('heading', { level: 1, name: '1-1 med Maria Lindqvist' }),
  ).toBeVisible();
  await ep.getByLabel('Lägg till en punkt').fill(TOPIC);
  await ep.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(point(ep, TOPIC).getByText('Din punkt')).toBeVisible();
  // Filed under the employee's own section of the agenda.
  const order = await ep.locator('.point__title').allInnerTexts();
  expect(order.indexOf(TOPIC)).toBe(order.indexOf('Dina punkter') + 1);
  await expect(ep.getByText('Bara du kan se det här')).toBeVisible();
  await shot(ep, testInfo, 'h04-employee-adds-topic');

  // 5. The manager opens the meeting, starts the clock, writes and agrees an action.
  await page.goto('/');
  await erik.locator('.report-card__facts a').click();
  await expect(
    page.getByRole('heading', { level: 1, name: '1-1 med Erik Johansson' }),
  ).toBeVisible();
  const topic = point(page, TOPIC);
  await expect(topic.getByText('Medarbetarens punkt')).toBeVisible();
  await page.getByRole('button', { name: 'Starta mötet' }).click();
  await expect(page.getByRole('timer', { name: 'Mötestid' })).toContainText('/ 20:00');
  await topic.getByLabel('Gemensamma anteckningar').fill(SHARED);
  await expect(topic.getByRole('status').filter({ hasText: 'Sparat' })).toBeVisible();
  const privatePanel = page.locator('#private-notes');
  await expect(privatePanel).toContainText(
    'Bara du kan se det här – inte Erik Johansson, inte HR.',
  );
  await privatePanel.getByLabel('Dina stödanteckningar').fill(PRIVATE);
  await expect(privatePanel.getByRole('status')).toHaveText('Sparat');
  await topic.getByRole('button', { name: `Lägg till åtgärd: ${TOPIC}` }).click();
  const form = topic.getByRole('form', { name: 'Ny åtgärd' });
  await form.getByLabel('Åtgärd').fill(ACTION);
  await expect(form.getByLabel('Ansvarig').locator('option:checked')).toHaveText('Erik Johansson');
  await form.getByLabel('Klart senast (valfritt)').fill(due);
  await form.getByRole('button', { name: 'Lägg till åtgärd' }).click();
  await expect(topic.locator('.action')).toContainText(ACTION);
  await expect(topic.locator('.action')).toContainText('Erik Johansson');
  await topic.getByLabel('Avklarad').check();
  await expect(topic).toHaveClass(/point--discussed/);
  // Reordering by keyboard keeps focus on the button that was pressed.
  const up = page.getByRole('button', { name: `Flytta upp: ${TOPIC}` });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(up).toBeFocused();
  // The new order arrives with the server's answer: wait for it rather than read at once.
  const offset = async () => {
    const titles = await page.locator('.point__title').allInnerTexts();
    // The manager reads the employee's own section under the employee's name.
    return titles.indexOf(TOPIC) - titles.indexOf('Punkter från Erik');
  };
  await expect.poll(offset).toBe(-1);
  await page.getByRole('button', { name: `Flytta ned: ${TOPIC}` }).click();
  await expect.poll(offset).toBe(1);
  await shot(page, testInfo, 'h05-manager-meeting-desktop');

  // 5b. Both write in the same note at once (decision 020): live, each sees the other's words
  // arrive without reloading, and neither overwrites the other.
  const wellbeing = point(page, 'Hur har du det?');
  const mine = wellbeing.getByLabel('Gemensamma anteckningar');
  await mine.fill('Mår bra i stort.');
  await expect(wellbeing.getByRole('status').filter({ hasText: 'Sparat' })).toBeVisible();
  await ep.reload();
  const theirs = point(ep, 'Hur har du det?').getByLabel('Gemensamma anteckningar');
  await expect(theirs).toHaveValue('Mår bra i stort.');
  await theirs.press('End');
  await theirs.pressSequentially(' Känner mig pigg efter ledigheten.');
  await expect(mine).toHaveValue('Mår bra i stort. Känner mig pigg efter ledigheten.');
  await mine.press('Home');
  await mine.pressSequentially('Okej. ');
  await expect(theirs).toHaveValue('Okej. Mår bra i stort. Känner mig pigg efter ledigheten.');
  await expect(wellbeing.getByRole('status').filter({ hasText: 'Sparat' })).toBeVisible();
  await shot(page, testInfo, 'h05b-note-together');

  // The meeting page on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('timer')).toBeVisible();
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'h06-manager-meeting-phone');
  await page.setViewportSize({ width: 1280, height: 860 });

  // 6. Finishing: the minutes have the shared note and the action, never the private note.
  await page.getByRole('button', { name: 'Avsluta mötet' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Avsluta och skicka sammanfattningen' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sammanfattning av 1-1 samtalet' }),
  ).toBeVisible();
  await expect(
    page.getByText('Mötet är avslutat och sammanfattningen är på väg till Erik Johansson.'),
  ).toBeVisible();
  const minutes = page.locator('article.minutes');
  await expect(minutes).toContainText(TOPIC);
  await expect(minutes).toContainText(SHARED);
  await expect(minutes).toContainText(ACTION);
  await expect(minutes).not.toContainText(PRIVATE);
  await expect(
    page.getByText('Erik Johansson har inte bekräftat att hen läst den än.'),
  ).toBeVisible();
  await shot(page, testInfo, 'h07-minutes-manager');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.topbar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
  await shot(page, testInfo, 'h07b-minutes-print');
  await page.emulateMedia({ media: 'screen' });

  // 7. The employee reads the minutes (no private note anywhere) and acknowledges.
  await ep.goto('/');
  const minutesItem = ep.locator('.minutes-list__item').first();
  await expect(minutesItem).toContainText('Inte bekräftad');
  await minutesItem.getByRole('link').click();
  await expect(
    ep.getByRole('heading', { level: 1, name: 'Sammanfattning av 1-1 samtalet' }),
  ).toBeVisible();
  await expect(ep.locator('article.minutes')).toContainText(SHARED);
  await expect(ep.locator('main')).not.toContainText(PRIVATE);
  await ep.getByRole('button', { name: 'Jag har läst sammanfattningen' }).click();
  await expect(ep.getByText(/Du bekräftade att du läst den \d/)).toBeVisible();
  await shot(ep, testInfo, 'h08-minutes-employee-acknowledged');

  // 8. The next meeting follows the action up; it is also on the employee's own list.
  await ep.goto('/');
  await expect(ep.locator('.minutes-list__item').first()).toContainText('Läst');
  await ep.getByRole('link', { name: 'Lägg till dina punkter' }).click();
  const followUp = point(ep, 'Uppföljning från förra 1-1');
  // (with Erik's open action from the demo's earlier series beside it)
  const followed = followUp.locator('.action').filter({ hasText: ACTION });
  await expect(followed).toContainText('Erik Johansson');
  await shot(ep, testInfo, 'h09-next-meeting-follow-up');
  await ep.getByRole('navigation').getByRole('link', { name: 'Mina åtgärder' }).click();
  await expect(ep.locator('.action').filter({ hasText: ACTION })).toContainText(
    '1-1 med Maria Lindqvist',
  );
  await shot(ep, testInfo, 'h10-my-actions');

  // 9. The manager's private reflection on the meeting.
  await page.getByRole('link', { name: 'Skriv din reflektion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Din reflektion' })).toBeVisible();
  await page
    .getByLabel('Din reflektion', { exact: true })
    .fill('Erik öppnade sig om arbetsbelastningen. Fråga tidigare om schemat.');
  await expect(page.getByRole('status').filter({ hasText: 'Sparat' })).toBeVisible();
  await shot(page, testInfo, 'h11-reflection');

  // The manager's home now shows the last 1:1 and the open actions (the new one, and Erik's
  // from the demo's earlier series).
  await page.goto('/');
  await expect(erik).toContainText('2 öppna');
  await expect(erik.locator('.report-card__facts')).not.toContainText('Inget än');
  await shot(page, testInfo, 'h12-manager-home-after');

  expect(erikBrowser.errors, 'uncaught errors in the employee page').toEqual([]);
  await erikBrowser.close();
});
