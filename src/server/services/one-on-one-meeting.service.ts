import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError, fieldError } from '../../domain/errors';
import { canCarryOver } from '../../domain/one-on-one/actions';
import {
  defaultSectionFor,
  isPermutation,
  orderWithNewTopic,
} from '../../domain/one-on-one/agenda';
import type { Actor } from '../../domain/roles';
import { authorize, pairRoleOf } from '../policies/index';
import { oneOnOneActionRepository as actionRepo } from '../repositories/one-on-one-action.repository';
import {
  oneOnOneMeetingRepository as meetingRepo,
  type PointRow,
} from '../repositories/one-on-one-meeting.repository';
import { oneOnOneOccurrenceRepository as occurrenceRepo } from '../repositories/one-on-one-occurrence.repository';
import { oneOnOnePageRepository } from '../repositories/one-on-one-page.repository';
import type { LiveEvents } from '../live/hub';
import { changing } from './live-notify';
import { notificationRepository } from '../repositories/notification.repository';
import {
  assertOpenForContent,
  ensureAgenda,
  loadMeeting,
  loadPoint,
  pairOf,
} from './one-on-one-access';
import { systemClock, type Clock } from '../clock';

/** A meeting and its agenda: topics added, ordered, ticked off and carried over. */
export function createOneOnOneMeetingService(
  db: Db,
  live: LiveEvents | null = null,
  clock: Clock = systemClock,
) {
  const page = oneOnOnePageRepository(db);
  return {
    /**
     * Everything the pair sees of one meeting: its agenda with shared notes, the follow-up of
     * earlier open actions, the actions agreed here, and whether minutes exist. The agenda
     * snapshot is taken on first read.
     *
     * The most used page, so it is read in one statement (decision 015), without a
     * transaction. Only a first read, which takes the snapshot, writes (in its own
     * transaction) and then reads the page again with the agenda it made.
     */
    async get(actor: Actor, meetingId: string) {
      let found = await page.read(actor.orgId, meetingId);
      if (!found) throw new AppError('not_found');
      authorize(actor, { do: 'oneOnOne.meeting.read', pair: pairOf(found.series) });
      let snapshot = found.meeting.templateSnapshot;
      if (!snapshot) {
        const { meeting, series } = found;
        snapshot = await db.transaction((tx) => ensureAgenda(tx, meeting, series));
        found = (await page.read(actor.orgId, meetingId)) ?? found;
      }
      const { meeting, series, managerName, employeeName, minutes } = found;
      return {
        meeting,
        series: { series, managerName, employeeName },
        snapshot,
        points: found.points,
        followUp: found.followUp,
        actions: found.actions,
        minutes,
        nextMeeting: found.nextMeeting,
      };
    },

    /**
     * Adds a topic; the employee's go under "your topics" unless they choose a section.
     * Returns the point with what presenting it needs (the agenda snapshot and the manager).
     */
    async addPoint(
      actor: Actor,
      meetingId: string,
      input: { title: string; sectionKey?: string | null },
    ) {
      return changing(db, live, async (tx, touch) => {
        const { meeting, series } = await loadMeeting(tx, actor, meetingId, 'oneOnOne.point.add', {
          lock: true,
        });
        touch(series);
        assertOpenForContent(meeting);
        const snapshot = await ensureAgenda(tx, meeting, series);
        const role = pairRoleOf(actor.personId, pairOf(series))!;
        let sectionKey = input.sectionKey ?? defaultSectionFor(role, snapshot);
        if (sectionKey && !snapshot.sections.some((s) => s.key === sectionKey)) sectionKey = null;
        const existing = await meetingRepo.points(tx, actor.orgId, meetingId);
        const id = randomUUID();
        const order = orderWithNewTopic(existing, id, sectionKey);
        const position = order.indexOf(id);
        const point = await meetingRepo.insertTopic(tx, {
          orgId: actor.orgId,
          id,
          meetingId,
          kind: 'topic',
          sectionKey,
          title: input.title.trim(),
          authorId: actor.personId,
          position,
        });
        // Only the points after it move down (setOrder writes the changed rows only).
        if (position < existing.length) {
          await meetingRepo.setOrder(tx, actor.orgId, meetingId, order);
        }
        // The other of the pair sees that a topic came (never which: it is content).
        const other = role === 'manager' ? series.employeeId : series.managerId;
        await notificationRepository.insertUnlessUnread(tx, {
          orgId: actor.orgId,
          personId: other,
          kind: 'one_on_one.topic_added',
          actorId: actor.personId,
          meetingId,
          seriesId: series.id,
          params: { at: meeting.startsAt.toISOString() },
        });
        return { point: { ...point, position }, snapshot, managerId: series.managerId };
      });
    },

    /** Ticks a point off (either of the pair) or renames it (its author only). */
    async updatePoint(
      actor: Actor,
      pointId: string,
      input: {
        title?: string;
        discussed?: boolean;
        sectionKey?: string | null;
        /** Both of the pair plan the time of any point, as they arrange the agenda. */
        plannedMinutes?: number | null;
      },
    ): Promise<PointRow> {
      return changing(db, live, async (tx, touch) => {
        const { point, meeting, series } = await loadPoint(
          tx,
          actor,
          pointId,
          'oneOnOne.point.arrange',
        );
        touch(series);
        assertOpenForContent(meeting);
        if (input.title !== undefined || input.sectionKey !== undefined)
          authorize(actor, {
            do: 'oneOnOne.point.edit',
            pair: pairOf(series),
            authorId: point.authorId,
          });
        const sections = meeting.templateSnapshot?.sections ?? [];
        if (input.sectionKey && !sections.some((s) => s.key === input.sectionKey))
          throw fieldError('sectionKey', 'invalid');
        return (await meetingRepo.updatePoint(tx, actor.orgId, pointId, {
          ...(input.title !== undefined ? { title: input.title.trim() } : {}),
          ...(input.sectionKey !== undefined ? { sectionKey: input.sectionKey } : {}),
          ...(input.plannedMinutes !== undefined ? { plannedMinutes: input.plannedMinutes } : {}),
          ...(input.discussed !== undefined
            ? { discussedAt: input.discussed ? (point.discussedAt ?? clock.now()) : null }
            : {}),
        }))!;
      });
    },

    /** Removes a topic its author added (template sections stay). */
    async deletePoint(actor: Actor, pointId: string): Promise<void> {
      await changing(db, live, async (tx, touch) => {
        const { point, meeting, series } = await loadPoint(
          tx,
          actor,
          pointId,
          'oneOnOne.point.arrange',
        );
        touch(series);
        assertOpenForContent(meeting);
        authorize(actor, {
          do: 'oneOnOne.point.edit',
          pair: pairOf(series),
          authorId: point.authorId,
        });
        await actionRepo.clearPoint(tx, actor.orgId, pointId);
        await meetingRepo.deletePoint(tx, actor.orgId, pointId);
      });
    },

    /** Puts the agenda in the given order; it must list exactly the meeting's points. */
    async reorder(actor: Actor, meetingId: string, ids: string[]) {
      return changing(db, live, async (tx, touch) => {
        const { meeting, series } = await loadMeeting(
          tx,
          actor,
          meetingId,
          'oneOnOne.point.arrange',
          {
            lock: true,
          },
        );
        touch(series);
        assertOpenForContent(meeting);
        await ensureAgenda(tx, meeting, series);
        const current = await meetingRepo.points(tx, actor.orgId, meetingId);
        if (
          !isPermutation(
            current.map((p) => p.id),
            ids,
          )
        )
          throw new AppError('oneOnOne.agenda_mismatch');
        await meetingRepo.setOrder(tx, actor.orgId, meetingId, ids);
        return meetingRepo.points(tx, actor.orgId, meetingId);
      });
    },

    /** Moves a topic that was not discussed to the pair's next meeting. */
    async carryOver(actor: Actor, pointId: string) {
      return changing(db, live, async (tx, touch) => {
        const { point, meeting, series } = await loadPoint(
          tx,
          actor,
          pointId,
          'oneOnOne.point.arrange',
        );
        touch(series);
        if (!canCarryOver(point)) throw new AppError('oneOnOne.cannot_carry_over');
        const target = await occurrenceRepo.nextOpenMeeting(
          tx,
          actor.orgId,
          series.id,
          meeting.startsAt,
        );
        if (!target) throw new AppError('oneOnOne.no_next_meeting');
        const snapshot = await ensureAgenda(tx, target, series);
        const sectionKey =
          point.sectionKey && snapshot.sections.some((s) => s.key === point.sectionKey)
            ? point.sectionKey
            : null;
        const existing = await meetingRepo.points(tx, actor.orgId, target.id);
        const id = randomUUID();
        await meetingRepo.insertPoints(tx, [
          {
            orgId: actor.orgId,
            id,
            meetingId: target.id,
            kind: 'topic',
            sectionKey,
            title: point.title,
            authorId: point.authorId,
            position: existing.length,
            carriedFromPointId: point.id,
          },
        ]);
        await meetingRepo.setOrder(
          tx,
          actor.orgId,
          target.id,
          orderWithNewTopic(existing, id, sectionKey),
        );
        await meetingRepo.updatePoint(tx, actor.orgId, point.id, { carriedToMeetingId: target.id });
        return { pointId: id, meetingId: target.id };
      });
    },
  };
}

export type OneOnOneMeetingService = ReturnType<typeof createOneOnOneMeetingService>;
