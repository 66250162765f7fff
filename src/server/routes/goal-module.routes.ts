import type { FastifyInstance } from 'fastify';
import { developmentPlanRoutes } from './development-plan.routes';
import { goalRoutes } from './goal.routes';
import { goalStepRoutes } from './goal-step.routes';
import { salaryOutcomeRoutes } from './salary-outcome.routes';
import { signOffRoutes } from './sign-off.routes';

/** Goals, plans, sign-off/versions/PDF and salary outcomes, registered together. */
export async function goalModuleRoutes(app: FastifyInstance) {
  await app.register(goalRoutes);
  await app.register(goalStepRoutes);
  await app.register(developmentPlanRoutes);
  await app.register(signOffRoutes);
  await app.register(salaryOutcomeRoutes);
}
