import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, openPglite } from '../../src/db/client';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { Client } from '../support/app';
import { freshDatabase } from '../support/database';
import { makeOrg, makePerson, TEST_PASSWORD } from '../support/factories';

describe('embedded database folder', () => {
  it('refuses a second opener with a clear error, and opens again after close', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samtal-lock-'));
    const first = await openPglite(dir);
    await expect(openPglite(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(openPglite(dir)).rejects.toThrow(/already in use by another Samtal process/);
    await first.close();
    const again = await openPglite(dir);
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('logs', () => {
  it('carry request ids but never a password, session token or cookie', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const database = await freshDatabase();
    const app = await buildApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'trace' }), database, {
      logStream: stream,
    });
    try {
      const org = await makeOrg(database.db);
      await makePerson(database.db, org.id, { email: 'log@example.test' });
      const c = new Client(app);
      const res = await c.login('log@example.test');
      const token = res.cookies.find((x) => x.name === 'samtal_session')!.value;
      await c.get('/api/me');
      await c.post('/api/auth/login', { email: 'log@example.test', password: 'wrong-secret-42' });
      const all = lines.join('');
      expect(all).toContain('reqId');
      expect(all).not.toContain(TEST_PASSWORD);
      expect(all).not.toContain('wrong-secret-42');
      expect(all).not.toContain(token);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
