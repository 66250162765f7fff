import { openDatabase } from '../db/client';
import { seedDemo, DEMO_PASSWORD } from '../demo/demo';
import { loadConfig } from '../server/config';
import type { Command } from './commands';

export const seedCommand: Command = {
  summary: 'create the demo organisation (idempotent)',
  help: 'samtal seed\n\nCreates the demo organisation with sign-ins, unless it exists already.',
  options: {},
  async run() {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      const result = await seedDemo(database.db);
      console.log(
        result.created ? 'Demo organisation created.' : 'Demo organisation already there.',
      );
      for (const u of result.logins)
        console.log(`  ${u.role.padEnd(9)} ${u.email}  ${DEMO_PASSWORD}`);
    } finally {
      await database.close();
    }
    return 0;
  },
};
