/**
 * The server bundle (decision 005): built from src/ into one file, it serves exactly as the
 * sources do — it finds the migrations, templates, catalogs and web app from inside dist/ — and
 * bin/samtal.js runs it only while the sources are unchanged since it was built.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../../bin/server-bundle.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'dist', `server-test-${process.pid}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samtal-bundle-'));
let child: ChildProcess | undefined;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-server.mjs', '--out', OUT], { cwd: ROOT });
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
  }
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the server bundle', () => {
  it('serves from dist/: migrations applied, templates and translated catalogs found', async () => {
    const bundle = freshBundle(OUT);
    expect(bundle).toBe(path.join(OUT, 'samtal.mjs'));
    child = spawn(process.execPath, [bundle!, 'serve'], {
      cwd: os.tmpdir(), // not the project: every file must be found from the bundle's place
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        SAMTAL_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        SAMTAL_WORKERS: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d.toString();
        const m = /running at (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.on('exit', (code) => reject(new Error(`bundle exited (${code}): ${out}`)));
    });
    expect((await fetch(`${url}/api/ping`)).status).toBe(200);
    // A translated error needs the catalogs read from src/i18n/locales at run time.
    const res = await fetch(`${url}/api/me`, { headers: { 'accept-language': 'da' } });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).not.toMatch(/^errors\./);
    expect(body.error.message.length).toBeGreaterThan(5);
  }, 120_000);

  it('is not run once the sources changed after the build', () => {
    // A source file added (and then removed) changes the sources without touching a real one.
    const probe = path.join(ROOT, 'src', `.server-bundle-probe-${process.pid}.ts`);
    expect(freshBundle(OUT)).not.toBeNull();
    try {
      fs.writeFileSync(probe, 'export {};\n');
      expect(freshBundle(OUT)).toBeNull();
    } finally {
      fs.rmSync(probe, { force: true });
    }
    expect(freshBundle(OUT)).not.toBeNull();
  });
});
