/** Task-status reviews: a review and its items. */
import { z } from 'zod';
import { TASK_FREQUENCIES } from '../domain/wellbeing/task-review';

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
