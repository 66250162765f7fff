/**
 * A lighter reflection, feedback both ways and motivation (issue #15, seeds 000 and 002), in
 * Swedish. Maria books a 1:1 with Erik: the agenda carries "Feedback åt båda hållen" and
 * "Motivation". Erik gives his motivation a 4 in the meeting; Maria sees his score and the
 * trend, but cannot set it. After the meeting Maria writes her reflection in one text that is
 * saved as she types (no save button), and it is still there after a reload.
 */
import fs from 'node:fs';
import { expect, shot, signIn, test } from './support';
import { apiOf } from './meeting-api';
import { ownSamtalFor } from './own-samtal';

const sv = JSON.parse(fs.readFileSync('src/i18n/locales/sv/meetings.json', 'utf8')) as {
  motivation: { question: string; scale: Record<string, string> };
  reflection: { notes: string; perTopic: string };
  note: { saved: string };
};
// Its own Samtal: it books a series for Erik and writes scores other journeys do not expect.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 54;
const { base: BASE } = ownSamtalFor({ port: PORT, host: '127.0.0.1', name: 'feedback' });
test.use({ baseURL: BASE });

const REFLECTION = 'Erik var mer motiverad än sist. Fråga om kursen nästa gång.';

test('Maria and Erik follow motivation, give feedback both ways and Maria reflects in one text', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  await signIn(page, 'chef@samtal.demo');
  const api = await apiOf(page);
  const overview = (await api.get('/api/one-on-ones/overview')) as {
    items: { person: { id: string; name: string } }[];
  };
  const erik = overview.items.find((i) => i.person.name === 'Erik Johansson')!.person;
  const start = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const series = (await api.post('/api/one-on-ones/series', {
    employeeId: erik.id,
    cadence: 'every_2_weeks',
    startDate: start,
    localTime: '09:00',
    timeZone: 'Europe/Stockholm',
    place: { kind: 'walk_and_talk' },
  })) as { id: string };
  const meetingId = (
    (await api.get(`/api/one-on-ones/series/${series.id}/meetings?limit=1`)) as {
      items: { id: string }[];
    }
  ).items[0]!.id;

  // 1. Erik's side: the two standing items, and his motivation score.
  const context = await browser.newContext({
    baseURL: BASE,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  const ep = await context.newPage();
  await signIn(ep, 'medarbetare@samtal.demo');
  await ep.goto(`/one-on-ones/meetings/${meetingId}`);
  await expect(ep.getByRole('heading', { name: 'Feedback åt båda hållen' })).toBeVisible();
  await expect(ep.getByRole('heading', { name: 'Motivation', exact: true })).toBeVisible();
  const scale = ep.getByRole('group', { name: sv.motivation.question });
  await scale.getByRole('radio', { name: sv.motivation.scale['4']!, exact: true }).check();
  await expect(ep.locator('.motivation').getByRole('status')).toHaveText(sv.note.saved);
  await expect(
    scale.getByRole('radio', { name: sv.motivation.scale['4']!, exact: true }),
  ).toBeChecked();
  await shot(ep, testInfo, 'wf1-motivation-employee');
  await context.close();

  // 2. Maria's side: Erik's score, read only.
  await page.goto(`/one-on-ones/meetings/${meetingId}`);
  await expect(
    page.getByText('Erik Johanssons motivation i det här samtalet: 4 av 5.'),
  ).toBeVisible();
  await expect(page.getByRole('group', { name: sv.motivation.question })).toHaveCount(0);
  await shot(page, testInfo, 'wf2-motivation-manager');

  // 3. The reflection: one text, saved as she types, no save button.
  await page.goto(`/one-on-ones/meetings/${meetingId}/reflection`);
  await expect(page.getByRole('heading', { level: 1, name: 'Din reflektion' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Spara/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: sv.reflection.perTopic })).toBeVisible();
  await page.getByLabel(sv.reflection.notes, { exact: true }).fill(REFLECTION);
  await expect(page.getByRole('status').filter({ hasText: sv.note.saved })).toBeVisible();
  await shot(page, testInfo, 'wf3-reflection');
  await page.reload();
  await expect(page.getByLabel(sv.reflection.notes, { exact: true })).toHaveValue(REFLECTION);
});
