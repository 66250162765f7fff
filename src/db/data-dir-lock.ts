/**
 * One Samtal process per embedded data folder. PGlite does not lock its folder, and two
 * processes writing one folder would corrupt it, so Samtal does: a lock file naming the
 * holder's process. A holder that is gone (killed with kill -9, a power cut) does not hold the
 * folder any more, so the next start opens it at once instead of waiting for the lock to age.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the lock file says about its holder. */
export type LockHolder = {
  pid: number;
  /** The process's start time (clock ticks after boot, from /proc), so a reused pid is told apart. */
  started: string | null;
  host: string;
  /** Unique per lock taken: a stale lock is broken only if it is still the one judged stale. */
  nonce: string;
};

/** Thrown when a live process holds the folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder?: LockHolder,
  ) {
    super(
      `The data folder ${dataDir} is already in use by another Samtal process` +
        (holder ? ` (process ${holder.pid} on ${holder.host})` : '') +
        '. Stop that process first, or point SAMTAL_DATA_DIR at another folder.',
    );
  }
}

/** How often the holder touches its lock, and when a lock from another host counts as stale. */
const HEARTBEAT_MS = 10_000;
const OTHER_HOST_STALE_MS = 30_000;
/** A breaker that died while breaking a stale lock leaves its marker; it is old after this. */
const BREAKER_STALE_MS = 10_000;

/** Folders this process holds (a second open in the same process is refused too). */
const heldHere = new Set<string>();

/** Fields 3 onwards of /proc/<pid>/stat (after the command's name), or null where /proc is missing. */
function statOf(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The start time of a process (field 22 of /proc/<pid>/stat), or null where /proc is missing. */
function startTimeOf(pid: number): string | null {
  return statOf(pid)?.[19] ?? null;
}

/**
 * A process that has exited but whose parent has not collected it yet (a zombie, state Z, or
 * dead, X) still has its pid: a supervisor that starts Samtal again before it reaps the killed
 * one must not find the folder held.
 */
function hasExited(pid: number): boolean {
  const state = statOf(pid)?.[0];
  return state === 'Z' || state === 'X';
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is the process the lock names still the one that took it? */
function holderAlive(holder: LockHolder, lockFile: string, now = Date.now()): boolean {
  if (holder.host !== os.hostname()) {
    // Another machine sharing the folder: its processes cannot be seen, so the heartbeat says.
    try {
      return now - fs.statSync(lockFile).mtimeMs < OTHER_HOST_STALE_MS;
    } catch {
      return false;
    }
  }
  if (holder.pid === process.pid) return heldHere.has(path.dirname(lockFile));
  if (!processExists(holder.pid) || hasExited(holder.pid)) return false;
  // The pid exists: the same process only if it started when the holder did.
  const started = startTimeOf(holder.pid);
  return started === null || holder.started === null || started === holder.started;
}

function readHolder(lockFile: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockHolder;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // Unreadable (written half when the holder died): as good as no holder.
    return { pid: -1, started: null, host: os.hostname(), nonce: 'unreadable' };
  }
}

/**
 * Removes a stale lock, unless another starter replaced it meanwhile. Breakers take turns
 * through an exclusive marker folder, so two starters never both break and both take it.
 */
function breakStale(lockFile: string, judged: LockHolder): void {
  const breaker = `${lockFile}.breaking`;
  try {
    fs.mkdirSync(breaker);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    try {
      if (Date.now() - fs.statSync(breaker).mtimeMs > BREAKER_STALE_MS) fs.rmdirSync(breaker);
    } catch {
      // gone meanwhile
    }
    return;
  }
  try {
    if (readHolder(lockFile)?.nonce === judged.nonce) fs.rmSync(lockFile, { force: true });
  } finally {
    fs.rmdirSync(breaker);
  }
}

/**
 * Locks `dataDir` for this process; the returned function releases it. A live holder gets
 * DataDirLockedError; a dead one's lock is broken at once.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const dir = path.resolve(dataDir);
  const lockFile = path.join(dir, 'samtal.pid');
  // Versions before this one kept a lock folder that only its age could free; a fresh one
  // may belong to a running older Samtal.
  const legacy = path.join(dir, 'samtal.lock');
  try {
    if (Date.now() - fs.statSync(legacy).mtimeMs < OTHER_HOST_STALE_MS)
      throw new DataDirLockedError(dir);
    fs.rmSync(legacy, { recursive: true, force: true });
  } catch (err) {
    if (err instanceof DataDirLockedError) throw err;
  }
  const me: LockHolder = {
    pid: process.pid,
    started: startTimeOf(process.pid),
    host: os.hostname(),
    nonce: randomUUID(),
  };
  const mine = `${lockFile}.${me.nonce}`;
  fs.writeFileSync(mine, JSON.stringify(me));
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        // link() fails if the lock exists: taking it is atomic.
        fs.linkSync(mine, lockFile);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = readHolder(lockFile);
      if (holder && (heldHere.has(dir) || holderAlive(holder, lockFile)))
        throw new DataDirLockedError(dir, holder);
      if (attempt >= 50) throw new DataDirLockedError(dir, holder ?? undefined);
      if (holder) breakStale(lockFile, holder);
      if (attempt > 0) await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    fs.rmSync(mine, { force: true });
  }
  heldHere.add(dir);
  // Another host sharing the folder judges the lock by this heartbeat.
  const heartbeat = setInterval(() => {
    const t = new Date();
    fs.utimes(lockFile, t, t, () => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return async () => {
    clearInterval(heartbeat);
    heldHere.delete(dir);
    if (readHolder(lockFile)?.nonce === me.nonce) fs.rmSync(lockFile, { force: true });
  };
}
