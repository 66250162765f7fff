/**
 * Sealed at rest, written through the browser (decision 018): Mads, a Danish manager, unlocks
 * his vault, types a private note and a reflection in the page (his browser seals them) and a
 * shared note in the live meeting. Then every file of the running server's data folder —
 * heap files and the write-ahead log — is searched for the words: the shared note is there,
 * the private note and the reflection are not. The database-wide search on PostgreSQL is in
 * test/integration/sealed-at-rest.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { createVault } from '../../src/domain/sealing/envelope';
import { expect, signIn, test } from './support';

/** The Danish texts of the page, from the catalog itself. */
const da = JSON.parse(fs.readFileSync('src/i18n/locales/da/meetings.json', 'utf8')) as {
  vault: { locked: { title: string }; unlock: { submit: string } };
  reflection: { save: string; saved: string };
};

const PRIVATE = 'privat-i-browseren-3c9e-Mads-overvejer-ny-rolle';
const REFLECTION = 'refleksion-i-browseren-a71f-lad-medarbejderen-starte';
const SHARED = 'delt-i-browseren-5e2b-kursusbudget';
const PASSPHRASE = 'fire ravne over fjorden i juni';

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

/** Which of the texts are in any file under the folder (heap, indexes, pg_wal). */
function foundInFolder(dir: string, texts: string[]): string[] {
  const found = new Set<string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const data = fs.readFileSync(p);
        for (const t of texts) if (data.includes(Buffer.from(t, 'utf8'))) found.add(t);
      }
    }
  };
  walk(dir);
  return [...found];
}

test('what Mads types into sealed notes never reaches the data folder, WAL included', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dataDir = process.env.SAMTAL_E2E_DATA_DIR!;
  expect(fs.existsSync(dataDir)).toBe(true);
  await signIn(page, 'leder@samtal.demo');
  const api = await apiOf(page);
  const overview = (await api.get('/api/one-on-ones/overview')) as {
    items: { person: { id: string }; nextMeeting: { id: string } | null }[];
  };
  let meetingId = overview.items.find((i) => i.nextMeeting)?.nextMeeting?.id;
  if (!meetingId) {
    // No 1:1 booked yet with his report: book one, a week from now.
    const start = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const series = (await api.post('/api/one-on-ones/series', {
      employeeId: overview.items[0]!.person.id,
      cadence: 'every_2_weeks',
      startDate: start,
      localTime: '09:00',
      timeZone: 'Europe/Copenhagen',
      place: { kind: 'walk_and_talk' },
    })) as { id: string };
    const meetings = (await api.get(`/api/one-on-ones/series/${series.id}/meetings?limit=1`)) as {
      items: { id: string }[];
    };
    meetingId = meetings.items[0]!.id;
  }
  // His vault, as the set-up screen makes it (that screen has its own journey).
  const mine = (await api.get('/api/vault')) as { vault: unknown };
  expect(mine.vault).toBeNull();
  await api.post('/api/vault', (await createVault(PASSPHRASE)).wraps);

  await page.goto(`/one-on-ones/meetings/${meetingId}`);
  const panel = page.locator('#private-notes');
  await expect(panel.getByText(da.vault.locked.title)).toBeVisible();
  await panel.locator('#vault-unlock').fill(PASSPHRASE);
  await panel.getByRole('button', { name: da.vault.unlock.submit, exact: true }).click();
  const privateNote = panel.locator('textarea');
  await privateNote.fill(PRIVATE);
  await expect
    .poll(
      async () =>
        (
          (await api.get(`/api/one-on-ones/meetings/${meetingId}/private-note`)) as {
            sealed: unknown;
          }
        ).sealed,
    )
    .not.toBeNull();

  // The shared note, typed in the live meeting: this one is meant to be stored as text.
  await page.locator('li.point textarea').first().fill(SHARED);

  // His reflection, sealed by the page.
  await page.goto(`/one-on-ones/meetings/${meetingId}/reflection`);
  await page.locator('#vault-unlock').fill(PASSPHRASE);
  await page.getByRole('button', { name: da.vault.unlock.submit, exact: true }).click();
  await page.locator('#r-notes').fill(REFLECTION);
  await page.getByRole('button', { name: da.reflection.save }).click();
  await expect(page.getByText(da.reflection.saved)).toBeVisible();

  // Whatever the database wrote so far is in its files (the WAL at every commit).
  await expect.poll(() => foundInFolder(dataDir, [SHARED]), { timeout: 30_000 }).toEqual([SHARED]);
  expect(foundInFolder(dataDir, [PRIVATE, REFLECTION, SHARED])).toEqual([SHARED]);
});
