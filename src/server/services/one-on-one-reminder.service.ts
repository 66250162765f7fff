import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import type { Sealed } from '../../domain/sealing/envelope';
import { authorize } from '../policies/index';
import {
  oneOnOneReminderRepository as reminderRepo,
  type ReminderRow,
} from '../repositories/one-on-one-reminder.repository';
import { vaultRepository as vaultRepo } from '../repositories/vault.repository';
import { loadMeeting, pairOf } from './one-on-one-access';
import { systemClock, type Clock } from '../clock';

/** Open reminders one manager may keep for one employee at a time. */
const OPEN_REMINDERS_MAX = 20;

/**
 * The manager's "remember to ask" reminders (issue #15): written in a meeting, shown on it and
 * on every later meeting of the series until ticked off. The author, while the manager of the
 * pair, is the only one who may read or write them; everyone else, the employee included, is
 * told "not found". They are always sealed in the author's browser (decision 018): the
 * server takes only an envelope, under the author's current vault key.
 */
export function createOneOnOneReminderService(db: Db, clock: Clock = systemClock) {
  /** The meeting, with the actor checked as the one who may keep reminders in its series. */
  async function meetingFor(actor: Actor, meetingId: string, write: boolean, tx: DbOrTx = db) {
    const { meeting, series } = await loadMeeting(tx, actor, meetingId, 'oneOnOne.meeting.read', {
      lock: write,
    });
    authorize(actor, {
      do: write ? 'oneOnOne.reminder.write' : 'oneOnOne.reminder.read',
      pair: pairOf(series),
      authorId: actor.personId,
    });
    return { meeting, series };
  }

  return {
    /** The reminders the actor sees on a meeting: earlier ones still open, and this one's. */
    async list(actor: Actor, meetingId: string): Promise<ReminderRow[]> {
      const { meeting, series } = await meetingFor(actor, meetingId, false);
      return reminderRepo.forMeeting(
        db,
        actor.orgId,
        { id: meeting.id, seriesId: series.id, startsAt: meeting.startsAt },
        actor.personId,
      );
    },

    /** A new reminder, sealed by the author's browser; refused on a cancelled meeting. */
    async add(actor: Actor, meetingId: string, sealed: Sealed): Promise<ReminderRow> {
      return db.transaction(async (tx) => {
        const { meeting, series } = await meetingFor(actor, meetingId, true, tx);
        if (meeting.status === 'cancelled') throw new AppError('oneOnOne.meeting_cancelled');
        const vault = await vaultRepo.find(tx, actor.orgId, actor.personId);
        if (!vault) throw new AppError('vault.missing');
        if (sealed.keyVersion !== vault.keyVersion) throw new AppError('vault.key_version');
        const open = await reminderRepo.countOpen(tx, actor.orgId, series.id, actor.personId);
        if (open >= OPEN_REMINDERS_MAX)
          throw new AppError('oneOnOne.reminder_limit', { max: OPEN_REMINDERS_MAX });
        return reminderRepo.insert(tx, {
          orgId: actor.orgId,
          id: randomUUID(),
          seriesId: series.id,
          meetingId: meeting.id,
          authorId: actor.personId,
          originStartsAt: meeting.startsAt,
          ...sealed,
        });
      });
    },

    /** Ticks a reminder off in this meeting (or undoes that); another's is "not found". */
    async setDone(
      actor: Actor,
      meetingId: string,
      reminderId: string,
      done: boolean,
      now = clock.now(),
    ): Promise<ReminderRow> {
      return db.transaction(async (tx) => {
        const { meeting, series } = await meetingFor(actor, meetingId, true, tx);
        const row = await reminderRepo.findOwn(
          tx,
          actor.orgId,
          reminderId,
          series.id,
          actor.personId,
        );
        // Only reminders this meeting shows: written here or before, open or ticked off here.
        if (!row || row.originStartsAt > meeting.startsAt) throw new AppError('not_found');
        if (row.doneAt && row.doneMeetingId !== meeting.id) throw new AppError('not_found');
        return reminderRepo.setDone(
          tx,
          actor.orgId,
          row.id,
          done ? { at: row.doneAt ?? now, meetingId: meeting.id } : null,
        );
      });
    },
  };
}
