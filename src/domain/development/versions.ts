import { z } from 'zod';
import { textBlock, textLine } from '../text';
import { LocalisedTextSchema } from './template';
import { GOAL_OUTCOMES, PLAN_ACTIVITIES } from './goals';

const isoDate = z.iso.date();
const person = z.object({ id: z.uuid(), name: z.string() });

/**
 * The agreement as frozen when the manager closes the conversation: agreed notes per section,
 * the outcome of last period's goals, the new goals, the development plan and the closing plan.
 * Stored whole in every version so an old version reads exactly as it was signed.
 */
export const AgreementSchema = z.object({
  format: z.literal(1),
  conversationId: z.uuid(),
  kind: z.string(),
  roundName: z.string().nullable(),
  heldAt: z.iso.datetime().nullable(),
  employee: person,
  manager: person,
  sections: z.array(
    z.object({
      key: z.string(),
      title: LocalisedTextSchema,
      notes: z.string(),
      decision: z.string(),
    }),
  ),
  reviewedGoals: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      outcome: z.enum(GOAL_OUTCOMES).nullable(),
      comment: z.string(),
    }),
  ),
  goals: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      description: z.string(),
      successMeasure: z.string(),
      dueDate: isoDate.nullable(),
      roleExpectation: z.string(),
      organisationGoal: z.string().nullable(),
    }),
  ),
  plan: z.array(
    z.object({
      id: z.uuid(),
      competence: z.string(),
      activity: z.enum(PLAN_ACTIVITIES),
      activityDetail: z.string(),
      support: z.string(),
      dueDate: isoDate.nullable(),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      ownerName: z.string(),
      dueDate: isoDate.nullable(),
    }),
  ),
});
export type Agreement = z.infer<typeof AgreementSchema>;

const text = textBlock().trim().max(5000);

/** What a correction may change: texts of the agreement, addressed by section key or id. */
export const CorrectionSchema = z.object({
  /** In the corrector's words: what was wrong and what changed. */
  summary: textBlock().trim().min(1).max(2000),
  sections: z
    .array(z.object({ key: textLine(), notes: text, decision: text.optional() }))
    .max(50)
    .default([]),
  reviewedGoals: z
    .array(z.object({ id: z.uuid(), outcome: z.enum(GOAL_OUTCOMES), comment: text }))
    .max(100)
    .default([]),
  goals: z
    .array(
      z.object({
        id: z.uuid(),
        title: textLine().trim().min(1).max(300).optional(),
        description: text.optional(),
        successMeasure: text.optional(),
        dueDate: isoDate.nullable().optional(),
        roleExpectation: text.optional(),
      }),
    )
    .max(100)
    .default([]),
  plan: z
    .array(
      z.object({
        id: z.uuid(),
        competence: textLine().trim().min(1).max(300).optional(),
        activity: z.enum(PLAN_ACTIVITIES).optional(),
        activityDetail: text.optional(),
        support: text.optional(),
        dueDate: isoDate.nullable().optional(),
      }),
    )
    .max(100)
    .default([]),
});
export type Correction = z.infer<typeof CorrectionSchema>;

export type CorrectionResult =
  | { ok: true; agreement: Agreement; changes: string[] }
  | { ok: false; reason: 'signOff.nothing_changed' | 'signOff.unknown_item'; path?: string };

/**
 * Applies a correction to the latest version and lists what changed, as paths such as
 * `goals.<id>.title` or `sections.<key>.notes`. Pure: the caller stores the new version.
 */
export function applyCorrection(latest: Agreement, correction: Correction): CorrectionResult {
  const changes: string[] = [];
  const next: Agreement = structuredClone(latest);

  const patch = <T extends Record<string, unknown>>(
    list: T[],
    match: (x: T) => string,
    group: string,
    edits: Record<string, unknown>[],
    idKey: string,
  ): string | null => {
    for (const edit of edits) {
      const id = String(edit[idKey]);
      const target = list.find((x) => match(x) === id);
      if (!target) return `${group}.${id}`;
      for (const [field, value] of Object.entries(edit)) {
        if (field === idKey || value === undefined) continue;
        if (target[field] !== value) {
          (target as Record<string, unknown>)[field] = value;
          changes.push(`${group}.${id}.${field}`);
        }
      }
    }
    return null;
  };

  const unknown =
    patch(next.sections, (s) => s.key, 'sections', correction.sections, 'key') ??
    patch(next.reviewedGoals, (g) => g.id, 'reviewedGoals', correction.reviewedGoals, 'id') ??
    patch(next.goals, (g) => g.id, 'goals', correction.goals, 'id') ??
    patch(next.plan, (p) => p.id, 'plan', correction.plan, 'id');
  if (unknown) return { ok: false, reason: 'signOff.unknown_item', path: unknown };
  if (changes.length === 0) return { ok: false, reason: 'signOff.nothing_changed' };
  return { ok: true, agreement: next, changes };
}

/** The version to show when none is asked for: the newest. */
export function latestVersionNumber(versions: readonly { version: number }[]): number | null {
  return versions.reduce<number | null>(
    (m, v) => (m === null || v.version > m ? v.version : m),
    null,
  );
}
