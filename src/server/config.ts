import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { SignInLimits } from '../domain/sign-in-throttle';
import type { HashingLimits } from './services/password';

const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** PostgreSQL connections per process (decision 015). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** A statement running longer is cancelled; 0 = no limit (decision 015). */
  DATABASE_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().min(0).default(60),
  SAMTAL_DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Samtal <no-reply@samtal.invalid>'),
  /** Off in tests that do not want background workers. */
  SAMTAL_WORKERS: booleanish.default(true),
  /** "fast" shortens job retries, expiry and mail leases to seconds (tests and demos). */
  JOB_TIMING: z.enum(['normal', 'fast']).default('normal'),
  // Default: every request as JSON in production; only warnings and errors on a developer's
  // terminal, where the start-up banner says what matters.
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** Seconds a resolved session is reused per process; 0 turns the cache off (decision 015). */
  SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(10),
  /** Set by `serve --demo`: the sign-in page then lists the demo sign-ins. */
  SAMTAL_DEMO: z.enum(['0', '1']).default('0'),
  COOKIE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * 32 random bytes, base64 or hex: encrypts identity providers' client secrets at rest
   * (decision 019). Required once a provider exists, except in tests and `serve --demo`.
   */
  ENCRYPTION_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || decodeKey(v) !== null, {
      message: 'must be 32 bytes, base64 or hex (e.g. `openssl rand -base64 32`)',
    }),
  TRUST_PROXY: booleanish.default(false),
  /** Failed sign-ins per account from browsers without its device cookie (decision 016). */
  LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  /** Failed sign-ins per device cookie (a browser that has signed in to the account before). */
  LOGIN_MAX_PER_DEVICE: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Password hashes computed at once by a process (default: one per four cores, at least 1). */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** Sign-ins that may wait for a hashing slot; more are answered 429 with Retry-After. */
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).max(10_000).default(32),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  databaseStatementTimeoutSeconds: number;
  dataDir: string;
  publicUrl: string;
  logLevel: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  workers: boolean;
  jobTiming: 'normal' | 'fast';
  sessionDays: number;
  sessionCacheSeconds: number;
  cookieSecret: string | undefined;
  /** Encrypts client secrets (decision 019); undefined when ENCRYPTION_KEY is not set. */
  encryptionKey: Buffer | undefined;
  trustProxy: boolean;
  /** Started with `serve --demo`: the demo sign-ins may be shown on the sign-in page. */
  demo: boolean;
  login: SignInLimits;
  hashing: HashingLimits;
};

/** A 32-byte key written as 64 hex digits or as base64, else null. */
function decodeKey(text: string): Buffer | null {
  const v = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  return bytes.length === 32 ? bytes : null;
}

/** Thrown when a setting is wrong; the message names every bad setting. */
export class ConfigError extends Error {}

/** Validates the environment once at start-up; a bad setting stops the process with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseStatementTimeoutSeconds: e.DATABASE_STATEMENT_TIMEOUT_SECONDS,
    dataDir: path.resolve(e.SAMTAL_DATA_DIR),
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'production' ? 'info' : 'warn'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    workers: e.SAMTAL_WORKERS,
    jobTiming: e.JOB_TIMING,
    sessionDays: e.SESSION_DAYS,
    sessionCacheSeconds: e.SESSION_CACHE_SECONDS,
    demo: e.SAMTAL_DEMO === '1',
    cookieSecret: e.COOKIE_SECRET,
    encryptionKey: e.ENCRYPTION_KEY ? (decodeKey(e.ENCRYPTION_KEY) ?? undefined) : undefined,
    trustProxy: e.TRUST_PROXY,
    login: {
      perAccount: e.LOGIN_MAX_PER_ACCOUNT,
      perDevice: e.LOGIN_MAX_PER_DEVICE,
      perAddress: e.LOGIN_MAX_PER_ADDRESS,
      windowMinutes: e.LOGIN_WINDOW_MINUTES,
    },
    hashing: {
      // One slot per four cores, at least one: the other cores keep serving meetings.
      concurrency:
        e.PASSWORD_HASH_CONCURRENCY ?? Math.max(1, Math.floor(os.availableParallelism() / 4)),
      queue: e.PASSWORD_HASH_QUEUE,
    },
  };
}
