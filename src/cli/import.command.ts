import type { Command } from './commands';

export const importCommand: Command = {
  summary: 'import people from a CSV file',
  help: 'samtal import <file.csv> --org <slug>',
  options: { org: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run() {
    console.error('import: not available yet');
    return 1;
  },
};
