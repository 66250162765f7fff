import { randomUUID } from 'node:crypto';
import type { OneOnOneNotifier } from '../mail/one-on-one.notifier';
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { Cadence, MonthlyOrdinal } from '../../domain/one-on-one/cadence';
import {
  horizonFor,
  localTimeExists,
  planRecurrenceChange,
  slotsBetween,
  todayIn,
  toInstant,
  type Recurrence,
} from '../../domain/one-on-one/occurrences';
import type { Actor } from '../../domain/roles';
import { can } from '../policies/index';
import { peopleRepository } from '../repositories/people.repository';
import { violatedUniqueConstraint } from '../repositories/pg-errors';
import { oneOnOneOccurrenceRepository as occurrenceRepo } from '../repositories/one-on-one-occurrence.repository';
import {
  oneOnOneSeriesRepository as seriesRepo,
  type SeriesRow,
} from '../repositories/one-on-one-series.repository';
import { DEFAULT_TEMPLATE_REF } from '../repositories/one-on-one-template.repository';
import { loadMeeting, loadSeries, pairOf } from './one-on-one-access';
import type { LiveEvents } from '../live/hub';
import { changing } from './live-notify';
import {
  checkRecurrence,
  extendSeries,
  REASON_ENDED,
  extendTo,
  horizonEnd,
  recurrenceOf,
  REASON_SERIES_CHANGED,
  resolveTemplate,
} from './one-on-one-planning';
import { PLACE_KINDS } from '../../domain/one-on-one/place';

export { endSeriesForChangedReportingLines, extendHorizons } from './one-on-one-planning';
import { systemClock, type Clock } from '../clock';

type PlaceKind = (typeof PLACE_KINDS)[number];

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
  /** Minutes the manager blocks after each meeting for notes and reflection (0, 15–30). */
  reflectionBlockMinutes?: number;
};
export type SeriesPatch = Partial<Omit<SeriesInput, 'employeeId'>>;

/** The day from which a series' horizon is far enough ahead, by UTC day (computed once a day). */
let thresholdOf: { day: string; threshold: string } | null = null;
/** Series planned up to a day before this one are due for extension (ensureHorizons). */
function horizonThreshold(now: Date): string {
  const day = now.toISOString().slice(0, 10);
  if (thresholdOf?.day !== day)
    thresholdOf = {
      day,
      threshold: Temporal.PlainDate.from(horizonFor(todayIn('UTC', now)))
        .add({ days: 1 })
        .toString(),
    };
  return thresholdOf.threshold;
}

