/**
 * A Samtal of a journey's own (demo organisation, own data folder, the embedded database) that
 * delivers its mail to a local SMTP server the journey reads: for journeys that follow a link
 * from a mail. Registers the start and stop with the file's tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestSmtpServer, type ReceivedMail } from '../support/smtp';
import { test } from './support';

/**
 * Starts the server before the file's tests and stops it after. `host` is the name the browser
 * uses (WebAuthn needs a domain such as localhost); `publicUrl` makes links point there.
 */
export function ownSamtalFor(opts: {
  port: number;
  host: '127.0.0.1' | 'localhost';
  name: string;
  publicUrl?: boolean;
}): { smtp: TestSmtpServer; base: string; mailTo(address: string): Promise<ReceivedMail> } {
  const base = `http://${opts.host}:${opts.port}`;
  const smtp = new TestSmtpServer();
  let server: ChildProcess | undefined;
  let dataDir = '';

  test.beforeAll(async () => {
    await smtp.up();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `samtal-e2e-${opts.name}-`));
    // Always the embedded database, in its own folder (never a DATABASE_URL around).
    const { DATABASE_URL: _ignored, ...env } = process.env;
    server = spawn(process.execPath, ['bin/samtal.js', 'serve', '--demo'], {
      env: {
        ...env,
        PORT: String(opts.port),
        HOST: '127.0.0.1',
        ...(opts.publicUrl ? { PUBLIC_URL: base } : {}),
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
        if ((await fetch(`http://127.0.0.1:${opts.port}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (i > 600) throw new Error(`the ${opts.name} journey’s own server did not start`);
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

  /** The first mail that reached `address`, waiting up to a minute for it. */
  async function mailTo(address: string): Promise<ReceivedMail> {
    for (let i = 0; i < 240; i++) {
      const found = smtp.received.find((m) => m.to.includes(address));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`no mail to ${address}`);
  }

  return { smtp, base, mailTo };
}

/** The plain-text body of a MIME mail, its transfer encoding undone. */
export function textOf(mail: ReceivedMail): string {
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
