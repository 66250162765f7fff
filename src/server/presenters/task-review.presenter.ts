import { z } from 'zod';
import { type ReviewComparison } from '../../domain/wellbeing/task-review';
import type { TaskReviewItemRow, TaskReviewRow } from '../repositories/task-review.repository';
import {
  TaskItemSchema,
  TaskReviewSchema,
  TaskReviewSummarySchema,
} from '../../contracts/task-reviews';

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
