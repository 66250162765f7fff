import type { Db } from '../../db/client';
import { createDevelopmentPlanService } from './development-plan.service';
import { createGoalService } from './goal.service';
import { createGoalStepService } from './goal-step.service';
import { createSalaryOutcomeService } from './salary-outcome.service';
import { createSignOffService } from './sign-off.service';

/** Goals, development plans, sign-off with versions and PDF, and salary outcomes (issue #5). */
export function createGoalServices(db: Db) {
  return {
    goals: createGoalService(db),
    goalSteps: createGoalStepService(db),
    developmentPlan: createDevelopmentPlanService(db),
    signOff: createSignOffService(db),
    salaryOutcomes: createSalaryOutcomeService(db),
  };
}
