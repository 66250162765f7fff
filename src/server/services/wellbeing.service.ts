import type { Db } from '../../db/client';
import { createCheckInService } from './check-in.service';
import { createCoachingService } from './coaching.service';
import { createTaskReviewService } from './task-review.service';

/** Check-ins and trends, task-status reviews, and the manager's coaching signals. */
export function createWellbeingServices(db: Db) {
  return {
    checkIns: createCheckInService(db),
    taskReviews: createTaskReviewService(db),
    coaching: createCoachingService(db),
  };
}
