/**
 * Goals with steps and HR's competence needs (issue #15, seeds 003 and 004), in Norwegian:
 * Mads breaks the goal he agreed with Lars into steps on their development plan, ticks one off
 * and notes progress from their next 1:1, and the plan shows the progress. HR then sees the
 * competence needs per unit — counts only, small groups hidden.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, shot, signIn, test } from './support';
import { apiOf } from './meeting-api';
import { ownSamtalFor } from './own-samtal';

/** The Norwegian texts of the screens, from the catalogs themselves. */
const goals = JSON.parse(fs.readFileSync('src/i18n/locales/nb/goals.json', 'utf8')) as {
  steps: { new: string; add: string; progress: string };
  panel: { title: string; addProgress: string; progressPlaceholder: string };
  plan: { area: Record<string, string> };
};
const stats = JSON.parse(fs.readFileSync('src/i18n/locales/nb/statistics.json', 'utf8')) as {
  needs: { title: string; unit: string; all: string; hidden: string; area: Record<string, string> };
};
const progressText = (done: number, total: number) =>
  goals.steps.progress.replace('{done}', String(done)).replace('{total}', String(total));

// Its own Samtal: the journey switches Mads, Lars and HR to Norwegian and books a 1:1, which
// other journeys of the shared demo organisation would read.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 57;
const { base: BASE } = ownSamtalFor({ port: PORT, host: '127.0.0.1', name: 'goal-steps' });
test.use({ baseURL: BASE });

async function inNorwegian(page: Page, email: string) {
  await signIn(page, email);
  const request = page.context().request;
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const res = await request.patch('/api/me', {
    data: { locale: 'nb' },
    headers: { 'x-csrf-token': token },
  });
  expect(res.ok(), await res.text()).toBe(true);
}

test('Mads adds steps on the plan, ticks one in a 1:1 with Lars, and HR sees competence needs', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  await inNorwegian(page, 'leder@samtal.demo');
  const api = await apiOf(page);
  type Overview = {
    items: { person: { id: string; name: string }; nextMeeting: { id: string } | null }[];
  };
  const lars = ((await api.get('/api/one-on-ones/overview')) as Overview).items.find(
    (i) => i.person.name === 'Lars Poulsen',
  )!;
  const agreed = (await api.get(`/api/goals?with=${lars.person.id}`)) as {
    goals: { id: string; title: string; conversationId: string }[];
  };
  const goal = agreed.goals[0]!;

  // 1. On the development plan: two steps towards the goal.
  await page.goto(`/conversations/${goal.conversationId}`);
  const item = page.locator('.goal-list > li').filter({ hasText: goal.title }).first();
  await expect(item).toBeVisible();
  for (const step of ['Les boka om kodegjennomgang', 'Led den første gjennomgangen']) {
    await item.getByPlaceholder(goals.steps.new).fill(step);
    await item.getByRole('button', { name: goals.steps.add, exact: true }).click();
    await expect(item.getByLabel(step, { exact: true })).toBeVisible();
  }
  await expect(item.getByText(progressText(0, 2))).toBeVisible();

  // 2. In their next 1:1: tick the first step and note progress in the goals panel.
  let meetingId = lars.nextMeeting?.id;
  if (!meetingId) {
    const start = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const series = (await api.post('/api/one-on-ones/series', {
      employeeId: lars.person.id,
      cadence: 'every_2_weeks',
      startDate: start,
      localTime: '09:00',
      timeZone: 'Europe/Copenhagen',
      place: { kind: 'walk_and_talk' },
    })) as { id: string };
    meetingId = (
      (await api.get(`/api/one-on-ones/series/${series.id}/meetings?limit=1`)) as {
        items: { id: string }[];
      }
    ).items[0]!.id;
  }
  await page.goto(`/one-on-ones/meetings/${meetingId}`);
  const panel = page.locator('section.goals-panel');
  await expect(panel.getByRole('heading', { name: goals.panel.title })).toBeVisible();
  const inPanel = panel.locator('.goal-list > li').filter({ hasText: goal.title }).first();
  await inPanel.getByLabel('Les boka om kodegjennomgang', { exact: true }).check();
  await expect(inPanel.getByText(progressText(1, 2))).toBeVisible();
  await inPanel.getByPlaceholder(goals.panel.progressPlaceholder).fill('Boka er lest, god start');
  await inPanel.getByRole('button', { name: goals.panel.addProgress }).click();
  await expect(inPanel.getByText('Boka er lest, god start')).toBeVisible();
  await shot(page, testInfo, 'goal-steps-1on1');

  // 3. Back on the plan: the progress is there.
  await page.goto(`/conversations/${goal.conversationId}`);
  const again = page.locator('.goal-list > li').filter({ hasText: goal.title }).first();
  await expect(again.getByText(progressText(1, 2))).toBeVisible();
  await expect(again.getByLabel('Les boka om kodegjennomgang', { exact: true })).toBeChecked();
  await shot(page, testInfo, 'goal-steps-plan');

  // 4. HR: competence needs per unit, counts only (one plan: fewer than 5, hidden).
  await page.context().clearCookies();
  await inNorwegian(page, 'hr@samtal.demo');
  await page.goto('/statistics');
  const needs = page.locator('section[aria-labelledby="stats-needs"]');
  await expect(needs.getByRole('heading', { name: stats.needs.title })).toBeVisible();
  const row = needs.getByRole('row', { name: new RegExp(stats.needs.area.professional!) });
  await expect(row).toContainText(stats.needs.hidden);
  await expect(needs).not.toContainText('Lars');
  await expect(needs).not.toContainText('Test og kvalitetssikring');
  await needs.getByLabel(stats.needs.unit).selectOption({ index: 1 });
  await expect(needs.getByRole('table').first()).toBeVisible();
  await shot(page, testInfo, 'goal-steps-competence-needs');
});
