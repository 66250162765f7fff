#!/usr/bin/env node
// Runs a TypeScript script through tsx: `node bin/run-ts.js path/to/script.ts [args]`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [script, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...rest];
await import(pathToFileURL(path.resolve(script)).href);
