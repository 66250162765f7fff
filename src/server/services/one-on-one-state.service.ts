import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { startMeeting, undoFinish } from '../../domain/one-on-one/meeting-state';
import type { Actor } from '../../domain/roles';
import type { LiveEvents } from '../live/hub';
import { meetingStateRepository as stateRepo } from '../repositories/meeting-state.repository';
import { oneOnOneMinutesRepository as minutesRepo } from '../repositories/one-on-one-minutes.repository';
import { oneOnOneOccurrenceRepository as occurrenceRepo } from '../repositories/one-on-one-occurrence.repository';
import { changing } from './live-notify';
import { loadMeeting, pairOf } from './one-on-one-access';
import { systemClock, type Clock } from '../clock';

/** Starting a meeting (the clock every device shows) and taking a finish back (decision 020). */
export function createOneOnOneStateService(
  db: Db,
  live: LiveEvents | null = null,
  clock: Clock = systemClock,
) {
  return {
    /** Either of the pair starts the meeting; starting again keeps the first start. */
    async start(actor: Actor, meetingId: string, now = clock.now()) {
      return changing(db, live, async (tx, touch) => {
        const { meeting, series } = await loadMeeting(
          tx,
          actor,
          meetingId,
          'oneOnOne.meeting.start',
          { lock: true },
        );
        const result = startMeeting(meeting, now);
        if (!result.ok) throw new AppError(result.reason);
        if (!result.value.changed) return meeting;
        touch(pairOf(series));
        return (await occurrenceRepo.updateMeeting(tx, actor.orgId, meetingId, {
          startedAt: result.value.startedAt,
          startedBy: actor.personId,
        }))!;
      });
    },

    /**
     * The manager takes a finish back, when that is safe: soon after finishing and before the
     * employee read the minutes. The minutes and their mail are withdrawn; the meeting is in
     * progress again from its first start.
     */
    async undoFinish(actor: Actor, meetingId: string, now = clock.now()) {
      return changing(db, live, async (tx, touch) => {
        const { meeting, series } = await loadMeeting(
          tx,
          actor,
          meetingId,
          'oneOnOne.meeting.finish',
          { lock: true },
        );
        const minutes = await minutesRepo.find(tx, actor.orgId, meetingId);
        const result = undoFinish(meeting, { acknowledged: Boolean(minutes?.acknowledgedAt) }, now);
        if (!result.ok) throw new AppError(result.reason);
        await stateRepo.deleteMinutes(tx, actor.orgId, meetingId);
        await stateRepo.withdrawMinutesMail(tx, actor.orgId, meetingId, now);
        touch(pairOf(series));
        return (await occurrenceRepo.updateMeeting(tx, actor.orgId, meetingId, {
          status: meeting.originalStartsAt ? 'moved' : 'planned',
          heldAt: null,
          heldOn: null,
          startedAt: meeting.startedAt ?? meeting.heldAt,
          startedBy: meeting.startedBy ?? actor.personId,
          statusChangedBy: actor.personId,
          statusChangedAt: now,
        }))!;
      });
    },
  };
}
