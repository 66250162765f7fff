/** Writes (--write) or verifies (--check) docs/openapi.json from the routes' zod schemas. */
import fs from 'node:fs';
import { openPglite } from '../src/db/client';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';

const FILE = 'docs/openapi.json';
const database = await openPglite();
const app = await buildApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database);
await app.ready();
const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
await database.close();

if (process.argv.includes('--check')) {
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '';
  if (current !== text) {
    console.error(`${FILE} is stale. Run: npm run openapi`);
    process.exit(1);
  }
  console.log(`${FILE} is up to date.`);
} else {
  fs.writeFileSync(FILE, text);
  console.log(`Wrote ${FILE}.`);
}
