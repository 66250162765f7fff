/**
 * Workload that acts and time per agenda item (issue #15, seed 001), in Swedish. Maria books a
 * weekly 30-minute 1:1 with Erik. Erik's check-ins of two meetings say his workload is high
 * (5, then 4): on the second meeting both of them see "Arbetsbelastningen har varit hög …";
 * Maria opens the action form from it, prefilled, edits the title and adds it, and the prompt
 * goes away (also after a reload, and for Erik). Then they plan minutes per agenda item: 35 of
 * 30 minutes is shown as a warning, a value over 120 is refused in Swedish, and when Erik
 * shortens one item the plan fits.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, shot, signIn, test } from './support';
import { apiOf } from './meeting-api';
import { expectAccessible } from './axe';
import { ownSamtalFor } from './own-samtal';

const sv = {
  wellbeing: JSON.parse(fs.readFileSync('src/i18n/locales/sv/wellbeing.json', 'utf8')) as {
    workloadPrompt: { text: string; agree: string; dismiss: string; suggestedTitle: string };
  },
  meetings: JSON.parse(fs.readFileSync('src/i18n/locales/sv/meetings.json', 'utf8')) as {
    action: { title: string; add: string; otherTitle: string };
  },
};
// Its own Samtal: it books a series for Erik and writes check-ins other journeys do not expect.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 61;
const { base: BASE } = ownSamtalFor({ port: PORT, host: '127.0.0.1', name: 'workload' });
test.use({ baseURL: BASE });

const ACTION = 'Flytta kvartalsrapporten till Anna och stryk veckomötet i två veckor';

/** Writes through the signed-in page's session (a PUT, which apiOf does not offer). */
async function put(page: Page, url: string, data: unknown) {
  const request = page.context().request;
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const res = await request.put(url, { data, headers: { 'x-csrf-token': token } });
  expect(res.ok(), `PUT ${url}: ${await res.text()}`).toBe(true);
}

const minutesField = (page: Page, title: string) =>
  page.getByLabel(`Planerade minuter för ”${title}”`, { exact: true });

