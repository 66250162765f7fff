import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../domain/errors';
import { mergeNote, type NoteText } from '../../domain/one-on-one/note-merge';
import type { Actor } from '../../domain/roles';
import { authorize } from '../policies/index';
import { presentSharedNote, sealedOf } from '../presenters/one-on-one.presenter';
import type { PrivateNoteConflict, SharedNoteConflict } from '../../contracts/one-on-ones';
import type { Sealed } from '../../domain/sealing/envelope';
import { vaultRepository as vaultRepo } from '../repositories/vault.repository';
import {
  oneOnOneMeetingRepository as meetingRepo,
  type NoteRow,
  type PrivateNoteRow,
} from '../repositories/one-on-one-meeting.repository';
import { assertOpenForContent, loadMeeting, loadPoint, pairOf } from './one-on-one-access';
import type { LiveEvents } from '../live/hub';
import { setNoteText, syncNotesFromStoredDoc } from '../live/meeting-doc';
import { meetingDocRepository as docRepo } from '../repositories/meeting-doc.repository';

/** What a 409 on a shared note carries: the saved version and the one that was refused. */
type NoteConflictDetails = SharedNoteConflict;

/**
 * Saves a point's shared note, the caller having loaded and authorised the point and checked
 * that its meeting is open. A save names the version it started from; when someone saved in
 * between, the two are merged if one side only appended, else a 409 carries both versions.
 * Used by 1:1s and by conversations (agreed notes per section).
 */
export async function saveSharedNoteOn(
  tx: DbOrTx,
  actor: Actor,
  point: { id: string },
  meeting: { id: string },
  input: NoteText & { baseVersion: number },
): Promise<{ note: NoteRow; merged: boolean }> {
  const mine = { body: input.body, decision: input.decision };
  let current = await meetingRepo.lockNote(tx, actor.orgId, point.id);
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
    current = (await meetingRepo.lockNote(tx, actor.orgId, point.id))!;
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
}

/** A private note as the author's browser sends it: plain text, or sealed once they have a vault. */
export type PrivateNoteInput = ({ body: string } | { sealed: Sealed }) & { baseVersion: number };

/**
 * Saves the actor's own private note on a meeting, the caller having authorised it; a stale
 * version gets a 409 with both versions. Once the author has a vault, only sealed notes are
 * taken (decision 018), so nothing new lands in plain text. Used by 1:1s and conversations.
 */
export async function savePrivateNoteOn(
  tx: DbOrTx,
  actor: Actor,
  meetingId: string,
  input: PrivateNoteInput,
): Promise<PrivateNoteRow> {
  const vault = await vaultRepo.find(tx, actor.orgId, actor.personId);
  if ('sealed' in input) {
    if (!vault) throw new AppError('vault.missing');
    if (input.sealed.keyVersion !== vault.keyVersion) throw new AppError('vault.key_version');
  } else if (vault) {
    throw new AppError('vault.sealed_required');
  }
  const content =
    'sealed' in input
      ? { body: null, ...input.sealed }
      : { body: input.body, ciphertext: null, iv: null, keyVersion: null };
  const current = await meetingRepo.privateNote(tx, actor.orgId, meetingId, actor.personId, true);
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== input.baseVersion) {
    const { baseVersion, ...yours } = input;
    const details: PrivateNoteConflict = {
      current: { body: current?.body ?? '', sealed: sealedOf(current), version: currentVersion },
      yours: { body: '', sealed: null, ...yours, baseVersion },
    };
    throw new AppError('oneOnOne.note_conflict', {}, [], details);
  }
  if (!current) {
    const created = await meetingRepo.insertPrivateNote(tx, {
      orgId: actor.orgId,
      id: randomUUID(),
      meetingId,
      authorId: actor.personId,
      ...content,
      version: 1,
    });
    if (!created) throw new AppError('conflict');
    return created;
  }
  return meetingRepo.updatePrivateNote(tx, actor.orgId, current.id, content, current.version + 1);
}

/** Shared notes (versioned, merged or refused when stale) and each author's private notes. */
export function createOneOnOneNoteService(db: Db, live: LiveEvents | null = null) {
  return {
    /**
     * Saves a point's shared note. A save names the version it started from; when someone
     * saved in between, the two are merged if one side only appended, else a 409 carries
     * both versions. Text is never dropped silently.
     *
     * This is also the fallback of the live channel (decision 020): when the meeting has a
     * live document, the note is first brought in line with it, and the saved text goes into
     * the document as an edit of its own, which merges with what others type meanwhile.
     */
    async saveNote(
      actor: Actor,
      pointId: string,
      input: NoteText & { baseVersion: number },
    ): Promise<{ note: NoteRow; merged: boolean }> {
      const stored: { update: Uint8Array; id: number; orgId: string; meetingId: string }[] = [];
      const result = await db.transaction(async (tx) => {
        const { point, meeting } = await loadPoint(tx, actor, pointId, 'oneOnOne.sharedNote.write');
        assertOpenForContent(meeting);
        const doc = await syncNotesFromStoredDoc(tx, actor.orgId, meeting.id, null);
        const saved = await saveSharedNoteOn(tx, actor, point, meeting, input);
        if (doc) {
          const update = setNoteText(doc, point.id, saved.note);
          if (update) {
            const id = await docRepo.append(tx, {
              orgId: actor.orgId,
              meetingId: meeting.id,
              update,
              authorId: actor.personId,
            });
            stored.push({ update, id, orgId: actor.orgId, meetingId: meeting.id });
          }
          doc.destroy();
        }
        return saved;
      });
      for (const s of stored) live?.storedUpdate(s.orgId, s.meetingId, s.update, s.id);
      return result;
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
    async savePrivateNote(actor: Actor, meetingId: string, input: PrivateNoteInput) {
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
        return savePrivateNoteOn(tx, actor, meetingId, input);
      });
    },
  };
}
