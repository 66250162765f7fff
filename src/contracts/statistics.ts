/** HR statistics (decision 014): the figures per group. */
import { z } from 'zod';
import { COMPETENCE_AREAS, PLAN_ACTIVITIES } from '../domain/development/goals';

const Share = z.number().min(0).max(1).nullable();

/** The filters of the statistics page; the CSV export takes the same. */
export const StatisticsQuerySchema = z.object({
  /** A calendar quarter such as 2026-Q3 (default: the current one in the viewer's zone). */
  period: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional(),
  /** "Without a 1:1 in the last N weeks". */
  weeks: z.coerce.number().int().min(1).max(52).default(6),
  /** Show this unit and its sub-units (default: the top of the tree). */
  department: z.uuid().optional(),
  /** Show this manager's team, organisation and the managers below them. */
  manager: z.uuid().optional(),
  /** The conversation round to count (default: the latest). */
  round: z.uuid().optional(),
});

const StatisticsRowSchema = z.object({
  kind: z.enum(['all', 'department', 'team', 'organisation']),
  id: z.uuid().nullable(),
  name: z.string().nullable(),
  level: z.int(),
  hasChildren: z.boolean(),
  employees: z.int(),
  /** 1:1s due in the period so far, held, and held / due. */
  planned: z.int(),
  held: z.int(),
  cadenceKept: Share,
  withoutRecent: z.int(),
  withoutRecentShare: Share,
  overdueActions: z.int(),
  /**
   * Employees without a signed development conversation in the last 12 months (seed 003);
   * null for a group of fewer than 5 employees (hidden).
   */
  withoutAnnual: z.int().nullable(),
  withoutAnnualShare: Share,
  conversations: z.object({
    notBooked: z.int(),
    booked: z.int(),
    held: z.int(),
    closed: z.int(),
    signed: z.int(),
    total: z.int(),
    /** Held, closed or signed, of all. */
    doneShare: Share,
  }),
  wellbeing: z.object({
    status: z.enum(['shown', 'hidden']),
    /** Why a group is hidden: fewer than 5 people answered, or it overlaps a shown group. */
    reason: z.enum(['too_few', 'overlap']).nullable(),
    people: z.int().nullable(),
    wellbeing: z.number().nullable(),
    workload: z.number().nullable(),
    progress: z.number().nullable(),
  }),
});

export type StatisticsRowDto = z.infer<typeof StatisticsRowSchema>;

const QuarterSchema = z.object({ key: z.string(), from: z.iso.date(), to: z.iso.date() });

const PathSchema = z.array(z.object({ id: z.uuid(), name: z.string() }));

export const StatisticsSchema = z.object({
  period: QuarterSchema,
  periods: z.array(QuarterSchema),
  weeks: z.int(),
  recentFrom: z.iso.date(),
  /** When the counts were computed (they are refreshed in the background; decision 014). */
  asOf: z.iso.datetime(),
  /** The quarter the wellbeing figures are for: the chosen one once closed, else the last closed. */
  wellbeingPeriod: QuarterSchema.extend({ availableFrom: z.iso.date() }),
  rounds: z.array(z.object({ id: z.uuid(), name: z.string(), periodStart: z.iso.date() })),
  roundId: z.uuid().nullable(),
  departmentPath: PathSchema,
  managerPath: PathSchema,
  total: StatisticsRowSchema,
  departments: z.array(StatisticsRowSchema),
  managers: z.array(StatisticsRowSchema),
});

export type StatisticsDto = z.infer<typeof StatisticsSchema>;

const NeedStatus = z.enum(['published', 'too_few', 'overlap']);

/**
 * Competence needs of a unit with its sub-units (seed 004): people whose open development plan
 * names each competence area and kind of activity. `people` is null (hidden) unless at least 5
 * and safe against the other units' counts (decision 014's cell rule). No names, no text.
 */
export const CompetenceNeedsSchema = z.object({
  departmentId: z.uuid().nullable(),
  /** Every unit, to choose from (name and parent only). */
  units: z.array(z.object({ id: z.uuid(), name: z.string(), parentId: z.uuid().nullable() })),
  areas: z.array(
    z.object({ key: z.enum(COMPETENCE_AREAS), status: NeedStatus, people: z.int().nullable() }),
  ),
  activities: z.array(
    z.object({ key: z.enum(PLAN_ACTIVITIES), status: NeedStatus, people: z.int().nullable() }),
  ),
});

export type CompetenceNeedsDto = z.infer<typeof CompetenceNeedsSchema>;
