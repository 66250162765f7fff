/**
 * Planning rules of 1:1 series that need the database: checking a recurrence, resolving a
 * template, rolling the horizon forward, and ending series when a reporting line changes.
 */
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { Db, DbOrTx } from '../../db/client';
import { AppError, fieldError } from '../../domain/errors';
import { datesBetween, type MonthlyOrdinal } from '../../domain/one-on-one/cadence';
import {
  horizonExtension,
  horizonFor,
  HORIZON_SLACK_DAYS,
  localTimeExists,
  nextDay,
  slotsBetween,
  todayIn,
  type Recurrence,
} from '../../domain/one-on-one/occurrences';
import { DURATION_MAX, DURATION_MIN } from '../../domain/one-on-one/duration';
import { isValidTimeZone } from '../../domain/time-zone';
import { oneOnOneOccurrenceRepository as occurrenceRepo } from '../repositories/one-on-one-occurrence.repository';
import {
  oneOnOneSeriesRepository as seriesRepo,
  type SeriesRow,
} from '../repositories/one-on-one-series.repository';
import {
  builtinTemplates,
  oneOnOneTemplateRepository,
  parseTemplateRef,
} from '../repositories/one-on-one-template.repository';
import { systemClock } from '../clock';

/** Why the system ended a series or cancelled a meeting (translated in oneOnOne.reason.*). */
const REASON_REPORTING_LINE = 'reporting_line_changed';
export const REASON_ENDED = 'series_ended';
export const REASON_SERIES_CHANGED = 'series_changed';
const REASON_DEACTIVATED = 'person_deactivated';

export const recurrenceOf = (s: SeriesRow): Recurrence => ({
  cadence: s.cadence,
  startDate: s.startDate,
  monthlyOrdinal: s.monthlyOrdinal as MonthlyOrdinal | null,
  localTime: s.localTime,
  timeZone: s.timeZone,
  durationMinutes: s.durationMinutes,
});

/** The end of the planning horizon for a series' zone, with slack so reads rarely write. */
export function horizonEnd(timeZone: string, now: Date): string {
  return Temporal.PlainDate.from(horizonFor(todayIn(timeZone, now)))
    .add({ days: HORIZON_SLACK_DAYS })
    .toString();
}

/** Refuses what cannot be booked: bad zone, length out of range, past start, a DST-gap time. */
export function checkRecurrence(rec: Recurrence, now: Date): void {
  if (!isValidTimeZone(rec.timeZone)) throw fieldError('timeZone', 'time_zone');
  if (rec.durationMinutes < DURATION_MIN || rec.durationMinutes > DURATION_MAX)
    throw new AppError('oneOnOne.duration_out_of_range', { min: DURATION_MIN, max: DURATION_MAX });
  const today = todayIn(rec.timeZone, now);
  if (rec.startDate < today) throw new AppError('oneOnOne.start_in_past');
  const first = datesBetween(rec, rec.startDate, horizonFor(rec.startDate))[0] ?? rec.startDate;
  if (!localTimeExists(first, rec.localTime, rec.timeZone))
    throw new AppError('oneOnOne.time_not_exist', {
      time: rec.localTime,
      date: first,
      timeZone: rec.timeZone,
    });
}

export async function resolveTemplate(db: DbOrTx, orgId: string, ref: string) {
  const parsed = parseTemplateRef(ref);
  if (!parsed) throw new AppError('oneOnOne.template_not_found');
  if (parsed.builtinKey !== null) {
    if (!builtinTemplates().has(parsed.builtinKey))
      throw new AppError('oneOnOne.template_not_found');
    return parsed;
  }
  const row = await oneOnOneTemplateRepository.findOrg(db, orgId, parsed.templateId);
  if (!row || row.archivedAt) throw new AppError('oneOnOne.template_not_found');
  return parsed;
}

/** Adds the meetings between the series' horizon and `until`, once (see claimHorizon). */
export async function extendTo(tx: DbOrTx, series: SeriesRow, until: string): Promise<void> {
  if (until <= series.horizonUntil) return;
  if (!(await seriesRepo.claimHorizon(tx, series.orgId, series.id, series.horizonUntil, until)))
    return;
  const slots = slotsBetween(recurrenceOf(series), nextDay(series.horizonUntil), until);
  await occurrenceRepo.insertMeetings(tx, series, slots, randomUUID);
}

/** Extends every running series whose horizon is short; for a scheduled job. Returns the count. */
export async function extendHorizons(
  db: Db,
  now = systemClock.now(),
  batch = 500,
): Promise<number> {
  // A day of margin covers zones ahead of UTC; each series then uses its own zone.
  const threshold = Temporal.PlainDate.from(horizonFor(todayIn('UTC', now))).add({ days: 1 });
  const due = await seriesRepo.dueForExtension(db, threshold.toString(), null, batch);
  for (const s of due) await extendSeries(db, s, now);
  return due.length;
}

export async function extendSeries(db: Db, s: SeriesRow, now: Date): Promise<void> {
  const to = horizonExtension(s.horizonUntil, todayIn(s.timeZone, now));
  if (to) await db.transaction((tx) => extendTo(tx, s, to));
}

/**
 * Ends the running series of these people whose manager changed: no new meetings, and the
 * ones still to come are cancelled with reason "reporting line changed". History stays with
 * the pair. Called by the people service and by the CSV import, inside their transaction.
 */
export async function endSeriesForChangedReportingLines(
  tx: DbOrTx,
  orgId: string,
  personIds: string[],
  now: Date,
): Promise<number> {
  const changed = await seriesRepo.withChangedReportingLine(tx, orgId, personIds);
  await seriesRepo.endSeries(
    tx,
    orgId,
    changed.map((c) => c.id),
    REASON_REPORTING_LINE,
    now,
  );
  return changed.length;
}

/** A deactivated person's series end (as employee or manager); the history stays. */
export async function endSeriesForDeactivatedPeople(
  tx: DbOrTx,
  orgId: string,
  personIds: string[],
  now: Date,
): Promise<number> {
  const running = await seriesRepo.runningFor(tx, orgId, personIds);
  await seriesRepo.endSeries(
    tx,
    orgId,
    running.map((s) => s.id),
    REASON_DEACTIVATED,
    now,
  );
  return running.length;
}
