import { integer, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Decision } from '../../domain/statistics/disclosure';
import type { GroupKind } from '../../domain/statistics/groups';
import { organisations } from './organisation';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id);

/**
 * A quarter whose wellbeing figures are fixed (decision 014): computed once, after the quarter
 * has closed, and never again, so later answers, moves or re-runs cannot be differenced.
 */
export const statisticsWellbeingPeriods = pgTable(
  'statistics_wellbeing_periods',
  {
    orgId: orgId(),
    /** "2026-Q3". */
    period: text('period').notNull(),
    /** People with answers in the quarter. */
    people: integer('people').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.period] })],
);

/**
 * One group's wellbeing figures for a fixed quarter. Hidden groups keep their reason and no
 * values: what is not published is never stored.
 */
export const statisticsWellbeingGroups = pgTable(
  'statistics_wellbeing_groups',
  {
    orgId: orgId(),
    period: text('period').notNull(),
    kind: text('kind').$type<GroupKind>().notNull(),
    /** The department's or manager's id; 'all' for the whole organisation. */
    groupKey: text('group_key').notNull(),
    status: text('status').$type<Decision>().notNull(),
    /** People with answers; null when hidden. */
    people: integer('people'),
    wellbeing: real('wellbeing'),
    workload: real('workload'),
    progress: real('progress'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.period, t.kind, t.groupKey] })],
);
