import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { buildMinutes } from '../../domain/one-on-one/minutes';
import {
  normaliseTopic,
  sameReflection,
  type ReflectionTopicContent,
} from '../../domain/one-on-one/reflection';
import type { Actor } from '../../domain/roles';
import type { Sealed } from '../../domain/sealing/envelope';
import { vaultRepository as vaultRepo } from '../repositories/vault.repository';
import { isLocale, type Locale } from '../../i18n/index';
import type { OneOnOneNotifier } from '../mail/one-on-one.notifier';
import { authorize } from '../policies/index';
import { oneOnOneActionRepository as actionRepo } from '../repositories/one-on-one-action.repository';
import { oneOnOneMeetingRepository as meetingRepo } from '../repositories/one-on-one-meeting.repository';
import { oneOnOneMinutesRepository as minutesRepo } from '../repositories/one-on-one-minutes.repository';
import { oneOnOneOccurrenceRepository as occurrenceRepo } from '../repositories/one-on-one-occurrence.repository';
import { organisationRepository } from '../repositories/organisation.repository';
import { peopleRepository } from '../repositories/people.repository';
import { ensureAgenda, loadMeeting, pairOf } from './one-on-one-access';
import { finishMeeting } from '../../domain/one-on-one/meeting-state';
import type { LiveEvents } from '../live/hub';
import { syncNotesFromStoredDoc } from '../live/meeting-doc';
import { changing } from './live-notify';
import { systemClock, type Clock } from '../clock';

export type ReflectionInput =
  | {
      topics: ReflectionTopicContent[];
      notes: string;
    }
  | { sealed: Sealed };

