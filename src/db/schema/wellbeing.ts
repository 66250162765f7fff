import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TaskFrequency } from '../../domain/wellbeing/task-review';
import { oneOnOneMeetings, oneOnOneSeries } from './one-on-one';
import { people } from './organisation';
import { createdAt, orgId, ts, updatedAt } from './columns';

/**
 * The short check-in that opens a 1:1: three 1–5 answers and an optional comment, one per
 * meeting. Only the pair reads a single row; HR statistics read aggregates of groups >= 5.
 * `wellbeing` and `progress`: 5 is best. `workload`: 1 is very light, 5 is far too heavy.
 */
export const checkIns = pgTable(
  'check_ins',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    seriesId: uuid('series_id').notNull(),
    // The pair and the meeting time, copied so trends and statistics need no join.
    managerId: uuid('manager_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    meetingStartsAt: ts('meeting_starts_at').notNull(),
    wellbeing: smallint('wellbeing').notNull(),
    workload: smallint('workload').notNull(),
    progress: smallint('progress').notNull(),
    comment: text('comment').notNull().default(''),
    answeredBy: uuid('answered_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.meetingId],
      foreignColumns: [oneOnOneMeetings.orgId, oneOnOneMeetings.id],
      name: 'check_ins_meeting_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.employeeId],
      foreignColumns: [people.orgId, people.id],
      name: 'check_ins_employee_fk',
    }),
    uniqueIndex('check_ins_meeting_uq').on(t.orgId, t.meetingId),
    // Trend of one employee (with the pair's manager) over months.
    index('check_ins_employee_idx').on(t.orgId, t.employeeId, t.meetingStartsAt),
    // The manager's team view: latest two per report.
    index('check_ins_manager_idx').on(t.orgId, t.managerId, t.employeeId, t.meetingStartsAt),
    // Organisation-wide aggregates over a period (HR statistics).
    index('check_ins_period_idx').on(t.orgId, t.meetingStartsAt),
    // Retention (decision 024) walks the check-ins that still have a comment in meeting order,
    // keyset-paged; blanked ones leave this index, so they are never read again.
    index('check_ins_comment_due_idx')
      .on(t.orgId, t.meetingStartsAt, t.id)
      .where(sql`${t.comment} <> ''`),
  ],
);

/** A task-status review (seed 001): the employee's current tasks, reviewed in a 1:1. */
export const taskReviews = pgTable(
  'task_reviews',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    seriesId: uuid('series_id').notNull(),
    managerId: uuid('manager_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    /** The review this one was started from (its items were copied with a link). */
    previousReviewId: uuid('previous_review_id'),
    /** The 1:1 it was reviewed in, once reviewed. */
    meetingId: uuid('meeting_id'),
    reviewedAt: ts('reviewed_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.seriesId],
      foreignColumns: [oneOnOneSeries.orgId, oneOnOneSeries.id],
      name: 'task_reviews_series_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.previousReviewId],
      foreignColumns: [t.orgId, t.id],
      name: 'task_reviews_previous_fk',
    }),
    foreignKey({
      columns: [t.orgId, t.meetingId],
      foreignColumns: [oneOnOneMeetings.orgId, oneOnOneMeetings.id],
      name: 'task_reviews_meeting_fk',
    }),
    index('task_reviews_series_idx').on(t.orgId, t.seriesId, t.createdAt, t.id),
  ],
);

/** One task on a review: how often, share of time, how demanding, support needed. */
export const taskReviewItems = pgTable(
  'task_review_items',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    reviewId: uuid('review_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    frequency: text('frequency').$type<TaskFrequency>().notNull(),
    timeSharePercent: smallint('time_share_percent').notNull(),
    demand: smallint('demand').notNull(),
    support: text('support').notNull().default(''),
    /** The item of the previous review this one was copied from (compares across reviews). */
    copiedFromItemId: uuid('copied_from_item_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.reviewId],
      foreignColumns: [taskReviews.orgId, taskReviews.id],
      name: 'task_review_items_review_fk',
    }).onDelete('cascade'),
    index('task_review_items_review_idx').on(t.orgId, t.reviewId, t.position),
  ],
);

/**
 * A coaching signal the manager set aside. It stays hidden until `until` passes or the
 * signal's value gets worse than `value_at_dismissal`. `subject_key` is the report's id, or
 * 'all' for a signal about all of the manager's 1:1s.
 */
export const coachingDismissals = pgTable(
  'coaching_dismissals',
  {
    orgId: orgId(),
    managerId: uuid('manager_id').notNull(),
    signalKey: text('signal_key').notNull(),
    subjectKey: text('subject_key').notNull(),
    valueAtDismissal: real('value_at_dismissal').notNull(),
    dismissedAt: ts('dismissed_at').notNull().defaultNow(),
    until: ts('until').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.managerId, t.signalKey, t.subjectKey] }),
    foreignKey({
      columns: [t.orgId, t.managerId],
      foreignColumns: [people.orgId, people.id],
      name: 'coaching_dismissals_manager_fk',
    }),
  ],
);
