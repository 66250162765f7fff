import type { ParseArgsConfig } from 'node:util';
import { importCommand } from './import.command';
import { migrateCommand } from './migrate.command';
import { seedCommand } from './seed.command';
import { serveCommand } from './serve.command';

/** One sub-command of `samtal`. */
export type Command = {
  summary: string;
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
};

export const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  import: importCommand,
};