/** Finishing a meeting (minutes and their mail), acknowledging, and the manager's reflections. */
export function createOneOnOneMinutesService(
  db: Db,
  notifier: OneOnOneNotifier | null = null,
  live: LiveEvents | null = null,
  clock: Clock = systemClock,
) {
  return {
    /**
     * The manager finishes the meeting: it becomes held, its decision minutes are built in the
     * employee's language and queued for e-mail, all in one transaction. Finishing again
     * returns the same minutes and queues nothing new.
     */
    async finish(actor: Actor, meetingId: string, now = clock.now()) {
      return changing(db, live, async (tx, touch) => {
        const { meeting, series } = await loadMeeting(
          tx,
          actor,
          meetingId,
          'oneOnOne.meeting.finish',
          {
            lock: true,
          },
        );
        const finished = finishMeeting(meeting, now);
        if (!finished.ok) throw new AppError(finished.reason);
        const existing = await minutesRepo.find(tx, actor.orgId, meetingId);
        if (meeting.status === 'held' && existing) return existing;
        touch(pairOf(series));
        const snapshot = await ensureAgenda(tx, meeting, series);
        // What was typed live is in the minutes: the notes are brought in line with the
        // stored live document first.
        await syncNotesFromStoredDoc(tx, actor.orgId, meetingId, null);
        // One after the other: a transaction is one connection, which runs one query at a time.
        const points = await meetingRepo.pointsWithNotes(tx, actor.orgId, meetingId);
        const actions = await actionRepo.forMeeting(tx, actor.orgId, meetingId);
        const followUp = await actionRepo.followUp(
          tx,
          actor.orgId,
          pairOf(series),
          meeting.startsAt,
        );
        const next = await occurrenceRepo.nextOpenMeeting(
          tx,
          actor.orgId,
          series.id,
          meeting.startsAt,
        );
        const people = await peopleRepository.findByIds(tx, actor.orgId, [
          series.managerId,
          series.employeeId,
        ]);
        const org = await organisationRepository.findById(tx, actor.orgId);
        const manager = people.find((p) => p.id === series.managerId)!;
        const employee = people.find((p) => p.id === series.employeeId)!;
        const wanted = employee.locale ?? org?.defaultLocale;
        const locale: Locale = isLocale(wanted) ? wanted : 'sv';
        const content = buildMinutes({
          locale,
          meeting: { id: meeting.id, startsAt: meeting.startsAt, timeZone: meeting.timeZone },
          manager: { id: manager.id, name: manager.name },
          employee: { id: employee.id, name: employee.name },
          snapshot,
          points: points.map(({ point, note }) => ({
            id: point.id,
            kind: point.kind,
            sectionKey: point.sectionKey,
            title: point.title,
            authorId: point.authorId,
            note: note ? { body: note.body, decision: note.decision } : null,
          })),
          actions: actions.map(({ action: a }) => ({
            id: a.id,
            title: a.title,
            ownerId: a.ownerId,
            dueDate: a.dueDate,
            pointId: a.pointId,
          })),
          followUp: followUp.map(({ action: a }) => ({
            id: a.id,
            title: a.title,
            ownerId: a.ownerId,
            dueDate: a.dueDate,
            done: a.doneAt !== null,
          })),
          nextMeeting: next ? { startsAt: next.startsAt, timeZone: next.timeZone } : null,
        });
        await occurrenceRepo.updateMeeting(tx, actor.orgId, meetingId, {
          status: 'held',
          heldAt: finished.value.heldAt,
          heldOn: finished.value.heldOn,
          statusChangedBy: actor.personId,
          statusChangedAt: now,
        });
        const minutes = await minutesRepo.insertOnce(tx, {
          orgId: actor.orgId,
          meetingId,
          seriesId: series.id,
          managerId: series.managerId,
          employeeId: series.employeeId,
          locale,
          content,
        });
        await notifier?.minutesReady(
          tx,
          actor.orgId,
          series.employeeId,
          minutes.content,
          actor.personId,
        );
        return minutes;
      });
    },

    async get(actor: Actor, meetingId: string) {
      await loadMeeting(db, actor, meetingId, 'oneOnOne.minutes.read');
      const minutes = await minutesRepo.find(db, actor.orgId, meetingId);
      if (!minutes) throw new AppError('oneOnOne.not_held');
      return minutes;
    },

    /** The employee confirms having read the minutes (the first time counts). */
    async acknowledge(actor: Actor, meetingId: string) {
      await loadMeeting(db, actor, meetingId, 'oneOnOne.minutes.acknowledge');
      if (!(await minutesRepo.find(db, actor.orgId, meetingId)))
        throw new AppError('oneOnOne.not_held');
      await minutesRepo.acknowledge(db, actor.orgId, meetingId, clock.now());
      return (await minutesRepo.find(db, actor.orgId, meetingId))!;
    },

    /** The actor's minutes as the employee, newest first. */
    async listMine(actor: Actor, opts: { after?: { at: Date; id: string }; limit: number }) {
      return minutesRepo.listForEmployee(db, actor.orgId, actor.personId, opts);
    },

    /** The manager's own reflection on a meeting, or null, with the agenda titles to start from. */
    async reflection(actor: Actor, meetingId: string) {
      const { series } = await loadMeeting(db, actor, meetingId, 'oneOnOne.meeting.read');
      authorize(actor, {
        do: 'oneOnOne.reflection.read',
        pair: pairOf(series),
        authorId: actor.personId,
      });
      return (await minutesRepo.reflection(db, actor.orgId, meetingId, actor.personId)) ?? null;
    },

    async saveReflection(actor: Actor, meetingId: string, input: ReflectionInput) {
      const { meeting, series } = await loadMeeting(db, actor, meetingId, 'oneOnOne.meeting.read');
      authorize(actor, {
        do: 'oneOnOne.reflection.write',
        pair: pairOf(series),
        authorId: actor.personId,
      });
      if (meeting.status === 'cancelled') throw new AppError('oneOnOne.meeting_cancelled');
      // Once the author has a vault, only sealed reflections are taken (decision 018).
      const vault = await vaultRepo.find(db, actor.orgId, actor.personId);
      if ('sealed' in input) {
        if (!vault) throw new AppError('vault.missing');
        if (input.sealed.keyVersion !== vault.keyVersion) throw new AppError('vault.key_version');
      } else if (vault) {
        throw new AppError('vault.sealed_required');
      }
      return db.transaction(async (tx) => {
        // Autosave sends the same text again and again: an unchanged reflection is not
        // rewritten (its "updated" time stays), so a repeated save is idempotent.
        const before = await minutesRepo.reflection(tx, actor.orgId, meetingId, actor.personId);
        if (before && unchanged(before, input)) return before;
        return minutesRepo.upsertReflection(tx, {
          orgId: actor.orgId,
          id: randomUUID(),
          meetingId,
          authorId: actor.personId,
          ...('sealed' in input
            ? { topics: [], notes: '', ...input.sealed }
            : {
                topics: input.topics.map(normaliseTopic),
                notes: input.notes,
                ciphertext: null,
                iv: null,
                keyVersion: null,
              }),
          meetingStartsAt: meeting.startsAt,
        });
      });
    },

    async listReflections(actor: Actor, opts: { after?: { at: Date; id: string }; limit: number }) {
      return minutesRepo.listReflections(db, actor.orgId, actor.personId, opts);
    },
  };
}

/** Whether a save would store exactly what is stored already. */
function unchanged(
  row: {
    topics: (Partial<ReflectionTopicContent> & { title: string })[];
    notes: string;
    ciphertext: string | null;
    iv: string | null;
    keyVersion: number | null;
  },
  input: ReflectionInput,
): boolean {
  if ('sealed' in input)
    return (
      row.ciphertext === input.sealed.ciphertext &&
      row.iv === input.sealed.iv &&
      row.keyVersion === input.sealed.keyVersion
    );
  return (
    row.ciphertext === null &&
    sameReflection(
      { topics: row.topics.map(normaliseTopic), notes: row.notes },
      { topics: input.topics.map(normaliseTopic), notes: input.notes },
    )
  );
}
