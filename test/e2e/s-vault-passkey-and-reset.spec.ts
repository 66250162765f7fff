/**
 * The vault beyond the passphrase (decision 018), in Swedish, on its own Samtal with a local
 * SMTP server (as the forgot-password journey): Maria adds a passkey to her vault in Settings
 * with Chromium's virtual authenticator (CDP WebAuthn domain: CTAP2, internal, resident key,
 * user verification, PRF), and unlocks her sealed note with it. Then HR sends her a password
 * reset, she sets a new password from the mail and signs in again: her notes are still sealed,
 * the server hands out ciphertext only, and her vault passphrase opens them as before.
 *
 * WebAuthn needs a domain as relying party, so this journey runs at localhost, not 127.0.0.1.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { createVault, privateNoteContext, seal } from '../../src/domain/sealing/envelope';
import { textOf, ownSamtalFor } from './own-samtal';
import { DEMO_PASSWORD, expect, shot, test } from './support';

const PORT = Number(process.env.E2E_PORT ?? 3100) + 51;
const { smtp, base: BASE } = ownSamtalFor({
  port: PORT,
  host: 'localhost',
  name: 'vault',
  publicUrl: true,
});

const NOTE = 'Stödanteckning: Ahmed funderar på att byta team till våren.';
const PASSPHRASE = 'tre korpar över fjällsjön i maj';
const NEW_PASSWORD = 'ett helt nytt långt lösenord';

test.describe.configure({ timeout: 180_000 });

async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${BASE}/sign-in`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('nav#main-nav')).toBeAttached();
}

/** The API as the signed-in page (same cookies), with the CSRF token on writes. */
async function apiOf(page: Page) {
  const request: APIRequestContext = page.context().request;
  const token = ((await (await request.get(`${BASE}/api/auth/csrf`)).json()) as { token: string })
    .token;
  const send = async (method: 'post' | 'put', url: string, data: unknown) => {
    const res = await request[method](`${BASE}${url}`, {
      data,
      headers: { 'x-csrf-token': token },
    });
    expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  return {
    get: async (url: string) => (await request.get(`${BASE}${url}`)).json(),
    post: (url: string, data: unknown = {}) => send('post', url, data),
    put: (url: string, data: unknown) => send('put', url, data),
  };
}

test('Maria unlocks her vault with a passkey; a password reset by HR leaves her notes sealed', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, 'chef@samtal.demo');
  const maria = await apiOf(page);
  const me = (await maria.get('/api/me')) as { id: string };
  const overview = (await maria.get('/api/one-on-ones/overview')) as {
    items: { person: { name: string }; nextMeeting: { id: string } | null }[];
  };
  const meetingId = overview.items.find((i) => i.person.name === 'Ahmed Hassan')!.nextMeeting!.id;

  // Her vault and a sealed note, made exactly as her browser makes them (the set-up screens
  // have their own journey, s-sealed-notes).
  const { wraps, key } = await createVault(PASSPHRASE);
  await maria.post('/api/vault', wraps);
  const url = `/api/one-on-ones/meetings/${meetingId}/private-note`;
  const current = (await maria.get(url)) as { version: number };
  await maria.put(url, {
    sealed: await seal(key, NOTE, privateNoteContext(meetingId, me.id), 1),
    baseVersion: current.version,
  });

  // A platform authenticator with a fingerprint reader, PRF included (CTAP2 hmac-secret).
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = (await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      ctap2Version: 'ctap2_1',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      hasPrf: true,
      automaticPresenceSimulation: true,
    },
  })) as { authenticatorId: string };

  // Settings: add a passkey (the vault passphrase is asked again).
  await page.goto(`${BASE}/settings`);
  const section = page.locator('section', {
    has: page.getByRole('heading', { name: 'Nycklar (passkeys) för valvet' }),
  });
  await expect(section.getByText('Inga passkeys än.')).toBeVisible();
  await section
    .getByLabel('Din lösenfras för valvet, för att lägga till en passkey')
    .fill('inte min fras alls');
  await section.getByRole('button', { name: 'Lägg till en passkey' }).click();
  await expect(section.getByText('Det är inte din lösenfras för valvet.')).toBeVisible();
  await section
    .getByLabel('Din lösenfras för valvet, för att lägga till en passkey')
    .fill(PASSPHRASE);
  await section.getByRole('button', { name: 'Lägg till en passkey' }).click();
  await expect(
    section.getByText('Passkeyn är tillagd. Använd den nästa gång du låser upp.'),
  ).toBeVisible();
  await expect(section.getByText(/^Passkey tillagd /)).toBeVisible();
  await shot(page, testInfo, 'sp1-passkey-added');
  const { credentials } = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })) as {
    credentials: { credentialId: string }[];
  };
  expect(credentials).toHaveLength(1);
  const stored = (await maria.get('/api/vault/passkeys')) as {
    items: { credentialId: string; wrap: { wrappedKey: string } }[];
  };
  expect(stored.items).toHaveLength(1);
  // CDP gives the id in base64, the server keeps it in base64url.
  expect(stored.items[0]!.credentialId).toBe(
    Buffer.from(credentials[0]!.credentialId, 'base64').toString('base64url'),
  );

  // The meeting: sealed, and the passkey opens it without a passphrase.
  await page.goto(`${BASE}/one-on-ones/meetings/${meetingId}`);
  const panel = page.locator('#private-notes');
  await expect(panel.getByText('Förseglat – lås upp för att läsa.')).toBeVisible();
  await panel.getByRole('button', { name: 'Lås upp med passkey' }).click();
  await expect(panel.getByLabel('Dina stödanteckningar')).toHaveValue(NOTE);
  await shot(page, testInfo, 'sp2-unlocked-with-passkey');

  // HR sends her a password reset: a link to her own address, never to HR.
  const hrContext = await browser.newContext({ locale: 'sv-SE' });
  const hrPage = await hrContext.newPage();
  await signIn(hrPage, 'hr@samtal.demo');
  const hr = await apiOf(hrPage);
  const sent = (await hr.post(`/api/people/${me.id}/password-link`)) as { kind: string };
  expect(sent.kind).toBe('reset_sent');
  expect(JSON.stringify(sent)).not.toContain('set-password');
  // HR sees nothing of her notes, sealed or not.
  const hrNote = await hrContext.request.get(`${BASE}${url}`);
  expect(hrNote.status()).toBe(404);
  await hrContext.close();

  let link: string | undefined;
  for (let i = 0; i < 240 && !link; i++) {
    const mail = smtp.received.find((m) => m.to.includes('chef@samtal.demo'));
    if (mail) link = /(http:\/\/\S+\/set-password#[A-Za-z0-9_-]{20,})/.exec(textOf(mail))?.[1];
    else await new Promise((r) => setTimeout(r, 250));
  }
  expect(link).toBeDefined();

  // She sets a new password from the mail, in a fresh browser, and signs in with it.
  const fresh = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const again = await fresh.newPage();
  again.on('pageerror', (e) => errors.push(e.message));
  await again.goto(link!);
  await again.getByLabel('Nytt lösenord').fill(NEW_PASSWORD);
  await again.getByLabel('Upprepa lösenordet').fill(NEW_PASSWORD);
  await again.getByRole('button', { name: 'Spara lösenordet' }).click();
  await expect(
    again.getByRole('heading', { level: 1, name: 'Ditt lösenord är sparat' }),
  ).toBeVisible();
  await signIn(again, 'chef@samtal.demo', NEW_PASSWORD);

  // Still sealed: the reset opened nothing, and the server hands out ciphertext only.
  const after = await apiOf(again);
  const sealedNote = JSON.stringify(await after.get(url));
  expect(sealedNote).toContain('"ciphertext"');
  expect(sealedNote).not.toContain('Ahmed funderar');
  await again.goto(`${BASE}/one-on-ones/meetings/${meetingId}`);
  const panel2 = again.locator('#private-notes');
  await expect(panel2.getByText('Förseglat – lås upp för att läsa.')).toBeVisible();
  await shot(again, testInfo, 'sp3-sealed-after-reset');
  // Her new sign-in password is not the vault passphrase and does not open it.
  await panel2.getByLabel('Lösenfras för valvet').fill(NEW_PASSWORD);
  await panel2.getByRole('button', { name: 'Lås upp', exact: true }).click();
  await expect(panel2.getByText('Det öppnade inte ditt valv.')).toBeVisible();
  await panel2.getByLabel('Lösenfras för valvet').fill(PASSPHRASE);
  await panel2.getByRole('button', { name: 'Lås upp', exact: true }).click();
  await expect(panel2.getByLabel('Dina stödanteckningar')).toHaveValue(NOTE);
  await shot(again, testInfo, 'sp4-unlocked-with-passphrase');

  await fresh.close();
  await context.close();
  expect(errors, 'uncaught errors in the pages').toEqual([]);
});
