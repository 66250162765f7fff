// Builds the server bundle (decision 005): src/cli/main.ts and everything it imports from src/
// into dist/server/samtal.mjs (or `--out DIR`, a folder inside the project); packages stay in
// node_modules. Start-up then loads one file instead of transforming some 400 TypeScript
// modules through tsx.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { BUNDLE_DIR, ENTRY, bundlePaths, sourceStamp } from '../bin/server-bundle.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const { bundle, stamp } = bundlePaths(values.out ? path.resolve(values.out) : BUNDLE_DIR);
const sources = sourceStamp();
await build({
  entryPoints: [ENTRY],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
fs.writeFileSync(stamp, `${sources}\n`);
