import { z } from 'zod';
import { directions, type CheckInScores } from '../../domain/wellbeing/check-in';
import type { CheckInRow, TeamRow, TrendRow } from '../repositories/check-in.repository';
import { CheckInSchema, TeamWellbeingSchema, TrendSchema } from '../../contracts/check-in';

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
