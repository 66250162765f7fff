import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { messageId: string; to: string[]; raw: string };

/**
 * A real SMTP server on 127.0.0.1 for tests. `holdData` can keep a message's DATA phase open
 * (so a test can kill the sender mid-delivery); `down()`/`up()` stop and restart it on the
 * same port.
 */
export class TestSmtpServer {
  received: ReceivedMail[] = [];
  port = 0;
  /** When set, called before a message is accepted; return a promise to delay the answer. */
  onData: ((mail: ReceivedMail) => Promise<'accept' | 'drop'> | 'accept' | 'drop') | null = null;
  private server: SMTPServer | null = null;

  private make(): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '';
          const mail = {
            messageId,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          };
          const verdict = this.onData ? await this.onData(mail) : 'accept';
          if (verdict === 'drop') return; // never answer: the client is left waiting
          this.received.push(mail);
          callback();
        });
      },
    });
  }

  async up(): Promise<void> {
    this.server = this.make();
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Distinct Message-IDs received for `address`. */
  idsFor(address: string): string[] {
    return this.received.filter((m) => m.to.includes(address)).map((m) => m.messageId);
  }
}

/** Polls `check` until it is true or `ms` pass. */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  ms = 20_000,
): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`condition not met within ${ms} ms`);
}
