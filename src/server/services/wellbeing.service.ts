import type { Db } from '../../db/client';
import { createCheckInService } from './check-in.service';
import type { LiveEvents } from '../live/hub';
import { createCoachingService } from './coaching.service';
import { createTaskReviewService } from './task-review.service';
import { systemClock, type Clock } from '../clock';

/** Check-ins and trends, task-status reviews, and the manager's coaching signals. */
export function createWellbeingServices(
  db: Db,
  live: LiveEvents | null = null,
  clock: Clock = systemClock,
) {
  return {
    checkIns: createCheckInService(db, live, clock),
    taskReviews: createTaskReviewService(db, clock),
    coaching: createCoachingService(db, clock),
  };
}
