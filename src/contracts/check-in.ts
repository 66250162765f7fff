/** Check-ins (decision 013): a 1:1's answers, the pair's trend, the team view, and the input. */
import { z } from 'zod';
import { SCALE_MAX, SCALE_MIN } from '../domain/wellbeing/check-in';
import { textBlock } from '../domain/text';
import { WORKLOAD_REASONS } from '../domain/wellbeing/workload';

const iso = z.iso.datetime();

const Score = z.number().int().min(SCALE_MIN).max(SCALE_MAX);

const DirectionSchema = z.enum(['up', 'down', 'flat']).nullable();

export const CheckInSchema = z.object({
  meetingId: z.uuid(),
  wellbeing: Score,
  workload: Score,
  progress: Score,
  comment: z.string(),
  answeredBy: z.uuid(),
  /** The manager entered these answers in the meeting; the employee may correct them. */
  recordedByManager: z.boolean(),
  updatedAt: iso,
});

export const MeetingCheckInSchema = z.object({
  checkIn: CheckInSchema.nullable(),
  /** True until the meeting is finished or cancelled. */
  open: z.boolean(),
  /**
   * What the viewer may do now: answer (the employee), record together (the manager, in the
   * meeting), correct (the employee, after it), or nothing.
   */
  mayWrite: z.enum(['answer', 'together', 'correct']).nullable(),
});

/**
 * The meeting page's workload prompt (domain/wellbeing/workload.ts): whether to ask the pair to
 * agree an action about a workload that has been high in the latest check-ins.
 */
export const WorkloadPromptSchema = z.object({
  show: z.boolean(),
  /** What made the workload high over time (domain/wellbeing/workload.ts); empty when hidden. */
  because: z.array(z.enum(WORKLOAD_REASONS)),
});

export const TrendSchema = z.object({
  seriesId: z.uuid(),
  employeeId: z.uuid(),
  managerId: z.uuid(),
  points: z.array(
    z.object({
      meetingId: z.uuid(),
      /** The meeting's local date (the pair's zone). */
      date: z.iso.date(),
      startsAt: iso,
      wellbeing: Score,
      workload: Score,
      progress: Score,
    }),
  ),
});

const Latest = z.object({
  date: z.iso.date(),
  wellbeing: Score,
  workload: Score,
  progress: Score,
  direction: z.object({
    wellbeing: DirectionSchema,
    workload: DirectionSchema,
    progress: DirectionSchema,
  }),
});

export const TeamWellbeingSchema = z.object({
  items: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      seriesId: z.uuid().nullable(),
      latest: Latest.nullable(),
    }),
  ),
});

/** A check-in as the employee (or the manager, together with them) sends it. */
export const CheckInInputSchema = z.object({
  wellbeing: Score,
  workload: Score,
  progress: Score,
  comment: textBlock().max(2000).optional(),
  /** The manager records the employee's answers as the two fill it in together. */
  together: z.boolean().optional(),
});
