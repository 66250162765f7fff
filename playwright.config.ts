import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets a second run (say, CI beside a developer) use its own port.
const PORT = Number(process.env.E2E_PORT ?? 3100);

// One fresh data folder per run. Workers load this file again: the variable, set by the first
// load and inherited through the environment, keeps them on the same folder.
process.env.SAMTAL_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'samtal-e2e-'));

/** Browser journeys through the built app, in Debian's Chromium (never a downloaded browser). */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e-artifacts',
  // The journeys share one demo organisation and change it; one at a time keeps them honest.
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 860 },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'node bin/samtal.js serve --demo',
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      SAMTAL_DATA_DIR: process.env.SAMTAL_E2E_DATA_DIR,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
    },
  },
});