test('Erik’s high workload leads to an agreed action, and the agenda’s minutes are held against the meeting', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, 'chef@samtal.demo');
  const api = await apiOf(page);
  const overview = (await api.get('/api/one-on-ones/overview')) as {
    items: { person: { id: string; name: string } }[];
  };
  const erik = overview.items.find((i) => i.person.name === 'Erik Johansson')!.person;
  const start = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const series = (await api.post('/api/one-on-ones/series', {
    employeeId: erik.id,
    cadence: 'weekly',
    startDate: start,
    localTime: '09:00',
    timeZone: 'Europe/Stockholm',
    durationMinutes: 30,
    place: { kind: 'walk_and_talk' },
  })) as { id: string };
  const [first, second] = (
    (await api.get(`/api/one-on-ones/series/${series.id}/meetings?limit=2`)) as {
      items: { id: string }[];
    }
  ).items.map((m) => m.id);

  // 1. Erik answers the check-ins of both meetings: workload 5, then 4 (too much, twice).
  const context = await browser.newContext({
    baseURL: BASE,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  const ep = await context.newPage();
  await signIn(ep, 'medarbetare@samtal.demo');
  for (const [meetingId, workload] of [
    [first!, 5],
    [second!, 4],
  ] as const)
    await put(ep, `/api/one-on-ones/meetings/${meetingId}/check-in`, {
      wellbeing: 3,
      workload,
      progress: 3,
      comment: '',
    });
  // The first meeting has one high check-in behind it: no prompt yet.
  await ep.goto(`/one-on-ones/meetings/${first}`);
  await expect(ep.getByRole('heading', { name: 'Incheckning' })).toBeVisible();
  await expect(ep.getByText(sv.wellbeing.workloadPrompt.text)).toHaveCount(0);
  // The second: both high, and Erik sees the prompt.
  await ep.goto(`/one-on-ones/meetings/${second}`);
  const erikPrompt = ep.getByRole('region', { name: sv.wellbeing.workloadPrompt.text });
  await expect(erikPrompt).toBeVisible();
  await expect(
    erikPrompt.getByRole('button', { name: sv.wellbeing.workloadPrompt.agree }),
  ).toBeVisible();
  await shot(ep, testInfo, 'ww1-prompt-employee');
  await expectAccessible(ep, 'the meeting page with the workload prompt');

  // 2. Maria sees it too, opens the form prefilled, changes the title and adds the action.
  await page.goto(`/one-on-ones/meetings/${second}`);
  const prompt = page.getByRole('region', { name: sv.wellbeing.workloadPrompt.text });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: sv.wellbeing.workloadPrompt.agree }).click();
  const title = prompt.getByLabel(sv.meetings.action.title, { exact: true });
  await expect(title).toHaveValue(sv.wellbeing.workloadPrompt.suggestedTitle);
  await expect(title).toBeFocused();
  await shot(page, testInfo, 'ww2-prompt-form-manager');
  await title.fill(ACTION);
  await prompt.getByRole('button', { name: sv.meetings.action.add }).click();
  await expect(prompt).toHaveCount(0);
  const other = page.getByRole('region', { name: sv.meetings.action.otherTitle });
  await expect(other.getByText(ACTION)).toBeVisible();
  await shot(page, testInfo, 'ww3-action-agreed');
  await page.reload();
  await expect(page.getByText(ACTION)).toBeVisible();
  await expect(page.getByText(sv.wellbeing.workloadPrompt.text)).toHaveCount(0);
  // Gone for Erik as well: the action was agreed from it.
  await ep.reload();
  await expect(ep.getByText(ACTION)).toBeVisible();
  await expect(ep.getByText(sv.wellbeing.workloadPrompt.text)).toHaveCount(0);

  // 3. Minutes per agenda item: Maria plans three items, 35 of the meeting's 30 minutes.
  const agenda = (
    (await api.get(`/api/one-on-ones/meetings/${second}`)) as {
      agenda: { title: string; sectionKind: string | null }[];
    }
  ).agenda.filter((p) => p.sectionKind !== 'employee_topics');
  const [a, b, c] = agenda.map((p) => p.title);
  const summary = page.getByTestId('agenda-time');
  for (const [item, minutes] of [
    [a!, '10'],
    [b!, '15'],
    [c!, '10'],
  ] as const) {
    await minutesField(page, item).fill(minutes);
    await minutesField(page, item).press('Enter');
  }
  await expect(summary).toHaveText('35 av 30 min planerade · 5 min mer än mötet har');
  await expect(summary).toHaveClass(/agenda-time--over/);
  await summary.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'ww4-minutes-over');
  await expectAccessible(page, 'the agenda with planned minutes over the meeting');

  // More than two hours for one item is refused, in Swedish, and nothing changes.
  await minutesField(page, a!).fill('150');
  await minutesField(page, a!).press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Får vara högst 120.' })).toBeVisible();
  await expect(summary).toHaveText('35 av 30 min planerade · 5 min mer än mötet har');
  await shot(page, testInfo, 'ww5-minutes-refused');

  // 4. Erik sees the same plan and shortens one item: now it fits.
  await ep.reload();
  const erikSummary = ep.getByTestId('agenda-time');
  await expect(erikSummary).toHaveText('35 av 30 min planerade · 5 min mer än mötet har');
  await expect(minutesField(ep, b!)).toHaveValue('15');
  await minutesField(ep, b!).fill('10');
  await minutesField(ep, b!).press('Enter');
  await expect(erikSummary).toHaveText('30 av 30 min planerade');
  await expect(erikSummary).not.toHaveClass(/agenda-time--over/);
  await shot(ep, testInfo, 'ww6-minutes-fit-employee');
  await context.close();
});
