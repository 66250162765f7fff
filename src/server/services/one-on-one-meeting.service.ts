import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../domain/errors';
import { canCarryOver } from '../../domain/one-on-one/actions';
import {
  defaultSectionFor,
  isPermutation,
  orderWithNewTopic,
} from '../../domain/one-on-one/agenda';
import { mergeNote, type NoteText } from '../../domain/one-on-one/note-merge';
import type { Actor } from '../../domain/roles';
import { authorize, pairRoleOf } from '../policies/index';
import { oneOnOneActionRepository as actionRepo } from '../repositories/one-on-one-action.repository';
import {
  oneOnOneMeetingRepository as meetingRepo,
  type NoteRow,
  type PointRow,
  type PrivateNoteRow,
} from '../repositories/one-on-one-meeting.repository';
import { oneOnOneMinutesRepository as minutesRepo } from '../repositories/one-on-one-minutes.repository';
import { oneOnOneSeriesRepository as seriesRepo } from '../repositories/one-on-one-series.repository';
import { presentSharedNote, type SharedNoteDto } from '../presenters/one-on-one.presenter';
import { assertOpenForContent, ensureAgenda, loadMeeting, pairOf } from './one-on-one-access';

/** What a 409 on a shared note carries: the saved version and the one that was refused. */
export type NoteConflictDetails = {
  current: SharedNoteDto;
  yours: NoteText & { baseVersion: number };
};

