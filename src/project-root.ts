import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder that holds Samtal's package.json, found by walking up from this module. The
 * server runs from its sources (tsx) or from the bundle in dist/server (decision 005), and the
 * files it reads at run time (migrations, templates, catalogs, the built web app) are found
 * from here in both cases.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const { name } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'samtal') return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`no Samtal package.json above ${from}`);
  }
}

const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. `projectPath('drizzle')`. */
export function projectPath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}
