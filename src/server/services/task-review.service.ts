import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { compareReviews, type TaskFrequency } from '../../domain/wellbeing/task-review';
import { authorize } from '../policies/index';
import { oneOnOneOccurrenceRepository as occurrenceRepo } from '../repositories/one-on-one-occurrence.repository';
import { oneOnOneSeriesRepository as seriesRepo } from '../repositories/one-on-one-series.repository';
import { taskReviewRepository as reviewRepo } from '../repositories/task-review.repository';
import { pairOf } from './one-on-one-access';
import { systemClock, type Clock } from '../clock';

export type TaskItemInput = {
  title: string;
  frequency: TaskFrequency;
  timeSharePercent: number;
  demand: number;
  support?: string;
  copiedFromItemId?: string | null;
};

/** Task-status reviews (seed 001): listed by the employee, gone through in a 1:1. */
export function createTaskReviewService(db: Db, clock: Clock = systemClock) {
  async function load(actor: Actor, id: string, action: 'taskReview.read' | 'taskReview.write') {
    const row = await reviewRepo.findWithSeries(db, actor.orgId, id);
    if (!row) throw new AppError('not_found');
    authorize(actor, { do: action, pair: pairOf(row.series) });
    return row;
  }

  return {
    async list(
      actor: Actor,
      seriesId: string,
      limit: number,
      after?: { createdAt: string; id: string },
    ) {
      const series = await seriesRepo.findById(db, actor.orgId, seriesId);
      if (!series) throw new AppError('not_found');
      authorize(actor, { do: 'taskReview.read', pair: pairOf(series) });
      return reviewRepo.listForSeries(db, actor.orgId, seriesId, limit, after);
    },

    /** A new review, started from the latest one: its items are copied with a link back. */
    async start(actor: Actor, seriesId: string) {
      return db.transaction(async (tx) => {
        const series = await seriesRepo.lockById(tx, actor.orgId, seriesId);
        if (!series) throw new AppError('not_found');
        authorize(actor, { do: 'taskReview.write', pair: pairOf(series) });
        const latest = await reviewRepo.latestForSeries(tx, actor.orgId, seriesId);
        if (latest && latest.reviewedAt === null) throw new AppError('taskReview.draft_exists');
        const review = await reviewRepo.insert(tx, {
          orgId: actor.orgId,
          id: randomUUID(),
          seriesId,
          managerId: series.managerId,
          employeeId: series.employeeId,
          previousReviewId: latest?.id ?? null,
          createdBy: actor.personId,
        });
        const previousItems = latest ? await reviewRepo.items(tx, actor.orgId, [latest.id]) : [];
        await reviewRepo.insertItems(
          tx,
          previousItems.map((item) => ({
            orgId: actor.orgId,
            id: randomUUID(),
            reviewId: review.id,
            position: item.position,
            title: item.title,
            frequency: item.frequency,
            timeSharePercent: item.timeSharePercent,
            demand: item.demand,
            support: item.support,
            copiedFromItemId: item.id,
          })),
        );
        return review;
      });
    },

    /** A review, its items, the previous review's items and what changed between them. */
    async get(actor: Actor, id: string) {
      const { review, series } = await load(actor, id, 'taskReview.read');
      const ids = review.previousReviewId ? [review.id, review.previousReviewId] : [review.id];
      const all = await reviewRepo.items(db, actor.orgId, ids);
      const items = all.filter((i) => i.reviewId === review.id);
      const previous = all.filter((i) => i.reviewId === review.previousReviewId);
      return { review, series, items, previous, comparison: compareReviews(previous, items) };
    },

    /** Replaces the items (the form sends the whole list); only before the review is done. */
    async saveItems(actor: Actor, id: string, input: TaskItemInput[]) {
      const total = input.reduce((sum, i) => sum + i.timeSharePercent, 0);
      if (total > 100)
        throw new AppError('taskReview.time_share_total', { total }, [], undefined, 'items');
      await db.transaction(async (tx) => {
        const row = await reviewRepo.findWithSeries(tx, actor.orgId, id, true);
        if (!row) throw new AppError('not_found');
        authorize(actor, { do: 'taskReview.write', pair: pairOf(row.series) });
        if (row.review.reviewedAt !== null) throw new AppError('taskReview.reviewed');
        const previous = row.review.previousReviewId
          ? await reviewRepo.items(tx, actor.orgId, [row.review.previousReviewId])
          : [];
        const linkable = new Set(previous.map((p) => p.id));
        await reviewRepo.deleteItems(tx, actor.orgId, id);
        await reviewRepo.insertItems(
          tx,
          input.map((item, position) => ({
            orgId: actor.orgId,
            id: randomUUID(),
            reviewId: id,
            position,
            title: item.title.trim(),
            frequency: item.frequency,
            timeSharePercent: item.timeSharePercent,
            demand: item.demand,
            support: item.support?.trim() ?? '',
            // A link only to the review this one was started from.
            copiedFromItemId:
              item.copiedFromItemId && linkable.has(item.copiedFromItemId)
                ? item.copiedFromItemId
                : null,
          })),
        );
        await reviewRepo.update(tx, actor.orgId, id, {});
      });
      return this.get(actor, id);
    },

    /** The manager records that the review was gone through, optionally in which 1:1. */
    async markReviewed(actor: Actor, id: string, meetingId: string | null) {
      await db.transaction(async (tx) => {
        const row = await reviewRepo.findWithSeries(tx, actor.orgId, id, true);
        if (!row) throw new AppError('not_found');
        authorize(actor, { do: 'taskReview.markReviewed', pair: pairOf(row.series) });
        if (row.review.reviewedAt !== null) throw new AppError('taskReview.reviewed');
        if (meetingId) {
          const m = await occurrenceRepo.findMeeting(tx, actor.orgId, meetingId);
          if (!m || m.series.id !== row.series.id)
            throw AppError.at('meetingId', 'taskReview.meeting_not_in_series');
        }
        await reviewRepo.update(tx, actor.orgId, id, { reviewedAt: clock.now(), meetingId });
      });
      return this.get(actor, id);
    },
  };
}