/** A meeting's agenda, shared notes and private notes. */
export function createOneOnOneMeetingService(db: Db) {
  /** Loads a point with its meeting and series, checking `action` on the pair. */
  async function loadPoint(
    tx: DbOrTx,
    actor: Actor,
    pointId: string,
    action: Parameters<typeof loadMeeting>[3],
  ) {
    const point = await meetingRepo.findPoint(tx, actor.orgId, pointId);
    if (!point) throw new AppError('not_found');
    const { meeting, series } = await loadMeeting(tx, actor, point.meetingId, action, {
      lock: true,
    });
    return { point, meeting, series };
  }

  return {
    /**
     * Everything the pair sees of one meeting: its agenda with shared notes, the follow-up of
     * earlier open actions, the actions agreed here, and whether minutes exist. The agenda
     * snapshot is taken on first read.
     */
    async get(actor: Actor, meetingId: string) {
      return db.transaction(async (tx) => {
        const { meeting, series } = await loadMeeting(
          tx,
          actor,
          meetingId,
          'oneOnOne.meeting.read',
        );
        const snapshot = await ensureAgenda(tx, meeting, series);
        const [points, followUp, actions, minutes, next, names] = await Promise.all([
          meetingRepo.pointsWithNotes(tx, actor.orgId, meetingId),
          actionRepo.followUp(tx, actor.orgId, pairOf(series), meeting.startsAt),
          actionRepo.forMeeting(tx, actor.orgId, meetingId),
          minutesRepo.find(tx, actor.orgId, meetingId),
          seriesRepo.nextOpenMeeting(tx, actor.orgId, series.id, meeting.startsAt),
          seriesRepo.findWithNames(tx, actor.orgId, series.id),
        ]);
        return {
          meeting,
          series: names!,
          snapshot,
          points,
          followUp,
          actions,
          minutes,
          nextMeeting: next ?? null,
        };
      });
    },

    /** Adds a topic; the employee's go under "your topics" unless they choose a section. */
    async addPoint(
      actor: Actor,
      meetingId: string,
      input: { title: string; sectionKey?: string | null },
    ) {
      return db.transaction(async (tx) => {
        const { meeting, series } = await loadMeeting(tx, actor, meetingId, 'oneOnOne.point.add', {
          lock: true,
        });
        assertOpenForContent(meeting);
        const snapshot = await ensureAgenda(tx, meeting, series);
        const role = pairRoleOf(actor.personId, pairOf(series))!;
        let sectionKey = input.sectionKey ?? defaultSectionFor(role, snapshot);
        if (sectionKey && !snapshot.sections.some((s) => s.key === sectionKey)) sectionKey = null;
        const existing = await meetingRepo.points(tx, actor.orgId, meetingId);
        const id = randomUUID();
        const [point] = await meetingRepo.insertPoints(tx, [
          {
            orgId: actor.orgId,
            id,
            meetingId,
            kind: 'topic',
            sectionKey,
            title: input.title.trim(),
            authorId: actor.personId,
            position: existing.length,
          },
        ]);
        await meetingRepo.setOrder(
          tx,
          actor.orgId,
          meetingId,
          orderWithNewTopic(existing, id, sectionKey),
        );
        return { ...point!, position: orderWithNewTopic(existing, id, sectionKey).indexOf(id) };
      });
    },

    /** Ticks a point off (either of the pair) or renames it (its author only). */
    async updatePoint(
      actor: Actor,
      pointId: string,
      input: { title?: string; discussed?: boolean; sectionKey?: string | null },
    ): Promise<PointRow> {
      return db.transaction(async (tx) => {
        const { point, meeting, series } = await loadPoint(
          tx,
          actor,
          pointId,
          'oneOnOne.point.arrange',
        );
        assertOpenForContent(meeting);
        if (input.title !== undefined || input.sectionKey !== undefined)
          authorize(actor, {
            do: 'oneOnOne.point.edit',
            pair: pairOf(series),
            authorId: point.authorId,
          });
        return (await meetingRepo.updatePoint(tx, actor.orgId, pointId, {
          ...(input.title !== undefined ? { title: input.title.trim() } : {}),
          ...(input.sectionKey !== undefined ? { sectionKey: input.sectionKey } : {}),
          ...(input.discussed !== undefined
            ? { discussedAt: input.discussed ? (point.discussedAt ?? new Date()) : null }
            : {}),
        }))!;
      });
    },

    /** Removes a topic its author added (template sections stay). */
    async deletePoint(actor: Actor, pointId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const { point, meeting, series } = await loadPoint(
          tx,
          actor,
          pointId,
          'oneOnOne.point.arrange',
        );
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
      return db.transaction(async (tx) => {
        const { meeting, series } = await loadMeeting(
          tx,
          actor,
          meetingId,
          'oneOnOne.point.arrange',
          {
            lock: true,
          },
        );
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
      return db.transaction(async (tx) => {
        const { point, meeting, series } = await loadPoint(
          tx,
          actor,
          pointId,
          'oneOnOne.point.arrange',
        );
        if (!canCarryOver(point)) throw new AppError('oneOnOne.cannot_carry_over');
        const target = await seriesRepo.nextOpenMeeting(
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

    /**
     * Saves a point's shared note. A save names the version it started from; when someone
     * saved in between, the two are merged if one side only appended, else a 409 carries
     * both versions. Text is never dropped silently.
     */
    async saveNote(
      actor: Actor,
      pointId: string,
      input: NoteText & { baseVersion: number },
    ): Promise<{ note: NoteRow; merged: boolean }> {
      return db.transaction(async (tx) => {
        const { point, meeting } = await loadPoint(tx, actor, pointId, 'oneOnOne.sharedNote.write');
        assertOpenForContent(meeting);
        const mine = { body: input.body, decision: input.decision };
        let current = await meetingRepo.lockNote(tx, actor.orgId, pointId);
        if (!current) {
          const created = await meetingRepo.insertNote(tx, {
            orgId: actor.orgId,
            id: randomUUID(),
            meetingId: meeting.id,
            pointId: point.id,
            ...mine,
            version: 1,
            updatedBy: actor.personId,
          });
          if (created) {
            await meetingRepo.recordRevision(tx, created);
            return { note: created, merged: false };
          }
          current = (await meetingRepo.lockNote(tx, actor.orgId, pointId))!;
        }
        let text: NoteText = mine;
        let merged = false;
        if (current.version !== input.baseVersion) {
          const base =
            input.baseVersion === 0
              ? { body: '', decision: '' }
              : await meetingRepo.revision(tx, actor.orgId, current.id, input.baseVersion);
          const result =
            base && input.baseVersion < current.version ? mergeNote(base, current, mine) : null;
          if (!result?.ok) {
            const details: NoteConflictDetails = {
              current: presentSharedNote(current),
              yours: { ...mine, baseVersion: input.baseVersion },
            };
            throw new AppError('oneOnOne.note_conflict', {}, [], details);
          }
          text = result.merged;
          merged = true;
        }
        const note = await meetingRepo.updateNote(tx, actor.orgId, current.id, {
          ...text,
          version: current.version + 1,
          updatedBy: actor.personId,
        });
        await meetingRepo.recordRevision(tx, note);
        return { note, merged };
      });
    },

    /** The actor's own private note on a meeting (empty when none yet). */
    async privateNote(actor: Actor, meetingId: string): Promise<PrivateNoteRow | null> {
      const { series } = await loadMeeting(db, actor, meetingId, 'oneOnOne.meeting.read');
      authorize(actor, {
        do: 'oneOnOne.privateNote.read',
        pair: pairOf(series),
        authorId: actor.personId,
      });
      return (await meetingRepo.privateNote(db, actor.orgId, meetingId, actor.personId)) ?? null;
    },

    /** Saves the actor's private note; a stale version gets a 409 with both texts. */
    async savePrivateNote(
      actor: Actor,
      meetingId: string,
      input: { body: string; baseVersion: number },
    ) {
      return db.transaction(async (tx) => {
        const { meeting, series } = await loadMeeting(
          tx,
          actor,
          meetingId,
          'oneOnOne.meeting.read',
          {
            lock: true,
          },
        );
        authorize(actor, {
          do: 'oneOnOne.privateNote.write',
          pair: pairOf(series),
          authorId: actor.personId,
        });
        if (meeting.status === 'cancelled') throw new AppError('oneOnOne.meeting_cancelled');
        const current = await meetingRepo.privateNote(
          tx,
          actor.orgId,
          meetingId,
          actor.personId,
          true,
        );
        const currentVersion = current?.version ?? 0;
        if (currentVersion !== input.baseVersion) {
          throw new AppError('oneOnOne.note_conflict', {}, [], {
            current: { body: current?.body ?? '', version: currentVersion },
            yours: { body: input.body, baseVersion: input.baseVersion },
          });
        }
        if (!current) {
          const created = await meetingRepo.insertPrivateNote(tx, {
            orgId: actor.orgId,
            id: randomUUID(),
            meetingId,
            authorId: actor.personId,
            body: input.body,
            version: 1,
          });
          if (!created) throw new AppError('conflict');
          return created;
        }
        return meetingRepo.updatePrivateNote(
          tx,
          actor.orgId,
          current.id,
          input.body,
          current.version + 1,
        );
      });
    },
  };
}

export type OneOnOneMeetingService = ReturnType<typeof createOneOnOneMeetingService>;
