import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client';
import { AppError, fieldError } from '../../domain/errors';
import { datesBetween, type Cadence, type MonthlyOrdinal } from '../../domain/one-on-one/cadence';
import {
  DURATION_MAX,
  DURATION_MIN,
  horizonExtension,
  horizonFor,
  HORIZON_SLACK_DAYS,
  localTimeExists,
  nextDay,
  planRecurrenceChange,
  slotsBetween,
  todayIn,
  toInstant,
  type Recurrence,
} from '../../domain/one-on-one/occurrences';
import type { Actor } from '../../domain/roles';
import { isValidTimeZone } from '../../domain/time-zone';
import { can } from '../policies/index';
import { peopleRepository } from '../repositories/people.repository';
import { violatedUniqueConstraint } from '../repositories/pg-errors';
import {
  oneOnOneSeriesRepository as seriesRepo,
  type SeriesRow,
} from '../repositories/one-on-one-series.repository';
import {
  DEFAULT_TEMPLATE_REF,
  builtinTemplates,
  oneOnOneTemplateRepository,
  parseTemplateRef,
} from '../repositories/one-on-one-template.repository';
import { loadMeeting, loadSeries } from './one-on-one-access';
import { Temporal } from 'temporal-polyfill';

export const PLACE_KINDS = ['walk_and_talk', 'room', 'video'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export type SeriesInput = {
  employeeId: string;
  cadence: Cadence;
  monthlyOrdinal?: MonthlyOrdinal | null;
  startDate: string;
  localTime: string;
  timeZone?: string;
  durationMinutes?: number;
  place: { kind: PlaceKind; detail?: string | null };
  template?: string;
};
export type SeriesPatch = Partial<Omit<SeriesInput, 'employeeId'>>;

/** Why the system ended a series or cancelled a meeting (translated in oneOnOne.reason.*). */
export const REASON_REPORTING_LINE = 'reporting_line_changed';
export const REASON_SERIES_CHANGED = 'series_changed';

const recurrenceOf = (s: SeriesRow): Recurrence => ({
  cadence: s.cadence as Cadence,
  startDate: s.startDate,
  monthlyOrdinal: s.monthlyOrdinal as MonthlyOrdinal | null,
  localTime: s.localTime,
  timeZone: s.timeZone,
  durationMinutes: s.durationMinutes,
});

/** The end of the planning horizon for a series' zone, with slack so reads rarely write. */
function horizonEnd(timeZone: string, now: Date): string {
  return Temporal.PlainDate.from(horizonFor(todayIn(timeZone, now)))
    .add({ days: HORIZON_SLACK_DAYS })
    .toString();
}

/** Refuses what cannot be booked: bad zone, length out of range, past start, a DST-gap time. */
function checkRecurrence(rec: Recurrence, now: Date): void {
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

async function resolveTemplate(db: DbOrTx, orgId: string, ref: string) {
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
async function extendTo(tx: DbOrTx, series: SeriesRow, until: string): Promise<void> {
  if (until <= series.horizonUntil) return;
  if (!(await seriesRepo.claimHorizon(tx, series.orgId, series.id, series.horizonUntil, until)))
    return;
  const slots = slotsBetween(recurrenceOf(series), nextDay(series.horizonUntil), until);
  await seriesRepo.insertMeetings(tx, series, slots, randomUUID);
}

/** Extends every running series whose horizon is short; for a scheduled job. Returns the count. */
export async function extendHorizons(db: Db, now = new Date(), batch = 500): Promise<number> {
  // A day of margin covers zones ahead of UTC; each series then uses its own zone.
  const threshold = Temporal.PlainDate.from(horizonFor(todayIn('UTC', now))).add({ days: 1 });
  const due = await seriesRepo.dueForExtension(db, threshold.toString(), null, batch);
  for (const s of due) await extendSeries(db, s, now);
  return due.length;
}

async function extendSeries(db: Db, s: SeriesRow, now: Date): Promise<void> {
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
  now: Date = new Date(),
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

/** Booking and changing 1:1 series, moving and cancelling single meetings. */
export function createOneOnOneSeriesService(db: Db) {
  /** Lazily rolls the horizon forward for the given series (usually nothing to do). */
  async function ensureHorizons(scope: Parameters<typeof seriesRepo.dueForExtension>[2]) {
    const now = new Date();
    const threshold = Temporal.PlainDate.from(horizonFor(todayIn('UTC', now))).add({ days: 1 });
    const due = await seriesRepo.dueForExtension(db, threshold.toString(), scope, 200);
    for (const s of due) await extendSeries(db, s, now);
  }

  return {
    ensureHorizons,

    async create(actor: Actor, input: SeriesInput): Promise<SeriesRow> {
      const now = new Date();
      const rec: Recurrence = {
        cadence: input.cadence,
        startDate: input.startDate,
        monthlyOrdinal: input.cadence === 'monthly' ? (input.monthlyOrdinal ?? null) : null,
        localTime: input.localTime,
        timeZone: input.timeZone ?? actor.timeZone,
        durationMinutes: input.durationMinutes ?? 20,
      };
      return db.transaction(async (tx) => {
        const employee = await peopleRepository.findById(tx, actor.orgId, input.employeeId);
        if (!employee) throw new AppError('not_found');
        if (!employee.active || !can(actor, { do: 'oneOnOne.series.create', employee }))
          throw new AppError('oneOnOne.not_your_report');
        checkRecurrence(rec, now);
        const template = await resolveTemplate(
          tx,
          actor.orgId,
          input.template ?? DEFAULT_TEMPLATE_REF,
        );
        if (await seriesRepo.findActiveForEmployee(tx, actor.orgId, employee.id))
          throw new AppError('oneOnOne.series_exists');
        const series = await seriesRepo
          .insert(tx, {
            orgId: actor.orgId,
            id: randomUUID(),
            managerId: actor.personId,
            employeeId: employee.id,
            cadence: rec.cadence,
            monthlyOrdinal: rec.monthlyOrdinal ?? null,
            startDate: rec.startDate,
            localTime: rec.localTime,
            timeZone: rec.timeZone,
            durationMinutes: rec.durationMinutes,
            placeKind: input.place.kind,
            placeDetail: input.place.detail?.trim() || null,
            builtinTemplateKey: template.builtinKey,
            templateId: template.templateId,
            horizonUntil: Temporal.PlainDate.from(rec.startDate).subtract({ days: 1 }).toString(),
          })
          .catch((err: unknown) => {
            if (violatedUniqueConstraint(err) === 'one_on_one_series_active_uq')
              throw new AppError('oneOnOne.series_exists');
            throw err;
          });
        await extendTo(tx, series, horizonEnd(rec.timeZone, now));
        return (await seriesRepo.findById(tx, actor.orgId, series.id))!;
      });
    },

    /** Series the actor takes part in (HR sees none: content is for the pair only). */
    async list(actor: Actor, includeEnded: boolean) {
      await ensureHorizons({ orgId: actor.orgId, participantId: actor.personId });
      return seriesRepo.listForParticipant(db, actor.orgId, actor.personId, includeEnded);
    },

    async get(actor: Actor, id: string) {
      const series = await loadSeries(db, actor, id, 'oneOnOne.series.read');
      await ensureHorizons({ orgId: actor.orgId, seriesIds: [id] });
      return (await seriesRepo.findWithNames(db, actor.orgId, series.id))!;
    },

    /** One page of meetings: history (newest first) or upcoming (soonest first). */
    async meetings(
      actor: Actor,
      id: string,
      opts: {
        direction: 'past' | 'upcoming';
        after?: { startsAt: Date; id: string };
        limit: number;
      },
    ) {
      await loadSeries(db, actor, id, 'oneOnOne.series.read');
      if (opts.direction === 'upcoming')
        await ensureHorizons({ orgId: actor.orgId, seriesIds: [id] });
      return seriesRepo.listMeetings(db, actor.orgId, id, { ...opts, now: new Date() });
    },

    /**
     * Changes a series from now on. Still-planned future meetings take the new slots in
     * order; moved, cancelled, held and past meetings are left exactly as they were.
     */
    async update(actor: Actor, id: string, patch: SeriesPatch): Promise<SeriesRow> {
      const now = new Date();
      return db.transaction(async (tx) => {
        const series = await loadSeries(tx, actor, id, 'oneOnOne.series.manage', { lock: true });
        if (series.endedAt) throw new AppError('oneOnOne.series_ended');
        const future = await seriesRepo.futurePlanned(tx, actor.orgId, id, now);
        const recurrenceChanged = (
          [
            'cadence',
            'monthlyOrdinal',
            'startDate',
            'localTime',
            'timeZone',
            'durationMinutes',
          ] as const
        ).some((k) => patch[k] !== undefined);
        const next: Recurrence = {
          ...recurrenceOf(series),
          ...(patch.cadence ? { cadence: patch.cadence } : {}),
          ...(patch.monthlyOrdinal !== undefined ? { monthlyOrdinal: patch.monthlyOrdinal } : {}),
          ...(patch.localTime ? { localTime: patch.localTime } : {}),
          ...(patch.timeZone ? { timeZone: patch.timeZone } : {}),
          ...(patch.durationMinutes ? { durationMinutes: patch.durationMinutes } : {}),
        };
        if (next.cadence !== 'monthly') next.monthlyOrdinal = null;
        next.startDate = patch.startDate ?? future[0]?.localDate ?? todayIn(next.timeZone, now);
        const template = patch.template
          ? await resolveTemplate(tx, actor.orgId, patch.template)
          : null;
        const place = patch.place
          ? { placeKind: patch.place.kind, placeDetail: patch.place.detail?.trim() || null }
          : {};
        let horizonUntil = series.horizonUntil;
        if (recurrenceChanged) {
          checkRecurrence(next, now);
          horizonUntil = horizonEnd(next.timeZone, now);
          const slots = slotsBetween(next, next.startDate, horizonUntil).filter(
            (s) => s.startsAt.getTime() > now.getTime(),
          );
          const plan = planRecurrenceChange(future, slots);
          for (const { meeting, slot } of plan.reuse)
            await seriesRepo.updateMeeting(tx, actor.orgId, meeting.id, {
              localDate: slot.localDate,
              startsAt: slot.startsAt,
              endsAt: slot.endsAt,
              timeZone: next.timeZone,
              durationMinutes: next.durationMinutes,
            });
          await seriesRepo.cancelMeetings(
            tx,
            actor.orgId,
            plan.drop.filter((m) => m.hasAgenda).map((m) => m.id),
            REASON_SERIES_CHANGED,
            actor.personId,
          );
          await seriesRepo.deleteUnpreparedMeetings(
            tx,
            actor.orgId,
            plan.drop.filter((m) => !m.hasAgenda).map((m) => m.id),
          );
          const updated = await seriesRepo.update(tx, actor.orgId, id, {
            cadence: next.cadence,
            monthlyOrdinal: next.monthlyOrdinal ?? null,
            startDate: next.startDate,
            localTime: next.localTime,
            timeZone: next.timeZone,
            durationMinutes: next.durationMinutes,
            horizonUntil,
          });
          await seriesRepo.insertMeetings(tx, updated!, plan.add, randomUUID);
        }
        if (patch.place) await seriesRepo.updateUpcomingMeetings(tx, actor.orgId, id, now, place);
        return (await seriesRepo.update(tx, actor.orgId, id, {
          ...place,
          ...(template
            ? { builtinTemplateKey: template.builtinKey, templateId: template.templateId }
            : {}),
        }))!;
      });
    },

    /** Moves one meeting to another local date and time; it stays in the history as moved. */
    async move(
      actor: Actor,
      meetingId: string,
      input: { date: string; time: string; reason?: string | null },
    ) {
      return db.transaction(async (tx) => {
        const { meeting } = await loadMeeting(tx, actor, meetingId, 'oneOnOne.meeting.schedule', {
          lock: true,
        });
        if (meeting.status !== 'planned' && meeting.status !== 'moved')
          throw new AppError('oneOnOne.meeting_not_open');
        if (!localTimeExists(input.date, input.time, meeting.timeZone))
          throw new AppError('oneOnOne.time_not_exist', {
            time: input.time,
            date: input.date,
            timeZone: meeting.timeZone,
          });
        const startsAt = toInstant(input.date, input.time, meeting.timeZone);
        return (await seriesRepo.updateMeeting(tx, actor.orgId, meetingId, {
          status: 'moved',
          localDate: input.date,
          startsAt,
          endsAt: new Date(startsAt.getTime() + meeting.durationMinutes * 60_000),
          originalStartsAt: meeting.originalStartsAt ?? meeting.startsAt,
          statusReason: input.reason?.trim() || null,
          statusReasonCode: null,
          statusChangedBy: actor.personId,
          statusChangedAt: new Date(),
        }))!;
      });
    },

    /** Cancels one meeting with a reason; it stays in the history as cancelled. */
    async cancel(actor: Actor, meetingId: string, input: { reason: string }) {
      return db.transaction(async (tx) => {
        const { meeting } = await loadMeeting(tx, actor, meetingId, 'oneOnOne.meeting.schedule', {
          lock: true,
        });
        if (meeting.status !== 'planned' && meeting.status !== 'moved')
          throw new AppError('oneOnOne.meeting_not_open');
        return (await seriesRepo.updateMeeting(tx, actor.orgId, meetingId, {
          status: 'cancelled',
          statusReason: input.reason.trim(),
          statusReasonCode: null,
          statusChangedBy: actor.personId,
          statusChangedAt: new Date(),
        }))!;
      });
    },
  };
}

export type OneOnOneSeriesService = ReturnType<typeof createOneOnOneSeriesService>;
