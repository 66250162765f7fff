import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { isPairMember } from '../../domain/one-on-one/actions';
import type { Actor } from '../../domain/roles';
import { authorize } from '../policies/index';
import { oneOnOneActionRepository as actionRepo } from '../repositories/one-on-one-action.repository';
import { oneOnOneMeetingRepository as meetingRepo } from '../repositories/one-on-one-meeting.repository';
import { assertOpenForContent, loadMeeting, pairOf } from './one-on-one-access';
import type { LiveEvents } from '../live/hub';
import { changing } from './live-notify';
import { notificationRepository } from '../repositories/notification.repository';
import { systemClock, type Clock } from '../clock';
import type { ActionPrompt } from '../../domain/wellbeing/workload';

export type ActionInput = {
  title: string;
  ownerId: string;
  dueDate?: string | null;
  pointId?: string | null;
  /** Agreed from a prompt of the meeting page (the workload prompt ends with it). */
  prompt?: ActionPrompt | null;
};

/** Actions agreed in 1:1s: created in a meeting, open until done, listed per owner. */
export function createOneOnOneActionService(
  db: Db,
  live: LiveEvents | null = null,
  clock: Clock = systemClock,
) {
  return {
    async create(actor: Actor, meetingId: string, input: ActionInput) {
      return changing(db, live, async (tx, touch) => {
        const { meeting, series } = await loadMeeting(
          tx,
          actor,
          meetingId,
          'oneOnOne.action.write',
          {
            lock: true,
          },
        );
        touch(series);
        assertOpenForContent(meeting);
        if (!isPairMember(input.ownerId, series)) throw new AppError('oneOnOne.owner_not_in_pair');
        if (input.pointId) {
          const point = await meetingRepo.findPoint(tx, actor.orgId, input.pointId);
          if (!point || point.meetingId !== meetingId)
            throw new AppError('oneOnOne.point_not_found');
        }
        const row = await actionRepo.insert(tx, {
          orgId: actor.orgId,
          id: randomUUID(),
          seriesId: series.id,
          meetingId,
          pointId: input.pointId ?? null,
          managerId: series.managerId,
          employeeId: series.employeeId,
          originStartsAt: meeting.startsAt,
          title: input.title.trim(),
          ownerId: input.ownerId,
          dueDate: input.dueDate ?? null,
          prompt: input.prompt ?? null,
          createdBy: actor.personId,
        });
        // An action given to the other of the pair shows under their bell (not one's own).
        if (input.ownerId !== actor.personId)
          await notificationRepository.insert(tx, {
            orgId: actor.orgId,
            personId: input.ownerId,
            kind: 'one_on_one.action_assigned',
            actorId: actor.personId,
            meetingId,
            seriesId: series.id,
            params: input.dueDate ? { due: input.dueDate } : {},
          });
        return row;
      });
    },

    /** Either of the pair may change an action or mark it done (or open again). */
    async update(
      actor: Actor,
      id: string,
      input: Partial<Omit<ActionInput, 'pointId' | 'prompt'>> & { done?: boolean },
    ) {
      return changing(db, live, async (tx, touch) => {
        const action = await actionRepo.findById(tx, actor.orgId, id, true);
        if (!action) throw new AppError('not_found');
        const pair = {
          orgId: action.orgId,
          managerId: action.managerId,
          employeeId: action.employeeId,
        };
        authorize(actor, { do: 'oneOnOne.action.write', pair });
        touch(pair);
        if (input.ownerId !== undefined && !isPairMember(input.ownerId, pair))
          throw new AppError('oneOnOne.owner_not_in_pair');
        return actionRepo.update(tx, actor.orgId, id, {
          ...(input.title !== undefined ? { title: input.title.trim() } : {}),
          ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
          ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
          ...(input.done !== undefined
            ? { doneAt: input.done ? (action.doneAt ?? clock.now()) : null }
            : {}),
        });
      });
    },

    /** The actor's own actions across every 1:1 they take part in. */
    async mine(
      actor: Actor,
      opts: { status: 'open' | 'done'; after?: { key: string; id: string }; limit: number },
    ) {
      return actionRepo.listForOwner(db, actor.orgId, actor.personId, opts);
    },

    /** Reads an action with its owner's time zone (for the pair only). */
    async get(actor: Actor, id: string) {
      const row = await actionRepo.findWithOwnerZone(db, actor.orgId, id);
      if (!row) throw new AppError('not_found');
      authorize(actor, { do: 'oneOnOne.action.read', pair: pairOf(row.action) });
      return row;
    },
  };
}
