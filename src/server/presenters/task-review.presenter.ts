import { z } from 'zod';
import { TASK_FREQUENCIES, type ReviewComparison } from '../../domain/wellbeing/task-review';
import type { TaskReviewItemRow, TaskReviewRow } from '../repositories/task-review.repository';

const iso = z.iso.datetime();

export const TaskReviewSummarySchema = z.object({
  id: z.uuid(),
  seriesId: z.uuid(),
  previousReviewId: z.uuid().nullable(),
  meetingId: z.uuid().nullable(),
  reviewedAt: iso.nullable(),
  createdAt: iso,
  updatedAt: iso,
});

export const TaskItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  frequency: z.enum(TASK_FREQUENCIES),
  timeSharePercent: z.number().int(),
  demand: z.number().int(),
  support: z.string(),
  copiedFromItemId: z.uuid().nullable(),
});

export const TaskReviewSchema = TaskReviewSummarySchema.extend({
  employeeId: z.uuid(),
  managerId: z.uuid(),
  items: z.array(TaskItemSchema),
  previousItems: z.array(TaskItemSchema),
  comparison: z.object({
    items: z.array(
      z.object({
        id: z.uuid(),
        change: z.enum(['new', 'grew', 'shrank', 'same']),
        timeShareDelta: z.number().int(),
        demandDelta: z.number().int(),
        /** Places risen in the pair's order of priority since the previous review. */
        priorityDelta: z.number().int(),
      }),
    ),
    dropped: z.array(z.object({ id: z.uuid(), title: z.string(), timeSharePercent: z.number() })),
    totalTimeShare: z.number().int(),
  }),
});

export function presentReviewSummary(r: TaskReviewRow): z.infer<typeof TaskReviewSummarySchema> {
  return {
    id: r.id,
    seriesId: r.seriesId,
    previousReviewId: r.previousReviewId,
    meetingId: r.meetingId,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function presentItem(i: TaskReviewItemRow): z.infer<typeof TaskItemSchema> {
  return {
    id: i.id,
    title: i.title,
    frequency: i.frequency,
    timeSharePercent: i.timeSharePercent,
    demand: i.demand,
    support: i.support,
    copiedFromItemId: i.copiedFromItemId,
  };
}

export function presentReview(x: {
  review: TaskReviewRow;
  items: TaskReviewItemRow[];
  previous: TaskReviewItemRow[];
  comparison: ReviewComparison;
}): z.infer<typeof TaskReviewSchema> {
  return {
    ...presentReviewSummary(x.review),
    employeeId: x.review.employeeId,
    managerId: x.review.managerId,
    items: x.items.map(presentItem),
    previousItems: x.previous.map(presentItem),
    comparison: x.comparison,
  };
}