/** Booking and changing 1:1 series, moving and cancelling single meetings. */
export function createOneOnOneSeriesService(
  db: Db,
  notifier: OneOnOneNotifier | null = null,
  live: LiveEvents | null = null,
  clock: Clock = systemClock,
) {
  /** Lazily rolls the horizon forward for the given series (usually nothing to do). */
  async function ensureHorizons(scope: Parameters<typeof seriesRepo.dueForExtension>[2]) {
    const now = clock.now();
    const due = await seriesRepo.dueForExtension(db, horizonThreshold(now), scope, 200);
    for (const s of due) await extendSeries(db, s, now);
  }

  /**
   * Calls for the same participant while one is running share it: a manager's home asks for
   * their overview and their own 1:1s side by side, and both would run the same check.
   */
  const running = new Map<string, Promise<void>>();
  function ensureHorizonsOnce(scope: Parameters<typeof ensureHorizons>[0]): Promise<void> {
    if (!scope?.participantId || scope.seriesIds) return ensureHorizons(scope);
    const key = `${scope.orgId}:${scope.participantId}`;
    const pending = running.get(key);
    if (pending) return pending;
    const started = ensureHorizons(scope).finally(() => running.delete(key));
    running.set(key, started);
    return started;
  }

  return {
    ensureHorizons: ensureHorizonsOnce,
    horizonThreshold,

    async create(actor: Actor, input: SeriesInput): Promise<SeriesRow> {
      const now = clock.now();
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
            reflectionBlockMinutes: input.reflectionBlockMinutes ?? 0,
          })
          .catch((err: unknown) => {
            if (violatedUniqueConstraint(err) === 'one_on_one_series_active_uq')
              throw new AppError('oneOnOne.series_exists');
            throw err;
          });
        await extendTo(tx, series, horizonEnd(rec.timeZone, now));
        await notifier?.seriesBooked(tx, actor.orgId, series.id, actor.personId);
        return (await seriesRepo.findById(tx, actor.orgId, series.id))!;
      });
    },

    /** Series the actor takes part in (HR sees none: content is for the pair only). */
    async list(actor: Actor, includeEnded: boolean) {
      await ensureHorizonsOnce({ orgId: actor.orgId, participantId: actor.personId });
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
      return occurrenceRepo.listMeetings(db, actor.orgId, id, { ...opts, now: clock.now() });
    },

    /**
     * Changes a series from now on. Still-planned future meetings take the new slots in
     * order; moved, cancelled, held and past meetings are left exactly as they were.
     */
    async update(actor: Actor, id: string, patch: SeriesPatch): Promise<SeriesRow> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        const series = await loadSeries(tx, actor, id, 'oneOnOne.series.manage', { lock: true });
        if (series.endedAt) throw new AppError('oneOnOne.series_ended');
        const future = await occurrenceRepo.futurePlanned(tx, actor.orgId, id, now);
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
            await occurrenceRepo.updateMeeting(tx, actor.orgId, meeting.id, {
              localDate: slot.localDate,
              startsAt: slot.startsAt,
              endsAt: slot.endsAt,
              timeZone: next.timeZone,
              durationMinutes: next.durationMinutes,
            });
          await occurrenceRepo.cancelMeetings(
            tx,
            actor.orgId,
            plan.drop.filter((m) => m.hasContent).map((m) => m.id),
            REASON_SERIES_CHANGED,
            actor.personId,
            now,
          );
          await occurrenceRepo.deleteEmptyMeetings(
            tx,
            actor.orgId,
            plan.drop.filter((m) => !m.hasContent).map((m) => m.id),
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
          await occurrenceRepo.insertMeetings(tx, updated!, plan.add, randomUUID);
        }
        if (patch.place)
          await occurrenceRepo.updateUpcomingMeetings(tx, actor.orgId, id, now, place);
        await seriesRepo.update(tx, actor.orgId, id, {
          ...place,
          ...(template
            ? { builtinTemplateKey: template.builtinKey, templateId: template.templateId }
            : {}),
          ...(patch.reflectionBlockMinutes !== undefined
            ? { reflectionBlockMinutes: patch.reflectionBlockMinutes }
            : {}),
        });
        await notifier?.seriesUpdated(tx, actor.orgId, id, actor.personId);
        return (await seriesRepo.findById(tx, actor.orgId, id))!;
      });
    },

    /**
     * The manager ends the series (e.g. the employee leaves): no new meetings, the ones still
     * to come are cancelled with the manager's reason, and the history stays with the pair.
     */
    async end(actor: Actor, id: string, input: { reason: string }): Promise<SeriesRow> {
      return db.transaction(async (tx) => {
        const series = await loadSeries(tx, actor, id, 'oneOnOne.series.manage', { lock: true });
        if (series.endedAt) throw new AppError('oneOnOne.series_ended');
        await seriesRepo.endSeries(tx, actor.orgId, [id], REASON_ENDED, clock.now(), {
          actorId: actor.personId,
          reason: input.reason.trim(),
        });
        await notifier?.seriesEnded(tx, actor.orgId, id, actor.personId);
        return (await seriesRepo.findById(tx, actor.orgId, id))!;
      });
    },

    /** Moves one meeting to another local date and time; it stays in the history as moved. */
    async move(
      actor: Actor,
      meetingId: string,
      input: { date: string; time: string; reason?: string | null },
    ) {
      return changing(db, live, async (tx, touch) => {
        const { meeting, series } = await loadMeeting(
          tx,
          actor,
          meetingId,
          'oneOnOne.meeting.schedule',
          { lock: true },
        );
        touch(pairOf(series));
        if (meeting.status !== 'planned' && meeting.status !== 'moved')
          throw new AppError('oneOnOne.meeting_not_open');
        if (!localTimeExists(input.date, input.time, meeting.timeZone))
          throw new AppError('oneOnOne.time_not_exist', {
            time: input.time,
            date: input.date,
            timeZone: meeting.timeZone,
          });
        const startsAt = toInstant(input.date, input.time, meeting.timeZone);
        const moved = (await occurrenceRepo.updateMeeting(tx, actor.orgId, meetingId, {
          status: 'moved',
          localDate: input.date,
          startsAt,
          endsAt: new Date(startsAt.getTime() + meeting.durationMinutes * 60_000),
          originalStartsAt: meeting.originalStartsAt ?? meeting.startsAt,
          statusReason: input.reason?.trim() || null,
          statusReasonCode: null,
          statusChangedBy: actor.personId,
          statusChangedAt: clock.now(),
        }))!;
        await notifier?.meetingMoved(tx, actor.orgId, meetingId, actor.personId);
        return moved;
      });
    },

    /** Cancels one meeting with a reason; it stays in the history as cancelled. */
    async cancel(actor: Actor, meetingId: string, input: { reason: string }) {
      return changing(db, live, async (tx, touch) => {
        const { meeting, series } = await loadMeeting(
          tx,
          actor,
          meetingId,
          'oneOnOne.meeting.schedule',
          { lock: true },
        );
        touch(pairOf(series));
        if (meeting.status !== 'planned' && meeting.status !== 'moved')
          throw new AppError('oneOnOne.meeting_not_open');
        const cancelled = (await occurrenceRepo.updateMeeting(tx, actor.orgId, meetingId, {
          status: 'cancelled',
          statusReason: input.reason.trim(),
          statusReasonCode: null,
          statusChangedBy: actor.personId,
          statusChangedAt: clock.now(),
        }))!;
        await notifier?.meetingCancelled(tx, actor.orgId, meetingId, actor.personId);
        return cancelled;
      });
    },
  };
}

export type OneOnOneSeriesService = ReturnType<typeof createOneOnOneSeriesService>;
