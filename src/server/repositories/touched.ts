import { sql, type SQL } from 'drizzle-orm';

/**
 * The one way a repository stamps `updatedAt` on a write: the database's clock, as `createdAt`
 * (`defaultNow()`) and the bulk updates written in SQL (`updated_at = now()`) already do. It is
 * bookkeeping, not a product rule; instants a rule reads come from the injected clock.
 */
export function touched<T extends object>(patch: T): T & { updatedAt: SQL } {
  return { ...patch, updatedAt: sql`now()` };
}
