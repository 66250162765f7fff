import { z } from 'zod';
import { textLine } from '../text';
import type { FieldIssue } from '../errors';
import { SALARY_FIRST_RULES } from './salary-first';
import { CONVERSATION_KINDS } from './template';

/** Who a round includes: everyone, a department (optionally its sub-units) or a manager's organisation. */
export const RoundScopeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all') }),
  z.object({
    type: z.literal('department'),
    departmentId: z.uuid(),
    includeSubunits: z.boolean().default(true),
  }),
  z.object({
    type: z.literal('manager'),
    managerId: z.uuid(),
    wholeOrganisation: z.boolean().default(false),
  }),
]);
export type RoundScope = z.infer<typeof RoundScopeSchema>;

const isoDate = z.iso.date();

/** What HR sends to open a round. */
export const RoundInputSchema = z.object({
  kind: z.enum(CONVERSATION_KINDS),
  templateId: z.uuid(),
  name: textLine().trim().min(1).max(120),
  periodStart: isoDate,
  periodEnd: isoDate,
  deadline: isoDate,
  scope: RoundScopeSchema,
  /** A development round only: the salary round whose conversations come first (seed 004). */
  salaryFirst: z
    .object({ roundId: z.uuid(), rule: z.enum(SALARY_FIRST_RULES) })
    .nullable()
    .optional(),
});
export type RoundInput = z.infer<typeof RoundInputSchema>;

/** Why an included person got no conversation. */
export const SKIP_REASONS = ['no_manager', 'manager_inactive'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/**
 * Date rules the schema cannot express: the period runs forwards and the deadline falls in
 * it. ISO dates compare correctly as strings.
 */
export function roundDateIssues(
  input: Pick<RoundInput, 'periodStart' | 'periodEnd' | 'deadline'>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.periodEnd < input.periodStart)
    issues.push({ path: 'periodEnd', code: 'not_before', params: { date: input.periodStart } });
  if (input.deadline < input.periodStart || input.deadline > input.periodEnd)
    issues.push({
      path: 'deadline',
      code: 'within_period',
      params: { start: input.periodStart, end: input.periodEnd },
    });
  return issues;
}

/** Reminder stages before a round's deadline: "book your conversations", then "hold them". */
const REMINDER_STAGES = [
  { stage: 'book', daysBefore: 14, statuses: ['not_booked'] },
  { stage: 'hold', daysBefore: 3, statuses: ['not_booked', 'booked'] },
] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number]['stage'];

/** The stage due on `today` for a round ending `deadline` (both local ISO dates), if any. */
export function dueStage(deadline: string, today: string): ReminderStage | null {
  if (today > deadline) return null;
  const days = Math.round((Date.parse(deadline) - Date.parse(today)) / 86_400_000);
  // The later stage wins: a round opened three days before its deadline skips "book".
  const due = [...REMINDER_STAGES].reverse().find((s) => days <= s.daysBefore);
  return due?.stage ?? null;
}
