/**
 * "Forgot your password?" from the sign-in page, with the mail really sent: this journey runs
 * its own Samtal (demo organisation, own data folder) that delivers through a local SMTP
 * server, and reads the link from the mail that arrived there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestSmtpServer, type ReceivedMail } from '../support/smtp';
import { expect, shot, test } from './support';

const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const BASE = `http://127.0.0.1:${PORT}`;
const smtp = new TestSmtpServer();
let server: ChildProcess | undefined;
let dataDir = '';

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  await smtp.up();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samtal-e2e-mail-'));
  // Always the embedded database, in its own folder (never a DATABASE_URL around).
  const { DATABASE_URL: _ignored, ...env } = process.env;
  server = spawn(process.execPath, ['bin/samtal.js', 'serve', '--demo'], {
    env: {
      ...env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      SAMTAL_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      SMTP_URL: smtp.url,
      JOB_TIMING: 'fast',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600) throw new Error('the mail journey’s own server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await smtp.down();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The plain-text body of a MIME mail, its transfer encoding undone. */
function textOf(mail: ReceivedMail): string {
  const parts = mail.raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const part = parts.find((p) => /content-type:\s*text\/plain/i.test(p)) ?? mail.raw;
  const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/transfer-encoding:\s*base64/i.test(head))
    return Buffer.from(body, 'base64').toString('utf8');
  if (/transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

async function mailTo(address: string): Promise<ReceivedMail> {
  for (let i = 0; i < 240; i++) {
    const found = smtp.received.find((m) => m.to.includes(address));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail to ${address}`);
}

test('a manager who forgot her password gets a link by mail and chooses a new one', async ({
  page,
}, testInfo) => {
  await page.goto(`${BASE}/sign-in`);
  await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glömt lösenordet?' })).toBeVisible();
  await page.getByLabel('E-postadress').fill('chef@samtal.demo');
  await page.getByRole('button', { name: 'Skicka länk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Titta i din inkorg' })).toBeVisible();
  await expect(
    page.getByText(/^Om chef@samtal\.demo hör till ett konto i Samtal är en länk på väg\./),
  ).toBeVisible();
  await shot(page, testInfo, 'r1-forgot-sent');

  // An address without an account gets the very same answer, and no mail goes anywhere.
  await page.goto(`${BASE}/forgot-password`);
  await page.getByLabel('E-postadress').fill('ingen@samtal.demo');
  await page.getByRole('button', { name: 'Skicka länk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Titta i din inkorg' })).toBeVisible();

  const mail = await mailTo('chef@samtal.demo');
  const text = textOf(mail);
  expect(text).toContain('Någon, troligen du, har bett om en länk');
  const link = /(http:\/\/\S+\/set-password#[A-Za-z0-9_-]{20,})/.exec(text)?.[1];
  expect(link).toBeDefined();
  expect(smtp.received.filter((m) => m.to.includes('ingen@samtal.demo'))).toHaveLength(0);

  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Välj ditt lösenord' })).toBeVisible();
  await page.getByLabel('Nytt lösenord').fill('ett nytt långt lösenord');
  await page.getByLabel('Upprepa lösenordet').fill('ett nytt långt lösenord');
  await page.getByRole('button', { name: 'Spara lösenordet' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ditt lösenord är sparat' }),
  ).toBeVisible();
  await shot(page, testInfo, 'r2-new-password');

  // She is told her password changed, at the same address.
  const changed = await (async () => {
    for (let i = 0; i < 240; i++) {
      const m = smtp.received.filter((x) => x.to.includes('chef@samtal.demo'));
      if (m.length >= 2) return m[1]!;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('no mail about the changed password');
  })();
  expect(textOf(changed)).toContain('Lösenordet till ditt konto i Samtal ändrades');

  await page.getByRole('link', { name: 'Till inloggningen' }).click();
  await page.locator('#email').fill('chef@samtal.demo');
  await page.locator('#password').fill('ett nytt långt lösenord');
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('nav#main-nav')).toBeAttached();
});
