import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm/logger';

/**
 * Lets a test see the SQL a piece of work sends (the snapshot of the hot queries, issue #17):
 * every statement Drizzle builds passes through `sqlTap`, which records it only inside
 * `recordSql` — one AsyncLocalStorage lookup per statement otherwise, no logging.
 */
const recording = new AsyncLocalStorage<string[]>();

export const sqlTap: Logger = {
  logQuery(query: string) {
    recording.getStore()?.push(query);
  },
};

/** Runs `work` and returns what it returned with every statement it sent, in order. */
export async function recordSql<T>(work: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
  const sql: string[] = [];
  const result = await recording.run(sql, work);
  return { result, sql };
}
