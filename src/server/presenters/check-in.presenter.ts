import { z } from 'zod';
import { directions, type CheckInScores } from '../../domain/wellbeing/check-in';
import type { CheckInRow, TeamRow, TrendRow } from '../repositories/check-in.repository';

const iso = z.iso.datetime();
const Score = z.number().int().min(1).max(5);
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

export function presentCheckIn(
  c: CheckInRow,
  managerId: string = c.managerId,
): z.infer<typeof CheckInSchema> {
  return {
    meetingId: c.meetingId,
    wellbeing: c.wellbeing,
    workload: c.workload,
    progress: c.progress,
    comment: c.comment,
    answeredBy: c.answeredBy,
    recordedByManager: c.answeredBy === managerId,
    updatedAt: c.updatedAt.toISOString(),
  };
}

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

export function presentTrend(
  series: { id: string; employeeId: string; managerId: string },
  rows: TrendRow[],
): z.infer<typeof TrendSchema> {
  return {
    seriesId: series.id,
    employeeId: series.employeeId,
    managerId: series.managerId,
    points: rows.map((r) => ({
      meetingId: r.meeting_id,
      date: r.local_date,
      startsAt: new Date(r.starts_at).toISOString(),
      wellbeing: r.wellbeing,
      workload: r.workload,
      progress: r.progress,
    })),
  };
}

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

export function presentTeam(rows: TeamRow[]): z.infer<typeof TeamWellbeingSchema> {
  return {
    items: rows.map((r) => {
      const latest: CheckInScores | null =
        r.wellbeing === null || r.workload === null || r.progress === null
          ? null
          : { wellbeing: r.wellbeing, workload: r.workload, progress: r.progress };
      const prev: CheckInScores | null =
        r.prev_wellbeing === null || r.prev_workload === null || r.prev_progress === null
          ? null
          : { wellbeing: r.prev_wellbeing, workload: r.prev_workload, progress: r.prev_progress };
      return {
        personId: r.person_id,
        name: r.name,
        seriesId: r.series_id,
        latest:
          latest && r.latest_date
            ? { date: r.latest_date, ...latest, direction: directions(prev, latest) }
            : null,
      };
    }),
  };
}
