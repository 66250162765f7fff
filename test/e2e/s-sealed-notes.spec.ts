/**
 * Sealed private notes (decision 018), in Swedish: Maria has a plain private note, sets up her
 * vault (passphrase, recovery code shown once), the note is sealed on the spot; she writes
 * more, reloads, finds it sealed, unlocks with the passphrase and reads it; reloads again and
 * unlocks with the recovery code; later she changes the vault passphrase in Settings and lets
 * this browser remember the key until she locks it or signs out. The server only ever hands back
 * ciphertext.
 */
import { strFromU8, unzipSync } from 'fflate';
import fs from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, openPersonMenu, shot, signIn, test } from './support';

async function apiOf(page: Page) {
  const request: APIRequestContext = page.context().request;
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  return {
    get: async (url: string) => (await request.get(url)).json(),
    put: async (url: string, data: unknown) => {
      const res = await request.put(url, { data, headers: { 'x-csrf-token': token } });
      expect(res.ok(), `PUT ${url}: ${await res.text()}`).toBe(true);
      return res.json();
    },
  };
}

const BEFORE = 'Före valvet: Ahmed vill byta team.';
const AFTER = 'Efter valvet: fråga om kursen i mars.';
const PASSPHRASE = 'korp under isen vid älven';
const NEW_PASSPHRASE = 'ny fras för ett nytt år';
const REFLECTION = 'Nästa gång: låt Ahmed börja.';

