#!/usr/bin/env node
// Runs the server bundle when `npm run build` made it from the current sources (starts in about
// a second), otherwise the TypeScript CLI through tsx, so no build step is needed to run Samtal.
import { freshBundle } from './server-bundle.js';

// SAMTAL_FROM_SOURCE=1 runs the sources even when a fresh bundle exists.
const bundle = process.env.SAMTAL_FROM_SOURCE === '1' ? null : freshBundle();
if (bundle) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
