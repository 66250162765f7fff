/**
 * Calls for goals, development plans, sign-off, versions and salary outcomes, their types (from
 * the shared contracts and domain schemas, type-only) and cache keys. Every key starts with "goals".
 */
import type { z } from 'zod';
import type { Correction } from '../../domain/development/versions';
import type {
  GoalInputSchema,
  GoalOutcome,
  PlanItemInputSchema,
} from '../../domain/development/goals';
import type { SalaryOutcomeInputSchema } from '../../domain/development/salary';
import type {
  SignOffSchema,
  VersionSchema,
  VersionSummarySchema,
} from '../../contracts/conversation-versions';
import type {
  GoalDto,
  GoalStepDto,
  OrganisationGoalSchema,
  PlanItemDto,
  ProgressNoteSchema,
} from '../../contracts/goals';
import type { SalaryOutcomeSchema } from '../../contracts/salary-outcomes';
import type { ConversationPageDto } from '../../contracts/conversations';
import { http } from '../api';

export type Goal = GoalDto;
export type PlanItem = PlanItemDto;
export type GoalStep = GoalStepDto;
export type ProgressNote = z.infer<typeof ProgressNoteSchema>;
export type OrganisationGoal = z.infer<typeof OrganisationGoalSchema>;
export type SignOff = z.infer<typeof SignOffSchema>;
export type VersionSummary = z.infer<typeof VersionSummarySchema>;
export type Version = z.infer<typeof VersionSchema>;
export type SalaryOutcome = z.infer<typeof SalaryOutcomeSchema>;

/** What the panels need to know about the conversation they sit in (its page provides it). */
export type ConversationRef = Pick<ConversationPageDto, 'id' | 'kind' | 'status' | 'can'> & {
  employeeName: string;
};

export type GoalInput = z.input<typeof GoalInputSchema>;
export type PlanItemInput = z.input<typeof PlanItemInputSchema>;
export type SalaryOutcomeInput = z.input<typeof SalaryOutcomeInputSchema>;
export type CorrectionInput = Partial<Correction> & { summary: string };

const C = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;
const e = encodeURIComponent;

export const goalKeys = {
  all: ['goals'] as const,
  conversation: (id: string) => ['goals', 'conversation', id] as const,
  plan: (id: string) => ['goals', 'plan', id] as const,
  signOff: (id: string) => ['goals', 'sign-off', id] as const,
  version: (id: string, v: number) => ['goals', 'version', id, v] as const,
  salary: (id: string) => ['goals', 'salary', id] as const,
  salaryOutcomes: (cursor: string | null) =>
    http.get<{ items: (SalaryOutcome & { employeeName: string })[]; nextCursor: string | null }>(
      '/api/salary-outcomes',
      { cursor },
    ),
  pair: (otherId: string) => ['goals', 'pair', otherId] as const,
  organisation: ['goals', 'organisation'] as const,
};

export const goalsApi = {
  goals: (id: string) => http.get<{ lastPeriod: Goal[]; goals: Goal[] }>(`${C(id)}/goals`),
  addGoal: (id: string, body: GoalInput) => http.post<Goal>(`${C(id)}/goals`, body),
  removeGoal: (goalId: string) => http.del<{ ok: true }>(`/api/goals/${e(goalId)}`),
  setOutcome: (id: string, goalId: string, body: { outcome: GoalOutcome; comment: string }) =>
    http.put<Goal>(`${C(id)}/goals/${e(goalId)}/outcome`, body),
  plan: (id: string) => http.get<{ items: PlanItem[] }>(`${C(id)}/plan`),
  addPlanItem: (id: string, body: PlanItemInput) => http.post<PlanItem>(`${C(id)}/plan`, body),
  updatePlanItem: (itemId: string, body: Partial<PlanItemInput> & { done?: boolean }) =>
    http.patch<PlanItem>(`/api/goals/plan-items/${e(itemId)}`, body),
  removePlanItem: (itemId: string) => http.del<{ ok: true }>(`/api/goals/plan-items/${e(itemId)}`),
  signOff: (id: string) => http.get<SignOff>(`${C(id)}/sign-off`),
  close: (id: string) => http.post<SignOff>(`${C(id)}/sign-off/close`),
  sign: (id: string, comment: string | null) =>
    http.post<SignOff>(`${C(id)}/sign-off/sign`, { comment }),
  version: (id: string, v: number) => http.get<Version>(`${C(id)}/versions/${v}`),
  correct: (id: string, body: CorrectionInput) =>
    http.post<VersionSummary>(`${C(id)}/versions`, body),
  pdfUrl: (id: string, v?: number) => `${C(id)}/pdf${v ? `?version=${v}` : ''}`,
  salary: (id: string) => http.get<{ outcome: SalaryOutcome | null }>(`${C(id)}/salary-outcome`),
  saveSalary: (id: string, body: SalaryOutcomeInput) =>
    http.put<SalaryOutcome>(`${C(id)}/salary-outcome`, body),
  salaryOutcomes: (cursor: string | null) =>
    http.get<{ items: (SalaryOutcome & { employeeName: string })[]; nextCursor: string | null }>(
      '/api/salary-outcomes',
      { cursor },
    ),
  pair: (otherId: string) =>
    http.get<{ goals: Goal[]; plan: PlanItem[] }>('/api/goals', { with: otherId }),
  goalProgress: (goalId: string, body: string) =>
    http.post<ProgressNote>(`/api/goals/${e(goalId)}/progress`, { body }),
  planProgress: (itemId: string, body: string) =>
    http.post<ProgressNote>(`/api/goals/plan-items/${e(itemId)}/progress`, { body }),
  addStep: (goalId: string, title: string) =>
    http.post<GoalStep>(`/api/goals/${e(goalId)}/steps`, { title }),
  updateStep: (stepId: string, body: { title?: string; done?: boolean }) =>
    http.patch<GoalStep>(`/api/goals/steps/${e(stepId)}`, body),
  reorderSteps: (goalId: string, stepIds: string[]) =>
    http.put<{ items: GoalStep[] }>(`/api/goals/${e(goalId)}/steps/order`, { stepIds }),
  removeStep: (stepId: string) => http.del<{ ok: true }>(`/api/goals/steps/${e(stepId)}`),
  organisationGoals: (archived: 'include' | 'exclude' = 'exclude') =>
    http.get<{ items: OrganisationGoal[] }>('/api/organisation-goals', { archived }),
  addOrganisationGoal: (body: { title: string; description: string }) =>
    http.post<OrganisationGoal>('/api/organisation-goals', body),
  updateOrganisationGoal: (
    goalId: string,
    body: {
      title?: string;
      description?: string;
      translations?: OrganisationGoal['translations'];
      archived?: boolean;
    },
  ) => http.patch<OrganisationGoal>(`/api/organisation-goals/${e(goalId)}`, body),
};
