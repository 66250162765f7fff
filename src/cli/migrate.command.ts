import { openDatabase } from '../db/client';
import { loadConfig } from '../server/config';
import type { Command } from './commands';

export const migrateCommand: Command = {
  summary: 'apply database migrations and exit',
  help: 'samtal migrate\n\nApplies every pending migration to DATABASE_URL (or the embedded database).',
  options: {},
  async run() {
    const config = loadConfig();
    const database = await openDatabase(config);
    await database.close();
    console.log(`Migrations applied (${database.kind}).`);
    return 0;
  },
};
