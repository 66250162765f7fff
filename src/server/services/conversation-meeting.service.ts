import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../domain/errors';
import { isPairMember } from '../../domain/one-on-one/actions';
import type { NoteText } from '../../domain/one-on-one/note-merge';
import type { Actor } from '../../domain/roles';
import { authorize } from '../policies/index';
import { oneOnOneActionRepository as actionRepo } from '../repositories/one-on-one-action.repository';
import { conversationRepository } from '../repositories/conversation.repository';
import { oneOnOneMeetingRepository as meetingRepo } from '../repositories/one-on-one-meeting.repository';
import { assertWritable, lockConversation, pairOfConversation } from './conversation-access';
import {
  savePrivateNoteOn,
  saveSharedNoteOn,
  type PrivateNoteInput,
} from './one-on-one-note.service';
import { systemClock, type Clock } from '../clock';

export type ClosingActionInput = { title: string; ownerId: string; dueDate?: string | null };

/**
 * The meeting of a conversation, on the 1:1 machinery: the agreed note of each section is the
 * shared note of its agenda point (versioned and merged), private notes are the author's own,
 * and the closing plan is 1:1 actions of the pair (no series), so open ones show under
 * follow-up in the pair's next 1:1s. Everything is refused once the conversation is closed.
 */
export function createConversationMeetingService(db: Db, clock: Clock = systemClock) {
  /** Locks the conversation, checks the write, and returns it with its booked meeting. */
  async function open(tx: DbOrTx, actor: Actor, id: string) {
    const row = await lockConversation(tx, actor, id, 'conversation.content.write');
    assertWritable(row.conversation);
    // Agreed notes, private notes and the plan belong to the meeting once it has started
    // (before, each prepares on their own; a cancelled booking leaves nothing behind).
    if (row.conversation.status !== 'held') throw new AppError('conversation.not_started');
    const meeting = row.conversation.meetingId
      ? await conversationRepository.meetingOf(tx, actor.orgId, row.conversation.meetingId)
      : undefined;
    if (!meeting) throw new AppError('conversation.not_booked');
    return { conversation: row.conversation, meetingId: meeting.id, meeting };
  }

  return {
    /** Saves the agreed note of one section (one agenda point of the conversation's meeting). */
    async saveNote(
      actor: Actor,
      id: string,
      pointId: string,
      input: NoteText & { baseVersion: number },
    ) {
      return db.transaction(async (tx) => {
        const { meetingId } = await open(tx, actor, id);
        const point = await meetingRepo.findPoint(tx, actor.orgId, pointId);
        if (!point || point.meetingId !== meetingId) throw new AppError('oneOnOne.point_not_found');
        return saveSharedNoteOn(tx, actor, point, { id: meetingId }, input);
      });
    },

    /** Saves the actor's own private note on the conversation's meeting. */
    async savePrivateNote(actor: Actor, id: string, input: PrivateNoteInput) {
      return db.transaction(async (tx) => {
        const { conversation, meetingId } = await open(tx, actor, id);
        authorize(actor, {
          do: 'conversation.privateNote.write',
          pair: pairOfConversation(conversation),
          authorId: actor.personId,
        });
        return savePrivateNoteOn(tx, actor, meetingId, input);
      });
    },

    /** Adds an action of the closing plan: who does what, by when. */
    async addAction(actor: Actor, id: string, input: ClosingActionInput) {
      return db.transaction(async (tx) => {
        const { conversation: c, meetingId, meeting } = await open(tx, actor, id);
        if (!isPairMember(input.ownerId, c)) throw new AppError('oneOnOne.owner_not_in_pair');
        return actionRepo.insert(tx, {
          orgId: actor.orgId,
          id: randomUUID(),
          seriesId: null,
          meetingId,
          managerId: c.managerId,
          employeeId: c.employeeId,
          originStartsAt: meeting.startsAt,
          title: input.title.trim(),
          ownerId: input.ownerId,
          dueDate: input.dueDate ?? null,
          createdBy: actor.personId,
        });
      });
    },

    /** Changes or ticks off an action of this conversation's closing plan. */
    async updateAction(
      actor: Actor,
      id: string,
      actionId: string,
      input: Partial<ClosingActionInput> & { done?: boolean },
    ) {
      return db.transaction(async (tx) => {
        const { conversation: c, meetingId } = await open(tx, actor, id);
        const action = await actionRepo.findById(tx, actor.orgId, actionId, true);
        if (!action || action.meetingId !== meetingId) throw new AppError('not_found');
        if (input.ownerId !== undefined && !isPairMember(input.ownerId, c))
          throw new AppError('oneOnOne.owner_not_in_pair');
        return actionRepo.update(tx, actor.orgId, actionId, {
          ...(input.title !== undefined ? { title: input.title.trim() } : {}),
          ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
          ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
          ...(input.done !== undefined
            ? { doneAt: input.done ? (action.doneAt ?? clock.now()) : null }
            : {}),
        });
      });
    },
  };
}
