import type { DbOrTx } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { PairRef } from '../../domain/one-on-one/visibility';
import type { TemplateSnapshot } from '../../domain/one-on-one/template';
import { sectionPoints } from '../../domain/one-on-one/agenda';
import type { Actor } from '../../domain/roles';
import { authorize, type OneOnOneAction } from '../policies/index';
import { oneOnOneMeetingRepository } from '../repositories/one-on-one-meeting.repository';
import {
  oneOnOneSeriesRepository,
  type MeetingRow,
  type SeriesRow,
} from '../repositories/one-on-one-series.repository';
import { oneOnOneOccurrenceRepository as occurrenceRepo } from '../repositories/one-on-one-occurrence.repository';
import { oneOnOneTemplateRepository } from '../repositories/one-on-one-template.repository';
import { randomUUID } from 'node:crypto';

/** The pair a series (and so every meeting in it) belongs to. */
export function pairOf(s: { orgId: string; managerId: string; employeeId: string }): PairRef {
  return { orgId: s.orgId, managerId: s.managerId, employeeId: s.employeeId };
}

type PairActionName = Extract<OneOnOneAction, { pair: PairRef; authorId?: never }>['do'];

/** Loads a meeting with its series and checks the actor may do `action` on it. */
export async function loadMeeting(
  db: DbOrTx,
  actor: Actor,
  meetingId: string,
  action: PairActionName,
  opts: { lock?: boolean } = {},
): Promise<{ meeting: MeetingRow; series: SeriesRow }> {
  const row = await occurrenceRepo.findMeeting(db, actor.orgId, meetingId, opts.lock);
  if (!row) throw new AppError('not_found');
  authorize(actor, { do: action, pair: pairOf(row.series) });
  return row;
}

/**
 * Loads an agenda point with its meeting (locked) and series, checking `action` on the pair.
 * One statement: every autosave of a shared note starts here.
 */
export async function loadPoint(db: DbOrTx, actor: Actor, pointId: string, action: PairActionName) {
  const row = await occurrenceRepo.findPointWithMeeting(db, actor.orgId, pointId);
  if (!row) throw new AppError('not_found');
  authorize(actor, { do: action, pair: pairOf(row.series) });
  return row;
}

/** Loads a series and checks the actor may do `action` on it. */
export async function loadSeries(
  db: DbOrTx,
  actor: Actor,
  seriesId: string,
  action: PairActionName,
  opts: { lock?: boolean } = {},
): Promise<SeriesRow> {
  const series = opts.lock
    ? await oneOnOneSeriesRepository.lockById(db, actor.orgId, seriesId)
    : await oneOnOneSeriesRepository.findById(db, actor.orgId, seriesId);
  if (!series) throw new AppError('not_found');
  authorize(actor, { do: action, pair: pairOf(series) });
  return series;
}

/** Shared content (topics, notes, actions) may change only while the meeting is open. */
export function assertOpenForContent(meeting: MeetingRow): void {
  if (meeting.status === 'cancelled') throw new AppError('oneOnOne.meeting_cancelled');
  if (meeting.status === 'held') throw new AppError('oneOnOne.meeting_held');
}

/**
 * The meeting's agenda snapshot, taken now if it has none: the template's sections become
 * points. Only the first caller adds them; a template edited later never changes them.
 */
export async function ensureAgenda(
  db: DbOrTx,
  meeting: MeetingRow,
  series: SeriesRow,
): Promise<TemplateSnapshot> {
  if (meeting.templateSnapshot) return meeting.templateSnapshot;
  const snapshot = await oneOnOneTemplateRepository.snapshotFor(db, meeting.orgId, series);
  if (await oneOnOneMeetingRepository.claimSnapshot(db, meeting.orgId, meeting.id, snapshot)) {
    await oneOnOneMeetingRepository.insertPoints(
      db,
      sectionPoints(snapshot).map((s) => ({
        orgId: meeting.orgId,
        id: randomUUID(),
        meetingId: meeting.id,
        kind: 'section',
        sectionKey: s.sectionKey,
        position: s.position,
      })),
    );
    meeting.templateSnapshot = snapshot;
    return snapshot;
  }
  const fresh = await occurrenceRepo.findMeeting(db, meeting.orgId, meeting.id);
  meeting.templateSnapshot = fresh?.meeting.templateSnapshot ?? snapshot;
  return meeting.templateSnapshot;
}
