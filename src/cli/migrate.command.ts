import { openDatabase } from '../db/client';
import { loadConfig } from '../server/config';
import type { Command } from './commands';

export const migrateCommand: Command = {
  summary: 'apply database migrations and exit',
  help:
    'samtal migrate\n\nApplies every pending migration to DATABASE_URL (or the embedded database), ' +
    'then builds the indexes that are built outside migrations (the search indexes), ' +
    'concurrently, while a running Samtal goes on serving.',
  options: {},
  async run() {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      await database.buildDeferredIndexes((line) => console.log(line));
    } finally {
      await database.close();
    }
    console.log(`Migrations applied (${database.kind}).`);
    return 0;
  },
};
