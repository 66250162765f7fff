/**
 * Coaching help for the manager (issue #15, seeds 000 and 002), in Norwegian: Kari opens the
 * next 1:1 with Ola, unfolds the open questions beside an agenda item and puts one on the
 * agenda; writes a sealed "remember to ask" reminder that comes back at the following 1:1,
 * where she ticks it off; and runs the meeting from the keyboard, with `?` listing the keys.
 * Ola, on the same meeting, sees neither the questions nor the reminder.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { createVault } from '../../src/domain/sealing/envelope';
import { expect, fitsWidth, shot, signIn, test } from './support';
import { apiOf, nextMeetingOrBook } from './meeting-api';
import { ownSamtalFor } from './own-samtal';

/** The Norwegian texts of the page, from the catalog itself. */
const nb = JSON.parse(fs.readFileSync('src/i18n/locales/nb/meetings.json', 'utf8')) as {
  questionBank: { title: string; add: string; toNoteFor: string };
  remember: { title: string; label: string; add: string; added: string };
  shortcuts: { title: string; nextTopic: string; focusNotes: string; close: string };
  vault: { unlock: { submit: string } };
  agenda: { discussed: string };
  action: { addFor: string };
};
// Its own Samtal with a fresh demo organisation: other journeys of the shared server book,
// move and hold Kari's 1:1s, and this one needs an open 1:1 of the built-in agenda with a next.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 53;
const { base: BASE } = ownSamtalFor({ port: PORT, host: '127.0.0.1', name: 'coaching' });
test.use({ baseURL: BASE });

const PASSPHRASE = 'tre kråker over fjellet i mai';
const REMINDER = 'Spør hvordan flyttingen til Bergen gikk';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  // A 1:1 of the series with another after it (the reminder returns there). Earlier journeys
  // of the same demo organisation may have taken Kari's next one.
  let meetingId = await nextMeetingOrBook(api, 'Europe/Oslo');
  type Detail = { meeting: { seriesId: string | null }; nextMeeting: { id: string } | null };
  const detailOf = async (id: string) =>
    (await api.get(`/api/one-on-ones/meetings/${id}`)) as Detail;
  const first = await detailOf(meetingId);
  if (!first.nextMeeting) {
    const overview = (await api.get('/api/one-on-ones/overview')) as {
      items: { seriesId: string | null }[];
    };
    const seriesId = first.meeting.seriesId ?? overview.items.find((i) => i.seriesId)!.seriesId;
    const upcoming = (await api.get(`/api/one-on-ones/series/${seriesId}/meetings?limit=5`)) as {
      items: { id: string }[];
    };
    for (const m of upcoming.items)
      if ((await detailOf(m.id)).nextMeeting) {
        meetingId = m.id;
        break;
      }
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

  // A question into her private note (open now): through the note's own editor, so sealed.
  const toNoteLabel = nb.questionBank.toNoteFor.replace('{question}', '');
  const toNote = bank.getByRole('button', { name: new RegExp(`^${escapeRe(toNoteLabel)}`) });
  const copied = (await toNote.nth(1).getAttribute('aria-label'))!.replace(toNoteLabel, '');
  await toNote.nth(1).click();
  await expect(bank.getByRole('status')).toContainText(copied);
  await expect(page.locator('#private-note')).toHaveValue(new RegExp(escapeRe(copied)));
  await expect
    .poll(
      async () =>
        JSON.stringify(await api.get(`/api/one-on-ones/meetings/${meetingId}/private-note`)),
      {
        timeout: 15_000,
      },
    )
    .toContain('"sealed":{');
  const sealedNote = JSON.stringify(
    await api.get(`/api/one-on-ones/meetings/${meetingId}/private-note`),
  );
  expect(sealedNote).not.toContain(copied);

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
