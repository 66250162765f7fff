#!/usr/bin/env node
// Runs the server bundle when `npm run build` made it from the current sources (starts in about
// a second), otherwise the TypeScript CLI through tsx, so no build step is needed to run Samtal.
import module from 'node:module';
import { freshBundle } from './server-bundle.js';

// Node 22.1 and later keep V8's compiled code on disk (in the system's temporary folder, or
// NODE_COMPILE_CACHE), so a restart does not compile the whole server again: about a second
// of the ~3 s an embedded restart took (decision 021). Node 20 has no such cache; a no-op there.
module.enableCompileCache?.();

// SAMTAL_FROM_SOURCE=1 runs the sources even when a fresh bundle exists.
const bundle = process.env.SAMTAL_FROM_SOURCE === '1' ? null : freshBundle();
if (bundle) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
