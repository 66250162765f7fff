import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has defaults that run on a fresh machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 3000, databaseUrl: undefined });
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
  });

  it('logs every request in production, only warnings on a developer’s terminal', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).logLevel).toBe('info');
    expect(loadConfig({}).logLevel).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it('names every bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', COOKIE_SECRET: 'short' });
    } catch (err) {
      const msg = (err as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('DATABASE_URL: must start with postgres://');
      expect(msg).toContain('COOKIE_SECRET: must be at least 32 characters');
    }
  });

  it('takes ENCRYPTION_KEY as 32 bytes in base64 or hex, and names it when it is not', () => {
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ ENCRYPTION_KEY: b64 }).encryptionKey?.length).toBe(32);
    expect(loadConfig({ ENCRYPTION_KEY: 'ab'.repeat(32) }).encryptionKey).toEqual(
      Buffer.alloc(32, 0xab),
    );
    expect(loadConfig({}).encryptionKey).toBeUndefined();
    expect(() => loadConfig({ ENCRYPTION_KEY: 'too-short' })).toThrow(
      /ENCRYPTION_KEY: must be 32 bytes/,
    );
  });
});
