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
import { createVault } from '../../src/domain/sealing/envelope';
import { expect, signIn, test } from './support';
import { apiOf, nextMeetingOrBook } from './meeting-api';

/** The Danish texts of the page, from the catalog itself. */
const da = JSON.parse(fs.readFileSync('src/i18n/locales/da/meetings.json', 'utf8')) as {
  vault: { locked: { title: string }; unlock: { submit: string } };
  note: { saved: string };
};

const PRIVATE = 'privat-i-browseren-3c9e-Mads-overvejer-ny-rolle';
const REFLECTION = 'refleksion-i-browseren-a71f-lad-medarbejderen-starte';
const SHARED = 'delt-i-browseren-5e2b-kursusbudget';
const PASSPHRASE = 'fire ravne over fjorden i juni';

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
  const meetingId = await nextMeetingOrBook(api, 'Europe/Copenhagen');
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
  await expect(page.getByRole('status').filter({ hasText: da.note.saved })).toBeVisible();

  // Whatever the database wrote so far is in its files (the WAL at every commit).
  await expect.poll(() => foundInFolder(dataDir, [SHARED]), { timeout: 30_000 }).toEqual([SHARED]);
  expect(foundInFolder(dataDir, [PRIVATE, REFLECTION, SHARED])).toEqual([SHARED]);
});
