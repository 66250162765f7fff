/**
 * The wellbeing calls of the web app (check-ins, trends, team view, task-status reviews), their
 * types from the shared contracts (src/contracts) and their cache keys.
 */
import type { z } from 'zod';
import type {
  CheckInInputSchema,
  CheckInSchema,
  MeetingCheckInSchema,
  TeamWellbeingSchema,
  TrendSchema,
  WorkloadPromptSchema,
} from '../../contracts/check-in';
import type {
  TaskItemSchema,
  TaskReviewSchema,
  TaskReviewSummarySchema,
} from '../../contracts/task-reviews';
import { CHECK_IN_MEASURES, type CheckInMeasure } from '../../domain/wellbeing/check-in';
import { http, type Page } from '../api';

export type CheckIn = z.infer<typeof CheckInSchema>;
export type MeetingCheckIn = z.infer<typeof MeetingCheckInSchema>;
export type Trend = z.infer<typeof TrendSchema>;
export type TeamWellbeing = z.infer<typeof TeamWellbeingSchema>;
export type TaskReview = z.infer<typeof TaskReviewSchema>;
export type TaskReviewSummary = z.infer<typeof TaskReviewSummarySchema>;
type TaskItem = z.infer<typeof TaskItemSchema>;
export type TaskItemInput = Omit<TaskItem, 'id'>;
export type CheckInInput = z.input<typeof CheckInInputSchema>;
type WorkloadPrompt = z.infer<typeof WorkloadPromptSchema>;

export const MEASURES = CHECK_IN_MEASURES;
export type Measure = CheckInMeasure;

const id = encodeURIComponent;

export const wellbeingApi = {
  checkIn: (meetingId: string) =>
    http.get<MeetingCheckIn>(`/api/one-on-ones/meetings/${id(meetingId)}/check-in`),
  trend: (seriesId: string, months: number) =>
    http.get<Trend>(`/api/one-on-ones/series/${id(seriesId)}/check-ins`, { months }),
  team: () => http.get<TeamWellbeing>('/api/wellbeing/team'),
  workloadPrompt: (meetingId: string) =>
    http.get<WorkloadPrompt>(`/api/one-on-ones/meetings/${id(meetingId)}/workload-prompt`),
  dismissWorkloadPrompt: (meetingId: string) =>
    http.post<WorkloadPrompt>(`/api/one-on-ones/meetings/${id(meetingId)}/workload-prompt/dismiss`),

  reviews: (seriesId: string, cursor?: string | null) =>
    http.get<Page<TaskReviewSummary>>(`/api/one-on-ones/series/${id(seriesId)}/task-reviews`, {
      cursor,
    }),
  startReview: (seriesId: string) =>
    http.post<TaskReview>(`/api/one-on-ones/series/${id(seriesId)}/task-reviews`),
  review: (reviewId: string) => http.get<TaskReview>(`/api/task-reviews/${id(reviewId)}`),
  saveItems: (reviewId: string, items: TaskItemInput[]) =>
    http.put<TaskReview>(`/api/task-reviews/${id(reviewId)}/items`, { items }),
  markReviewed: (reviewId: string, meetingId: string | null) =>
    http.post<TaskReview>(`/api/task-reviews/${id(reviewId)}/reviewed`, { meetingId }),
};

/** Cache keys; every one starts with "wellbeing". */
export const wellbeingKeys = {
  all: ['wellbeing'] as const,
  checkIn: (meetingId: string) => ['wellbeing', 'check-in', meetingId] as const,
  /** Refreshed with every check-in saved (under "wellbeing"), and after an action from it. */
  workloadPrompt: (meetingId: string) => ['wellbeing', 'workload-prompt', meetingId] as const,
  trend: (seriesId: string, months: number) => ['wellbeing', 'trend', seriesId, months] as const,
  team: () => ['wellbeing', 'team'] as const,
  reviews: (seriesId: string) => ['wellbeing', 'reviews', seriesId] as const,
  review: (reviewId: string) => ['wellbeing', 'review', reviewId] as const,
};
