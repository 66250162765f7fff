import type { Db } from '../../db/client';
import { systemClock, type Clock } from '../clock';
import { createDevelopmentPlanService } from './development-plan.service';
import { createGoalService } from './goal.service';
import { createGoalStepService } from './goal-step.service';
import { createSalaryOutcomeService } from './salary-outcome.service';
import { createSignOffService } from './sign-off.service';

/** Goals, development plans, sign-off with versions and PDF, and salary outcomes (issue #5). */
export function createGoalServices(db: Db, clock: Clock = systemClock) {
  return {
    goals: createGoalService(db, clock),
    goalSteps: createGoalStepService(db, clock),
    developmentPlan: createDevelopmentPlanService(db, clock),
    signOff: createSignOffService(db, clock),
    salaryOutcomes: createSalaryOutcomeService(db),
  };
}
