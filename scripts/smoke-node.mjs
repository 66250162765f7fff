/* global fetch */
// Starts Samtal with the given Node binary on a fresh embedded database with the demo
// organisation, then signs in through the HTTP API the way the web app does (CSRF token,
// cookies) and reads the home page data. Proves a Node line runs Samtal end to end
// (decision 023). Usage: node scripts/smoke-node.mjs <path/to/node> [port]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [nodeBin = process.execPath, port = '3190'] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samtal-smoke-'));
const server = spawn(nodeBin, ['bin/samtal.js', 'serve', '--demo'], {
  env: {
    ...process.env,
    PORT: port,
    HOST: '127.0.0.1',
    SAMTAL_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

async function waitForHealth(deadline) {
  for (;;) {
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return res.json();
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('Samtal did not answer /healthz within 120 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

let cookies = '';
function keep(res) {
  for (const c of res.headers.getSetCookie()) cookies += `${c.split(';')[0]}; `;
}

try {
  const version = await new Promise((resolve, reject) => {
    const p = spawn(nodeBin, ['--version']);
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error('no node'))));
  });
  const health = await waitForHealth(Date.now() + 120_000);
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { token } = await csrfRes.json();
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: cookies },
    body: JSON.stringify({ email: 'chef@samtal.demo', password: 'samtal-demo' }),
  });
  keep(login);
  if (login.status !== 200)
    throw new Error(`sign-in answered ${login.status}: ${await login.text()}`);
  const me = await fetch(`${base}/api/me`, { headers: { cookie: cookies } });
  if (me.status !== 200) throw new Error(`/api/me answered ${me.status}`);
  const person = await me.json();
  console.log(
    `Node ${version}: ${health.database} database, signed in as ${person.name ?? person.person?.name}`,
  );
} catch (err) {
  console.error(`smoke test failed on ${nodeBin}: ${err.message}`);
  process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
