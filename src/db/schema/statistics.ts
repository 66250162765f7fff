import {
  bigint,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Decision } from '../../domain/statistics/disclosure';
import type { GroupKind } from '../../domain/statistics/groups';
import { orgId } from './columns';

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

/**
 * When the counts of a quarter were last computed (decision 014: a rollup refreshed in the
 * background, so the statistics page reads a few rows instead of the whole history).
 */
export const statisticsRefreshes = pgTable(
  'statistics_refreshes',
  {
    orgId: orgId(),
    /** "2026-Q3", or "rounds" for the conversation rounds. */
    period: text('period').notNull(),
    /** The organisation's date the figures are "as of" (overdue, without a recent 1:1). */
    asOf: text('as_of').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.period] })],
);

/** One group's counts for a quarter: departments and manager organisations rolled up. */
export const statisticsGroups = pgTable(
  'statistics_groups',
  {
    orgId: orgId(),
    period: text('period').notNull(),
    kind: text('kind').$type<GroupKind>().notNull(),
    groupKey: text('group_key').notNull(),
    employees: integer('employees').notNull(),
    planned: integer('planned').notNull(),
    held: integer('held').notNull(),
    overdueActions: integer('overdue_actions').notNull(),
    /**
     * Employees by whole weeks since their last held 1:1 (index 53: longer, or never), so
     * "without a 1:1 in the last N weeks" is a sum for any N.
     */
    weeksSinceHeld: integer('weeks_since_held').array().notNull(),
    /**
     * Employees without a signed development conversation in the last twelve months (seed
     * 003), as of the refresh; null for a group of fewer than 5 employees, so a hidden figure
     * is never stored (decision 014's threshold).
     */
    withoutAnnual: integer('without_annual'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.period, t.kind, t.groupKey] })],
);

/** One group's conversations of one round, by status (counts only). */
export const statisticsRoundGroups = pgTable(
  'statistics_round_groups',
  {
    orgId: orgId(),
    roundId: uuid('round_id').notNull(),
    kind: text('kind').$type<GroupKind>().notNull(),
    groupKey: text('group_key').notNull(),
    notBooked: integer('not_booked').notNull(),
    booked: integer('booked').notNull(),
    held: integer('held').notNull(),
    closed: integer('closed').notNull(),
    signed: integer('signed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.roundId, t.kind, t.groupKey] })],
);

/**
 * A closed quarter's 1:1s per pair, kept between refreshes (decision 014, "a refresh reads
 * only what can have changed"): due and held by the pair's date, as the quarter's cadence
 * counts them. The refresh groups them by the employee's unit of the moment, so moving people
 * needs no recount; a quarter is recounted only when a 1:1 of it changed (see
 * `statisticsTouches`).
 */
export const statisticsPairQuarters = pgTable(
  'statistics_pair_quarters',
  {
    orgId: orgId(),
    period: text('period').notNull(),
    employeeId: uuid('employee_id').notNull(),
    managerId: uuid('manager_id').notNull(),
    planned: integer('planned').notNull(),
    held: integer('held').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.period, t.employeeId, t.managerId] })],
);

/** When a quarter's pair counts (`statisticsPairQuarters`) were counted. */
export const statisticsPairPeriods = pgTable(
  'statistics_pair_periods',
  {
    orgId: orgId(),
    period: text('period').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.period] })],
);

/**
 * Quarters before the current one whose 1:1s changed since their pair counts were kept:
 * written by a trigger on one_on_one_meetings (migration 0032), in the same transaction as the
 * change, whatever code made it; a refresh recounts those quarters and removes the rows it saw.
 * Append-only, so writers never wait for each other here.
 */
export const statisticsTouches = pgTable(
  'statistics_touches',
  {
    orgId: orgId(),
    period: text('period').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.period, t.id] })],
);
