import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation';

/** Column builders every tenant table shares (not exported from the schema index). */

/** An instant, stored with its time zone (UTC in, UTC out). */
export const ts = (name: string) => timestamp(name, { withTimezone: true });
export const createdAt = () => ts('created_at').notNull().defaultNow();
export const updatedAt = () => ts('updated_at').notNull().defaultNow();
/** The tenant: the first column of every key (decision 002). */
export const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id);
