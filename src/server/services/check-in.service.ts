import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import {
  checkInWriteRule,
  isCheckInOpen,
  type CheckInScores,
} from '../../domain/wellbeing/check-in';
import type { Actor } from '../../domain/roles';
import { authorize } from '../policies/index';
import { checkInRepository as checkInRepo } from '../repositories/check-in.repository';
import { oneOnOneOccurrenceRepository as occurrenceRepo } from '../repositories/one-on-one-occurrence.repository';
import { oneOnOneSeriesRepository as seriesRepo } from '../repositories/one-on-one-series.repository';
import { assertOpenForContent, pairOf } from './one-on-one-access';
import { HIGH_WORKLOAD_CHECK_INS, workloadPrompt } from '../../domain/wellbeing/workload';
import type { LiveEvents } from '../live/hub';
import { changing } from './live-notify';
import { systemClock, type Clock } from '../clock';

export type CheckInInput = CheckInScores & {
  comment?: string;
  /** The manager says the two are filling it in together now. */
  together?: boolean;
};

/** The check-in of each 1:1 and the trends built from them: the pair's, nobody else's. */
export function createCheckInService(
  db: Db,
  live: LiveEvents | null = null,
  clock: Clock = systemClock,
) {
  return {
    /** The meeting's check-in (or none yet) and whether it may still be changed. */
    async get(actor: Actor, meetingId: string) {
      const row = await occurrenceRepo.findMeeting(db, actor.orgId, meetingId);
      if (!row) throw new AppError('not_found');
      authorize(actor, { do: 'checkIn.read', pair: pairOf(row.series) });
      const checkIn = await checkInRepo.findByMeeting(db, actor.orgId, meetingId);
      const role = actor.personId === row.series.managerId ? 'manager' : 'employee';
      return {
        checkIn: checkIn ?? null,
        open: isCheckInOpen(row.meeting.status),
        mayWrite: checkInWriteRule(role, row.meeting, clock.now()),
      };
    },

    /**
     * The employee answers (before or in the meeting, and corrects it afterwards); the manager
     * records the answers only while the two fill it in together (checkInWriteRule).
     */
    async save(actor: Actor, meetingId: string, input: CheckInInput, now = clock.now()) {
      return changing(db, live, async (tx, touch) => {
        const row = await occurrenceRepo.findMeeting(tx, actor.orgId, meetingId, true);
        if (!row) throw new AppError('not_found');
        const { meeting, series } = row;
        authorize(actor, { do: 'checkIn.write', pair: pairOf(series) });
        touch(series);
        const role = actor.personId === series.managerId ? 'manager' : 'employee';
        const rule = checkInWriteRule(role, meeting, now);
        if (rule === null)
          throw new AppError(
            role === 'manager' && isCheckInOpen(meeting.status)
              ? 'checkIn.employee_answers'
              : 'checkIn.closed',
          );
        if (rule === 'together' && !input.together) throw new AppError('checkIn.employee_answers');
        return checkInRepo.upsert(tx, {
          orgId: actor.orgId,
          id: randomUUID(),
          meetingId,
          seriesId: series.id,
          managerId: series.managerId,
          employeeId: series.employeeId,
          meetingStartsAt: meeting.startsAt,
          wellbeing: input.wellbeing,
          workload: input.workload,
          progress: input.progress,
          comment: input.comment?.trim() ?? '',
          answeredBy: actor.personId,
        });
      });
    },

    /**
     * Whether the meeting page asks the pair to agree an action about a workload that has been
     * high over time (domain/wellbeing/workload.ts); the pair's only, like the check-ins.
     */
    async workloadPrompt(actor: Actor, meetingId: string) {
      const row = await occurrenceRepo.findMeeting(db, actor.orgId, meetingId);
      if (!row) throw new AppError('not_found');
      authorize(actor, { do: 'checkIn.read', pair: pairOf(row.series) });
      const { meeting } = row;
      const signal = await checkInRepo.workloadSignal(
        db,
        actor.orgId,
        {
          ...meeting,
          seriesId: row.series.id,
          managerId: row.series.managerId,
          employeeId: row.series.employeeId,
        },
        HIGH_WORKLOAD_CHECK_INS,
      );
      return workloadPrompt({
        meetingStatus: meeting.status,
        ...signal,
        dismissed: meeting.workloadPromptDismissedAt !== null,
      });
    },

    /** Either of the pair sets the workload prompt aside for this meeting (not for later ones). */
    async dismissWorkloadPrompt(actor: Actor, meetingId: string) {
      await changing(db, live, async (tx, touch) => {
        const row = await occurrenceRepo.findMeeting(tx, actor.orgId, meetingId, true);
        if (!row) throw new AppError('not_found');
        authorize(actor, { do: 'checkIn.read', pair: pairOf(row.series) });
        authorize(actor, { do: 'oneOnOne.action.write', pair: pairOf(row.series) });
        touch(row.series);
        assertOpenForContent(row.meeting);
        if (row.meeting.workloadPromptDismissedAt) return;
        await occurrenceRepo.updateMeeting(tx, actor.orgId, meetingId, {
          workloadPromptDismissedAt: clock.now(),
        });
      });
    },

    /** The pair's check-ins over the last `months` months (any of their series). */
    async trend(actor: Actor, seriesId: string, months: number, now = clock.now()) {
      const series = await seriesRepo.findById(db, actor.orgId, seriesId);
      if (!series) throw new AppError('not_found');
      authorize(actor, { do: 'checkIn.read', pair: pairOf(series) });
      const since = new Date(now);
      since.setUTCMonth(since.getUTCMonth() - months);
      const rows = await checkInRepo.trend(
        db,
        actor.orgId,
        series.managerId,
        series.employeeId,
        since,
      );
      return { series, rows };
    },

    /** The actor's own direct reports with their latest check-in and the one before. */
    async team(actor: Actor) {
      // Scoped to the actor as manager in the query itself; nobody else's team can be asked for.
      authorize(actor, { do: 'team.read', orgId: actor.orgId });
      return checkInRepo.team(db, actor.orgId, actor.personId);
    },
  };
}
