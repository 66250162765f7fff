/** Rounds (decision 010): a round, its progress as counts only, and what opening one did. */
import { z } from 'zod';
import { RoundScopeSchema, SKIP_REASONS } from '../domain/development/round';
import { SALARY_FIRST_RULES } from '../domain/development/salary-first';
import { CONVERSATION_KINDS } from '../domain/development/template';
import { LocalisedTextSchema } from '../domain/one-on-one/template';

/** Counts per status: the only thing HR ever sees of the conversations. */
const StatusCountsSchema = z.object({
  not_booked: z.number().int(),
  booked: z.number().int(),
  held: z.number().int(),
  closed: z.number().int(),
  signed: z.number().int(),
  total: z.number().int(),
});

export const RoundDtoSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CONVERSATION_KINDS),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  deadline: z.string(),
  scope: RoundScopeSchema,
  templateVersionId: z.uuid(),
  /** Seed 004: the salary round whose conversations come first, and how strictly. */
  salaryFirst: z.object({ roundId: z.uuid(), rule: z.enum(SALARY_FIRST_RULES) }).nullable(),
  closed: z.boolean(),
  createdAt: z.string(),
  counts: StatusCountsSchema,
});

export const RoundDetailSchema = RoundDtoSchema.extend({
  template: z
    .object({ id: z.uuid(), name: LocalisedTextSchema, version: z.number().int() })
    .nullable(),
  /** The name of the salary round that comes first (seed 004), if any. */
  salaryRoundName: z.string().nullable(),
});

const SkippedSchema = z.object({
  total: z.number().int(),
  people: z.array(z.object({ id: z.uuid(), name: z.string(), reason: z.enum(SKIP_REASONS) })),
});

export const RoundOpenedSchema = z.object({
  round: RoundDtoSchema,
  templateVersion: z.number().int(),
  created: z.number().int(),
  skipped: SkippedSchema,
});

/** What including newcomers did: conversations created, and who still cannot have one. */
export const NewcomersIncludedSchema = z.object({
  created: z.number().int(),
  skipped: SkippedSchema,
});

export const ProgressPageSchema = z.object({
  groups: z.number().int(),
  rows: z.array(
    z.object({ id: z.uuid().nullable(), name: z.string().nullable(), counts: StatusCountsSchema }),
  ),
});
