/**
 * Real server processes sharing one PostgreSQL database and one SMTP server: two instances
 * never send a mail twice, and killing an instance in the middle of a delivery loses nothing
 * and doubles nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { mailOutbox } from '../../src/db/schema/index';
import { FAST_TIMING, JobQueue } from '../../src/server/jobs/queue';
import { JOB_KINDS } from '../../src/server/jobs/workers';
import { createMailer } from '../../src/server/mail/mailer';
import { freshDatabase } from '../support/database';
import { makeOrg, makePerson } from '../support/factories';
import { eventually, TestSmtpServer } from '../support/smtp';

let database: Database & { url?: string };
const smtp = new TestSmtpServer();
let orgId: string;
let recipientId: string;
const children: ChildProcess[] = [];

/** Starts `samtal serve` as its own process on the test database; resolves when it listens. */
function startInstance(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/samtal.js', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      JOB_TIMING: 'fast',
      PUBLIC_URL: 'http://samtal.test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`instance did not start: ${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Samtal is running')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`instance exited (${code}): ${out}`)));
  });
}

async function enqueue(keys: string[]): Promise<string[]> {
  const queue = new JobQueue(database, FAST_TIMING);
  await queue.start(JOB_KINDS);
  const mailer = createMailer({
    queue,
    transport: null,
    from: 'x@y',
    messageIdDomain: 'samtal.test',
  });
  await database.db.transaction(async (tx) => {
    for (const k of keys)
      await mailer.enqueue(tx, {
        orgId,
        recipientId,
        kind: 'test',
        locale: 'sv',
        dedupeKey: k,
        subject: `Test ${k}`,
        text: 'x',
        html: '<p>x</p>',
      });
  });
  await queue.stop();
  const rows = await database.db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.orgId, orgId), inArray(mailOutbox.dedupeKey, keys)));
  return rows.map((r) => `<${r.id}@samtal.test>`);
}

const copiesOf = (messageId: string) =>
  smtp.received.filter((m) => m.messageId === messageId).length;

beforeAll(async () => {
  await smtp.up();
  database = await freshDatabase();
  if (!database.url) throw new Error('these tests need DATABASE_URL (PostgreSQL)');
  const org = await makeOrg(database.db);
  orgId = org.id;
  recipientId = (await makePerson(database.db, orgId, { email: 'many@example.test' })).id;
}, 60_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await database.close();
  await smtp.down();
});

describe('several instances on one database', () => {
  it('two instances deliver every mail exactly once', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `two-${i}`);
    const ids = await enqueue(keys);
    await Promise.all([startInstance(), startInstance()]);
    await eventually(() => ids.every((id) => copiesOf(id) >= 1), 60_000);
    await new Promise((r) => setTimeout(r, 3000)); // time for any double to show up
    expect(ids.map(copiesOf)).toEqual(ids.map(() => 1));
    for (const c of children.splice(0)) c.kill('SIGTERM');
  }, 120_000);

  it('an instance killed mid-delivery loses nothing and doubles nothing', async () => {
    const [id] = await enqueue(['killed']);
    let held!: () => void;
    const reachedData = new Promise<void>((resolve) => {
      smtp.onData = (mail) => {
        if (mail.messageId !== id) return 'accept';
        resolve();
        // Never answer this DATA: the sender is killed while it waits.
        return new Promise<'drop'>((r) => (held = () => r('drop')));
      };
    });
    const first = await startInstance();
    await reachedData;
    first.kill('SIGKILL');
    held();
    smtp.onData = null;
    expect(copiesOf(id!)).toBe(0);
    await startInstance();
    await eventually(() => copiesOf(id!) === 1, 60_000);
    await new Promise((r) => setTimeout(r, 3000));
    expect(copiesOf(id!)).toBe(1);
    const [row] = await database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.orgId, orgId), eq(mailOutbox.dedupeKey, 'killed')));
    expect(row).toMatchObject({ status: 'sent' });
    expect(row!.attempts).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
