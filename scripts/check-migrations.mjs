// Fails when src/db/schema has changes that no committed migration contains:
// generates into a scratch copy of drizzle/ and checks that nothing new appears.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'samtal-migrations-'));
fs.cpSync('drizzle', scratch, { recursive: true });
const before = fs.readdirSync(scratch).length;
const out = execFileSync(
  'npx',
  [
    'drizzle-kit',
    'generate',
    '--dialect',
    'postgresql',
    '--schema',
    './src/db/schema/index.ts',
    '--out',
    scratch,
  ],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
);
const after = fs.readdirSync(scratch).length;
fs.rmSync(scratch, { recursive: true, force: true });
if (after !== before) {
  console.error(
    'The schema has changes without a migration. Run: npm run db:generate -- --name <what>',
  );
  console.error(out);
  process.exit(1);
}
console.log('Migrations are up to date with the schema.');
