// The server bundle (decision 005): `npm run build` writes dist/server/samtal.mjs, one file
// built by esbuild from src/, with a stamp of the sources it was built from. bin/samtal.js runs
// it when the stamp still matches the sources and falls back to running the TypeScript through
// tsx otherwise, so an edited checkout never runs stale code.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_DIR = path.join(ROOT, 'dist', 'server');
export const ENTRY = path.join(ROOT, 'src', 'cli', 'main.ts');

/** Every file the bundle is built from: src/ except the web app, and the lock file. */
function sourceFiles() {
  const files = [path.join(ROOT, 'package-lock.json')];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (full !== path.join(ROOT, 'src', 'web')) walk(full);
      } else if (entry.name.endsWith('.ts')) files.push(full);
    }
  };
  walk(path.join(ROOT, 'src'));
  return files.sort();
}

/** A digest of the sources' names, sizes and modification times (a few milliseconds). */
export function sourceStamp() {
  const hash = crypto.createHash('sha256');
  for (const file of sourceFiles()) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    hash.update(
      `${path.relative(ROOT, file)}\0${stat?.size ?? -1}\0${Math.floor(stat?.mtimeMs ?? -1)}\n`,
    );
  }
  return hash.digest('hex');
}

/** The bundle and its stamp in `dir` (inside the project, so it finds the project's files). */
export function bundlePaths(dir = BUNDLE_DIR) {
  return { bundle: path.join(dir, 'samtal.mjs'), stamp: path.join(dir, 'stamp.txt') };
}

/** The bundle's path when it was built from the sources as they are now, else null. */
export function freshBundle(dir = BUNDLE_DIR) {
  const { bundle, stamp } = bundlePaths(dir);
  try {
    return fs.readFileSync(stamp, 'utf8').trim() === sourceStamp() && fs.existsSync(bundle)
      ? bundle
      : null;
  } catch {
    return null;
  }
}
