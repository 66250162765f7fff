import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { mayScoreMotivation, motivationTrend } from '../../domain/one-on-one/motivation';
import { pairRoleOf } from '../../domain/one-on-one/visibility';
import type { Actor } from '../../domain/roles';
import { authorize } from '../policies/index';
import { oneOnOneMotivationRepository as motivationRepo } from '../repositories/one-on-one-motivation.repository';
import type { MeetingRow, SeriesRow } from '../repositories/one-on-one-series.repository';
import { loadMeeting, pairOf } from './one-on-one-access';
import { systemClock, type Clock } from '../clock';

type MotivationRow = { meetingId: string; startsAt: Date; score: number };

/**
 * Motivation in the 1:1 (issue #15, seed 002): the employee scores it per meeting, both of the
 * pair see the trend across the series. Nobody else: not HR, not another manager.
 */
export function createOneOnOneMotivationService(db: Db, clock: Clock = systemClock) {
  async function present(actor: Actor, meeting: MeetingRow, series: SeriesRow, now: Date) {
    const rows = await motivationRepo.trend(db, actor.orgId, series.id, meeting.startsAt);
    return fromRows(actor, meeting, series, rows, now);
  }

  /** The answer from the series' scores as oneOnOneMotivationRepository.trend reads them. */
  function fromRows(
    actor: Actor,
    meeting: MeetingRow,
    series: SeriesRow,
    rows: MotivationRow[],
    now: Date,
  ) {
    const trend = motivationTrend(rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString() })));
    return {
      score: rows.find((r) => r.meetingId === meeting.id)?.score ?? null,
      mayScore: mayScoreMotivation(pairRoleOf(actor.personId, pairOf(series)), meeting, now),
      trend: trend.points,
      direction: trend.direction,
    };
  }

  return {
    /**
     * The same answer from rows another statement read (the meeting page reads them with the
     * page): the caller has read the meeting and its series; the pair is checked here.
     */
    ofPage(actor: Actor, meeting: MeetingRow, series: SeriesRow, rows: MotivationRow[], now: Date) {
      authorize(actor, { do: 'oneOnOne.motivation.read', pair: pairOf(series) });
      return fromRows(actor, meeting, series, rows, now);
    },

    /** This meeting's score and the series' trend up to it. */
    async get(actor: Actor, meetingId: string, now = clock.now()) {
      const { meeting, series } = await loadMeeting(
        db,
        actor,
        meetingId,
        'oneOnOne.motivation.read',
      );
      return present(actor, meeting, series, now);
    },

    /** The employee sets (or corrects) this meeting's score. */
    async set(actor: Actor, meetingId: string, score: number, now = clock.now()) {
      const { meeting, series } = await db.transaction(async (tx) => {
        const loaded = await loadMeeting(tx, actor, meetingId, 'oneOnOne.motivation.write', {
          lock: true,
        });
        authorize(actor, { do: 'oneOnOne.motivation.write', pair: pairOf(loaded.series) });
        if (loaded.meeting.status === 'cancelled') throw new AppError('oneOnOne.meeting_cancelled');
        if (!mayScoreMotivation('employee', loaded.meeting, now))
          throw new AppError('oneOnOne.meeting_held');
        await motivationRepo.upsert(tx, {
          orgId: actor.orgId,
          id: randomUUID(),
          meetingId,
          seriesId: loaded.series.id,
          employeeId: loaded.series.employeeId,
          meetingStartsAt: loaded.meeting.startsAt,
          score,
        });
        return loaded;
      });
      return present(actor, meeting, series, now);
    },
  };
}
