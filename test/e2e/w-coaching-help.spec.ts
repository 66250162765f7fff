/**
 * Coaching help for the manager (issue #15, seeds 000 and 002), in Norwegian: Kari opens the
 * next 1:1 with Ola, unfolds the open questions beside an agenda item and puts one on the
 * agenda; writes a sealed "remember to ask" reminder that comes back at the following 1:1,
 * where she ticks it off; and runs the meeting from the keyboard, with `?` listing the keys.
 * Ola, on the same meeting, sees neither the questions nor the reminder.
 */
import fs from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { createVault } from '../../src/domain/sealing/envelope';
import { expect, fitsWidth, shot, signIn, test } from './support';

/** The Norwegian texts of the page, from the catalog itself. */
const nb = JSON.parse(fs.readFileSync('src/i18n/locales/nb/meetings.json', 'utf8')) as {
  questionBank: { title: string; add: string };
  remember: { title: string; label: string; add: string; added: string };
  shortcuts: { title: string; nextTopic: string; focusNotes: string; close: string };
  vault: { unlock: { submit: string } };
  agenda: { discussed: string };
  action: { addFor: string };
};
const PASSPHRASE = 'tre kråker over fjellet i mai';
const REMINDER = 'Spør hvordan flyttingen til Bergen gikk';

async function apiOf(page: Page) {
  const request: APIRequestContext = page.context().request;
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  return {
    get: async (url: string) => (await request.get(url)).json(),
    post: async (url: string, data: unknown) => {
      const res = await request.post(url, { data, headers: { 'x-csrf-token': token } });
      expect(res.ok(), `POST ${url}: ${await res.text()}`).toBe(true);
      return res.json();
    },
  };
}

async function unlock(page: Page) {
  const panel = page.locator('#private-notes');
  await panel.locator('#vault-unlock').fill(PASSPHRASE);
  await panel.getByRole('button', { name: nb.vault.unlock.submit, exact: true }).click();
}

test('Kari prepares with open questions, keeps a reminder for next time and runs the 1:1 from the keyboard', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  await signIn(page, 'leiar@samtal.demo');
  const api = await apiOf(page);
  const overview = (await api.get('/api/one-on-ones/overview')) as {
    items: { person: { id: string; name: string }; nextMeeting: { id: string } | null }[];
  };
  const row = overview.items.find((i) => i.nextMeeting);
  let meetingId = row?.nextMeeting?.id;
  if (!meetingId) {
    const start = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const series = (await api.post('/api/one-on-ones/series', {
      employeeId: overview.items[0]!.person.id,
      cadence: 'every_2_weeks',
      startDate: start,
      localTime: '09:00',
      timeZone: 'Europe/Oslo',
      place: { kind: 'walk_and_talk' },
    })) as { id: string };
    const meetings = (await api.get(`/api/one-on-ones/series/${series.id}/meetings?limit=1`)) as {
      items: { id: string }[];
    };
    meetingId = meetings.items[0]!.id;
  }
  // Her vault (its set-up screen has its own journey): reminders are sealed like private notes.
  if (((await api.get('/api/vault')) as { vault: unknown }).vault === null)
    await api.post('/api/vault', (await createVault(PASSPHRASE)).wraps);

  await page.goto(`/one-on-ones/meetings/${meetingId}`);

  // 1. Open questions beside an agenda item, folded until asked for.
  const bank = page.locator('details.question-bank').first();
  await expect(bank).toBeVisible();
  await expect(
    bank.getByRole('button', { name: new RegExp(`^${nb.questionBank.add}`) }).first(),
  ).toBeHidden();
  await bank.getByText(nb.questionBank.title).click();
  const addQuestion = bank
    .getByRole('button', { name: new RegExp(`^${nb.questionBank.add}: `) })
    .first();
  const question = (await addQuestion.getAttribute('aria-label'))!.replace(
    `${nb.questionBank.add}: `,
    '',
  );
  expect(question).toMatch(/\?$/);
  await addQuestion.click();
  await expect(bank.getByRole('status')).toContainText(question);
  await expect(page.locator('.agenda__list h4', { hasText: question })).toBeVisible();
  await shot(page, testInfo, 'w1-question-bank');

  // 2. A reminder for next time: locked until the vault is open, then sealed by the page.
  const reminders = page.getByRole('region', { name: nb.remember.title });
  await expect(reminders).toBeVisible();
  await unlock(page);
  await reminders.getByLabel(nb.remember.label).fill(REMINDER);
  await reminders.getByRole('button', { name: nb.remember.add }).click();
  await expect(reminders.getByRole('status')).toHaveText(nb.remember.added);
  await expect(reminders.getByText(REMINDER)).toBeVisible();
  const stored = JSON.stringify(await api.get(`/api/one-on-ones/meetings/${meetingId}/reminders`));
  expect(stored).not.toContain('Bergen');
  await shot(page, testInfo, 'w2-reminder');

  // It comes back at the next 1:1 of the series, where she ticks it off.
  await page.locator('.next-meeting a').click();
  await expect(page).not.toHaveURL(new RegExp(meetingId));
  const next = page.getByRole('region', { name: nb.remember.title });
  await expect(next.getByText(REMINDER)).toBeVisible();
  await next.getByRole('checkbox', { name: `Spurt: ${REMINDER}` }).click();
  await expect(next.getByRole('checkbox', { name: `Spurt: ${REMINDER}` })).toBeChecked();

  // 3. The keyboard: `?` lists the keys in a dialog that Escape closes.
  await page.goto(`/one-on-ones/meetings/${meetingId}`);
  await expect(page.locator('.agenda__list > li.point').first()).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: nb.shortcuts.title });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(nb.shortcuts.nextTopic);
  await expect(dialog).toContainText(nb.shortcuts.focusNotes);
  await expect(dialog.getByRole('button', { name: nb.shortcuts.close })).toBeFocused();
  await shot(page, testInfo, 'w3-shortcuts');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // j moves to the first topic, j again to the second; x ticks it; n puts the cursor in its notes.
  const points = page.locator('.agenda__list > li.point');
  await page.keyboard.press('j');
  await expect(points.nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(points.nth(1)).toBeFocused();
  const second = points.nth(1);
  const tick = second.getByRole('checkbox', { name: nb.agenda.discussed });
  const before = await tick.isChecked();
  await page.keyboard.press('x');
  await expect(tick).toBeChecked({ checked: !before });
  await page.keyboard.press('n');
  const notes = second.locator('textarea, [contenteditable="true"]').first();
  await expect(notes).toBeFocused();
  // Typing there is text, not shortcuts: nothing else moves or ticks.
  await page.keyboard.type('jx');
  await expect(tick).toBeChecked({ checked: !before });
  await expect(notes).toBeFocused();
  // a: a new action on the current topic, its title field ready.
  await notes.evaluate((el) => (el as HTMLElement).blur());
  await page.keyboard.press('a');
  await expect(page.locator('input[id$="-title"]:focus')).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await fitsWidth(page)).toBe(true);

  // Ola, on the same meeting: no questions and no reminders, not even the panels.
  const ola = await browser.newPage({ locale: 'nb-NO' });
  await signIn(ola, 'ola@samtal.demo');
  await ola.goto(`/one-on-ones/meetings/${meetingId}`);
  await expect(ola.locator('.agenda__list > li.point').first()).toBeVisible();
  await expect(ola.locator('details.question-bank')).toHaveCount(0);
  await expect(ola.getByRole('region', { name: nb.remember.title })).toHaveCount(0);
  await expect(ola.getByText(REMINDER)).toHaveCount(0);
  await ola.close();
});
