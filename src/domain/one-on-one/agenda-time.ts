/**
 * Time per agenda item (issue #15; seed 001: "discuss time spent and priorities"; seeds 000 and
 * 002: a 1:1 is short, 20–60 minutes). Each point may have planned minutes; their sum is held
 * against the meeting's length.
 */

/** Planned minutes of one point: at least 1, at most 120 (two hours, longer than any 1:1). */
export const PLANNED_MINUTES_MIN = 1;
export const PLANNED_MINUTES_MAX = 120;

/** The agenda's planned minutes against the meeting's length. */
export function agendaTime(
  points: readonly { plannedMinutes: number | null }[],
  meetingMinutes: number,
): { planned: number; meetingMinutes: number; over: boolean; anyPlanned: boolean } {
  const planned = points.reduce((sum, p) => sum + (p.plannedMinutes ?? 0), 0);
  return {
    planned,
    meetingMinutes,
    over: planned > meetingMinutes,
    anyPlanned: points.some((p) => p.plannedMinutes !== null),
  };
}
