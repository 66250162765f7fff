/**
 * In-app notifications (issue #15), in Danish: Sofie adds a topic to her next 1:1 with Mads;
 * Mads sees the bell's count on his home, opens the list, follows the notification to the
 * meeting, and the count is gone. The notification says a topic came, never which.
 */
import fs from 'node:fs';
import type { Browser } from '@playwright/test';
import { expect, fitsWidth, shot, signIn, test } from './support';
import { apiOf } from './meeting-api';
import { ownSamtalFor } from './own-samtal';

const da = {
  common: JSON.parse(fs.readFileSync('src/i18n/locales/da/common.json', 'utf8')) as {
    nav: { notifications: string };
  },
  meetings: JSON.parse(fs.readFileSync('src/i18n/locales/da/meetings.json', 'utf8')) as {
    agenda: { newPoint: string; add: string };
  },
  notifications: JSON.parse(fs.readFileSync('src/i18n/locales/da/notifications.json', 'utf8')) as {
    title: string;
    markAll: string;
    allRead: string;
  },
};
// Its own Samtal: the bell counts what happened to Mads, which other journeys would change.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 54;
const { base: BASE } = ownSamtalFor({ port: PORT, host: '127.0.0.1', name: 'notifications' });
test.use({ baseURL: BASE });

const TOPIC = 'Fortroligt: min nye arbejdstid';

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: BASE, locale: 'da-DK' });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

test('Mads sees Sofie’s new topic under the bell, follows it to the 1:1, and the count drops', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page, 'leder@samtal.demo');
  const api = await apiOf(page);
  // Sofie's next 1:1 with Mads (booked first if there is none).
  const overview = (await api.get('/api/one-on-ones/overview')) as {
    items: { person: { id: string; name: string }; nextMeeting: { id: string } | null }[];
  };
  const sofie = overview.items.find((i) => i.person.name === 'Sofie Hansen')!;
  let meetingId = sofie.nextMeeting?.id;
  if (!meetingId) {
    const series = (await api.post('/api/one-on-ones/series', {
      employeeId: sofie.person.id,
      cadence: 'every_2_weeks',
      startDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      localTime: '10:00',
      timeZone: 'Europe/Copenhagen',
      place: { kind: 'walk_and_talk' },
    })) as { id: string };
    meetingId = (
      (await api.get(`/api/one-on-ones/series/${series.id}/meetings?limit=1`)) as {
        items: { id: string }[];
      }
    ).items[0]!.id;
  }
  // Whatever the demo told Mads before is read: the bell starts at nothing.
  await api.post('/api/me/notifications/read-all', {});
  await page.goto('/');
  const bell = page.locator('a.bell');
  await expect(bell).toBeVisible();
  await expect(page.getByTestId('bell-count')).toHaveCount(0);

  // Sofie adds a topic to the meeting.
  const sofiePage = await signedInPage(browser, 'medarbejder@samtal.demo');
  await (await apiOf(sofiePage.page)).post('/api/me/notifications/read-all', {});
  await sofiePage.page.goto(`/one-on-ones/meetings/${meetingId}`);
  await sofiePage.page.getByLabel(da.meetings.agenda.newPoint).fill(TOPIC);
  await sofiePage.page.getByRole('button', { name: da.meetings.agenda.add, exact: true }).click();
  await expect(sofiePage.page.locator('.point__title', { hasText: TOPIC })).toBeVisible();
  // Her own topic does not ring her own bell.
  await sofiePage.page.goto('/');
  await expect(sofiePage.page.locator('a.bell')).toBeVisible();
  await expect(sofiePage.page.getByTestId('bell-count')).toHaveCount(0);
  await sofiePage.context.close();

  // Mads opens his home: one unread, said in Danish to screen readers too.
  await page.goto('/');
  await expect(page.getByTestId('bell-count')).toHaveText('1');
  await expect(bell).toHaveAttribute('aria-label', 'Notifikationer, 1 ulæst');
  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: da.notifications.title })).toBeVisible();
  const item = page.locator('.notifications__item--unread').first();
  await expect(item).toContainText('Sofie Hansen har tilføjet emner til jeres 1:1');
  // What the topic is stays in the meeting.
  await expect(page.locator('.notifications')).not.toContainText(TOPIC);
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'v01-notifications-list');

  // Following it opens the meeting, where the topic is; the bell has nothing left.
  await item.locator('a').click();
  await expect(page).toHaveURL(new RegExp(`/one-on-ones/meetings/${meetingId}$`));
  await expect(page.locator('.point__title', { hasText: TOPIC })).toBeVisible();
  await expect(page.getByTestId('bell-count')).toHaveCount(0);
  await expect(bell).toHaveAttribute('aria-label', 'Notifikationer, ingen ulæste');

  // Back in the list it is read, and nothing is left to mark.
  await bell.click();
  await expect(page.getByText(da.notifications.allRead)).toBeVisible();
  await expect(page.locator('.notifications__item--unread')).toHaveCount(0);
  await shot(page, testInfo, 'v02-notifications-read');
});