test('Maria seals her private notes, reloads, and unlocks with passphrase and recovery code', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  await signIn(page, 'chef@samtal.demo');
  const api = await apiOf(page);
  const overview = (await api.get('/api/one-on-ones/overview')) as {
    items: { person: { name: string }; nextMeeting: { id: string } | null }[];
  };
  const meetingId = overview.items.find((i) => i.person.name === 'Ahmed Hassan')!.nextMeeting!.id;
  const url = `/api/one-on-ones/meetings/${meetingId}/private-note`;
  const current = (await api.get(url)) as { version: number };
  await api.put(url, { body: BEFORE, baseVersion: current.version });

  // The plain note, and the invitation to seal it.
  await page.goto(`/one-on-ones/meetings/${meetingId}`);
  const panel = page.locator('#private-notes');
  await expect(panel.getByLabel('Dina stödanteckningar')).toHaveValue(BEFORE);
  await panel.getByRole('button', { name: 'Så fungerar det, och kom igång' }).click();
  await expect(panel).toContainText(
    'om du tappar bort både din lösenfras och din återställningskod',
  );
  await panel.getByLabel('Lösenfras för valvet').fill(PASSPHRASE);
  await panel.getByLabel('Upprepa lösenfrasen').fill(PASSPHRASE);
  await panel.getByRole('button', { name: 'Skapa mitt valv' }).click();

  // The recovery code, once.
  const code = (await panel.getByTestId('recovery-code').innerText()).trim();
  expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await shot(page, testInfo, 's01-recovery-code');
  await panel.getByLabel('Jag har sparat min återställningskod').check();
  await panel.getByRole('button', { name: 'Klar' }).click();

  // Sealed on the spot: the server holds ciphertext only.
  await expect(
    panel.getByText('Förseglat: bara du kan öppna de här anteckningarna.'),
  ).toBeVisible();
  await expect
    .poll(async () => ((await api.get(url)) as { sealed: unknown }).sealed)
    .not.toBeNull();
  await expect(panel.getByLabel('Dina stödanteckningar')).toHaveValue(BEFORE);
  await panel.getByLabel('Dina stödanteckningar').fill(AFTER);
  await expect(panel.getByRole('status').filter({ hasText: 'Sparat' })).toBeVisible();
  const stored = JSON.stringify(await api.get(url));
  expect(stored).not.toContain('Efter valvet');
  expect(stored).not.toContain('Före valvet');

  // A reload locks it: sealed, not an error; the passphrase opens it.
  await page.reload();
  await expect(panel.getByText('Förseglat – lås upp för att läsa.')).toBeVisible();
  await shot(page, testInfo, 's02-locked');
  await panel.getByLabel('Lösenfras för valvet').fill('fel fras helt och hållet');
  await panel.getByRole('button', { name: 'Lås upp' }).click();
  await expect(panel.getByText('Det öppnade inte ditt valv.')).toBeVisible();
  await panel.getByLabel('Lösenfras för valvet').fill(PASSPHRASE);
  await panel.getByRole('button', { name: 'Lås upp' }).click();
  await expect(panel.getByLabel('Dina stödanteckningar')).toHaveValue(AFTER);

  // Forgot the passphrase: the recovery code opens it too.
  await page.reload();
  await panel.getByRole('button', { name: 'Använd min återställningskod i stället' }).click();
  await panel.getByLabel('Återställningskod').fill(code.toLowerCase());
  await panel.getByRole('button', { name: 'Lås upp' }).click();
  await expect(panel.getByLabel('Dina stödanteckningar')).toHaveValue(AFTER);
  await shot(page, testInfo, 's03-unlocked');

  // Locking by hand (a shared computer): sealed again, the text gone from the page.
  await panel.getByRole('button', { name: 'Lås nu' }).click();
  await expect(panel.getByText('Förseglat – lås upp för att läsa.')).toBeVisible();
  await expect(panel.getByLabel('Dina stödanteckningar')).toHaveCount(0);

  // Her reflection on the meeting goes through the same vault.
  await page.goto(`/one-on-ones/meetings/${meetingId}/reflection`);
  await page.getByLabel('Lösenfras för valvet').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Lås upp' }).click();
  await page.getByLabel('Din reflektion', { exact: true }).fill(REFLECTION);
  await expect(page.getByRole('status').filter({ hasText: 'Sparat' })).toBeVisible();
  const reflection = JSON.stringify(
    await api.get(`/api/one-on-ones/meetings/${meetingId}/reflection`),
  );
  expect(reflection).toContain('"ciphertext"');
  expect(reflection).not.toContain('Nästa gång');
  await page.reload();
  await page.getByLabel('Lösenfras för valvet').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Lås upp' }).click();
  await expect(page.getByLabel('Din reflektion', { exact: true })).toHaveValue(REFLECTION);

  // Settings: a new vault passphrase (the old one is refused afterwards, the recovery code not).
  await page.goto('/settings');
  const vault = page.locator('section', {
    has: page.getByRole('heading', { name: 'Lösenfras för valvet' }),
  });
  await vault.getByLabel('Nuvarande lösenfras för valvet').fill('inte den rätta frasen');
  await vault.getByLabel('Ny lösenfras för valvet').fill(NEW_PASSPHRASE);
  await vault.getByLabel('Upprepa den nya lösenfrasen').fill(NEW_PASSPHRASE);
  await vault.getByRole('button', { name: 'Byt lösenfras för valvet' }).click();
  await expect(vault.getByText('Det är inte din nuvarande lösenfras för valvet.')).toBeVisible();
  await vault.getByLabel('Nuvarande lösenfras för valvet').fill(PASSPHRASE);
  await vault.getByRole('button', { name: 'Byt lösenfras för valvet' }).click();
  await expect(vault.getByText('Lösenfrasen för valvet är bytt.')).toBeVisible();
  await shot(page, testInfo, 's04-passphrase-changed');
  // Her own export: locked, the sealed note would come out sealed; unlocked here, this browser
  // opens it and the file holds it as text (the server never had it readable).
  await page.reload();
  const myData = page.locator('section', {
    has: page.getByRole('heading', { name: 'Mina uppgifter' }),
  });
  await expect(myData.getByText(/följer med förseglade/)).toBeVisible();
  await myData.getByLabel('Lösenfras för valvet').fill(NEW_PASSPHRASE);
  await myData.getByRole('button', { name: 'Lås upp' }).click();
  await expect(
    myData.getByText(/öppnas i den här webbläsaren och följer med som text/),
  ).toBeVisible();
  const download = page.waitForEvent('download');
  await myData.getByRole('button', { name: 'Ladda ner mina uppgifter' }).click();
  const exported = unzipSync(new Uint8Array(fs.readFileSync(await (await download).path())));
  const privateNotes = JSON.parse(strFromU8(exported['privateNotes.json']!)) as {
    meeting_id: string;
    body: string | null;
    ciphertext?: string;
  }[];
  const mine = privateNotes.find((n) => n.meeting_id === meetingId)!;
  expect(mine.body).toBe(AFTER);
  expect(mine.ciphertext).toBeUndefined();
  expect(strFromU8(exported['README.txt']!)).toContain('öppnades i din egen webbläsare');
  await page.goto(`/one-on-ones/meetings/${meetingId}`);
  await panel.getByLabel('Lösenfras för valvet').fill(PASSPHRASE);
  await panel.getByRole('button', { name: 'Lås upp' }).click();
  await expect(panel.getByText('Det öppnade inte ditt valv.')).toBeVisible();
  await panel.getByLabel('Lösenfras för valvet').fill(NEW_PASSPHRASE);
  await panel.getByRole('button', { name: 'Lås upp' }).click();
  await expect(panel.getByLabel('Dina stödanteckningar')).toHaveValue(AFTER);

  // Remember this device: a reload opens without typing, until she locks it by hand.
  await panel.getByRole('button', { name: 'Lås nu' }).click();
  await panel.getByLabel('Lösenfras för valvet').fill(NEW_PASSPHRASE);
  await panel.getByLabel('Kom ihåg den här enheten').check();
  await panel.getByLabel('Hur länge').selectOption({ label: 'i 1 dag' });
  await panel.getByRole('button', { name: 'Lås upp' }).click();
  await expect(panel.getByLabel('Dina stödanteckningar')).toHaveValue(AFTER);
  await page.reload();
  await expect(panel.getByLabel('Dina stödanteckningar')).toHaveValue(AFTER);
  await panel.getByRole('button', { name: 'Lås nu' }).click();
  await page.reload();
  await expect(panel.getByText('Förseglat – lås upp för att läsa.')).toBeVisible();

  // Signing out forgets a remembered key too.
  await panel.getByLabel('Lösenfras för valvet').fill(NEW_PASSPHRASE);
  await panel.getByLabel('Kom ihåg den här enheten').check();
  await panel.getByRole('button', { name: 'Lås upp' }).click();
  await expect(panel.getByLabel('Dina stödanteckningar')).toHaveValue(AFTER);
  await openPersonMenu(page);
  await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // Back in the same tab without a reload: the key unlocked in memory is gone as well.
  await page.locator('#email').fill('chef@samtal.demo');
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('nav#main-nav')).toBeAttached();
  await page.evaluate((path) => {
    history.pushState({}, '', path);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/one-on-ones/meetings/${meetingId}`);
  await expect(panel.getByText('Förseglat – lås upp för att läsa.')).toBeVisible();
  // And after a reload nothing remembered opens it either.
  await page.reload();
  await expect(panel.getByText('Förseglat – lås upp för att läsa.')).toBeVisible();
});
