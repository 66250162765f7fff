import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, type LockHolder } from './data-dir-lock';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'samtal-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const writeHolder = (dir: string, h: Partial<LockHolder>) =>
  fs.writeFileSync(
    path.join(dir, 'samtal.pid'),
    JSON.stringify({ pid: 1, started: null, host: os.hostname(), nonce: 'x', ...h }),
  );

/** A pid that belonged to a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid;
}

describe('embedded data folder lock', () => {
  it('opens at once when the holder is dead (kill -9 leaves its lock behind)', async () => {
    const dir = tmp();
    writeHolder(dir, { pid: deadPid(), started: '123' });
    const release = await lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'samtal.pid'), 'utf8')).pid).toBe(process.pid);
    await release();
    expect(fs.existsSync(path.join(dir, 'samtal.pid'))).toBe(false);
  });

  it('refuses a live holder with a message that names it', async () => {
    const dir = tmp();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const started = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      writeHolder(dir, {
        pid: child.pid!,
        started: started.slice(started.lastIndexOf(')') + 2).split(' ')[19]!,
      });
      await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(lockDataDir(dir)).rejects.toThrow(
        new RegExp(`already in use by another Samtal process \\(process ${child.pid} on`),
      );
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('opens when the holder was killed but not yet reaped by its parent (a zombie)', async () => {
    const dir = tmp();
    // `sleep 0.1` ends under a parent (the shell, become `sleep 30`) that never collects it.
    const parent = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 30']);
    try {
      const pid = Number(
        await new Promise<string>((resolve) => parent.stdout.once('data', (d) => resolve(`${d}`))),
      );
      const stat = () => fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const started = stat()
        .slice(stat().lastIndexOf(')') + 2)
        .split(' ')[19]!;
      const deadline = Date.now() + 5_000;
      while (!/\) Z /.test(stat()) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(stat()).toMatch(/\) Z /);
      writeHolder(dir, { pid, started });
      const release = await lockDataDir(dir);
      await release();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('tells a reused pid from the holder by its start time', async () => {
    const dir = tmp();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeHolder(dir, { pid: child.pid!, started: '1' });
      const release = await lockDataDir(dir);
      await release();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses a second open in the same process, and opens after release', async () => {
    const dir = tmp();
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    await release();
    await (
      await lockDataDir(dir)
    )();
  });

  it('lets only one of many simultaneous starters take a stale lock', async () => {
    const dir = tmp();
    writeHolder(dir, { pid: deadPid(), started: '5' });
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => lockDataDir(dir)));
    // In one process the others see it held here; across processes the breaker marker does it.
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('judges a lock from another host by its heartbeat', async () => {
    const dir = tmp();
    writeHolder(dir, { pid: 4242, host: 'elsewhere' });
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, 'samtal.pid'), old, old);
    await (
      await lockDataDir(dir)
    )();
  });

  it('frees an old lock folder of an earlier version once it is old', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'samtal.lock'));
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, 'samtal.lock'), old, old);
    await (
      await lockDataDir(dir)
    )();
    expect(fs.existsSync(path.join(dir, 'samtal.lock'))).toBe(false);
  });
});
