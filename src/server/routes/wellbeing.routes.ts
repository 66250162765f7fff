import type { FastifyInstance } from 'fastify';
import { checkInRoutes } from './check-in.routes';
import { coachingRoutes } from './coaching.routes';
import { taskReviewRoutes } from './task-review.routes';

/** Check-ins and trends, task-status reviews and coaching signals (issue #6). */
export async function wellbeingRoutes(app: FastifyInstance) {
  await app.register(checkInRoutes);
  await app.register(taskReviewRoutes);
  await app.register(coachingRoutes);
}
