import * as Y from 'yjs';
import type { DbOrTx } from '../../db/client';
import {
  NOTE_FIELDS,
  NOTE_LIMITS,
  noteTextName,
  textEdit,
  type NoteField,
} from '../../domain/one-on-one/live-doc';
import { randomUUID } from 'node:crypto';
import { meetingDocRepository as docRepo } from '../repositories/meeting-doc.repository';
import { oneOnOneMeetingRepository as meetingRepo } from '../repositories/one-on-one-meeting.repository';
import { storableText } from '../../domain/text';

/** Compact the stored updates into the snapshot once there are this many. */
export const COMPACT_AFTER = 200;

/** A document built from its stored snapshot and updates. */
export function docFromStored(stored: { state: Uint8Array; updates: { update: Uint8Array }[] }) {
  const doc = new Y.Doc({ gc: true });
  Y.applyUpdate(doc, stored.state);
  for (const u of stored.updates) Y.applyUpdate(doc, u.update);
  return doc;
}

/** The plain text of one note field as the document has it, within the API's limits. */
function noteText(doc: Y.Doc, pointId: string, field: NoteField): string {
  return doc.getText(noteTextName(pointId, field)).toString().slice(0, NOTE_LIMITS[field]);
}

/**
 * Makes `doc` hold `text` in a point's note with the smallest edits, and returns the update
 * that does it (null when nothing changed). Built on the document as it stands, the update
 * merges with concurrent edits like any keystroke.
 */
export function setNoteText(
  doc: Y.Doc,
  pointId: string,
  text: Record<NoteField, string>,
): Uint8Array | null {
  const before = Y.encodeStateVector(doc);
  let edited = false;
  doc.transact(() => {
    for (const field of NOTE_FIELDS) {
      const yText = doc.getText(noteTextName(pointId, field));
      const edit = textEdit(yText.toString(), text[field]);
      if (!edit) continue;
      edited = true;
      if (edit.remove) yText.delete(edit.index, edit.remove);
      if (edit.insert) yText.insert(edit.index, edit.insert);
    }
  });
  return edited ? Y.encodeStateAsUpdate(doc, before) : null;
}

/**
 * The meeting's stored document, created from its shared notes the first time (one instance
 * wins the insert; the others read what it wrote, so text is never seeded twice).
 */
export async function loadOrCreateDoc(db: DbOrTx, orgId: string, meetingId: string) {
  let stored = await docRepo.load(db, orgId, meetingId);
  if (!stored) {
    const seed = new Y.Doc();
    const rows = await meetingRepo.pointsWithNotes(db, orgId, meetingId);
    seed.transact(() => {
      for (const { point, note } of rows) {
        if (!note) continue;
        if (note.body) seed.getText(noteTextName(point.id, 'body')).insert(0, note.body);
        if (note.decision)
          seed.getText(noteTextName(point.id, 'decision')).insert(0, note.decision);
      }
    });
    await docRepo.create(db, orgId, meetingId, Y.encodeStateAsUpdate(seed));
    stored = (await docRepo.load(db, orgId, meetingId))!;
  }
  return stored;
}

/**
 * Writes the document's text into the shared notes (one_on_one_notes), which minutes, PDFs,
 * search and the save-and-merge fallback read: a new version for each note whose text
 * changed, with its revision kept as a merge base. Returns the points whose note changed.
 */
export async function deriveNotes(
  tx: DbOrTx,
  orgId: string,
  meetingId: string,
  doc: Y.Doc,
  authorId: string | null,
): Promise<string[]> {
  const rows = await meetingRepo.pointsWithNotes(tx, orgId, meetingId);
  const changed: string[] = [];
  for (const { point, note } of rows) {
    // A live client can type what a request may not carry (a NUL would fail every derive).
    const text = {
      body: storableText(noteText(doc, point.id, 'body')),
      decision: storableText(noteText(doc, point.id, 'decision')),
    };
    if (
      note
        ? note.body === text.body && note.decision === text.decision
        : !text.body && !text.decision
    )
      continue;
    const locked = await meetingRepo.lockNote(tx, orgId, point.id);
    const by = authorId ?? locked?.updatedBy ?? point.authorId ?? null;
    if (!locked) {
      const created = await meetingRepo.insertNote(tx, {
        orgId,
        id: randomUUID(),
        meetingId,
        pointId: point.id,
        ...text,
        version: 1,
        updatedBy: by,
      });
      if (created) await meetingRepo.recordRevision(tx, created);
    } else {
      if (locked.body === text.body && locked.decision === text.decision) continue;
      const updated = await meetingRepo.updateNote(tx, orgId, locked.id, {
        ...text,
        version: locked.version + 1,
        updatedBy: by as string,
      });
      await meetingRepo.recordRevision(tx, updated);
    }
    changed.push(point.id);
  }
  return changed;
}

/**
 * Brings the shared notes in line with the stored document, in `tx` (before minutes are built,
 * and before a fallback save merges). Returns the document, or null when the meeting has none.
 */
export async function syncNotesFromStoredDoc(
  tx: DbOrTx,
  orgId: string,
  meetingId: string,
  authorId: string | null,
) {
  const stored = await docRepo.load(tx, orgId, meetingId);
  if (!stored) return null;
  const doc = docFromStored(stored);
  await deriveNotes(tx, orgId, meetingId, doc, authorId);
  return doc;
}

/** Folds the updates into the snapshot when there are many (under the document's row lock). */
export async function compactDoc(tx: DbOrTx, orgId: string, meetingId: string) {
  const stored = await docRepo.load(tx, orgId, meetingId, true);
  if (!stored || stored.updates.length < COMPACT_AFTER) return false;
  const doc = docFromStored(stored);
  const uptoId = stored.updates[stored.updates.length - 1]!.id;
  await docRepo.compact(tx, orgId, meetingId, Y.encodeStateAsUpdate(doc), uptoId);
  doc.destroy();
  return true;
}
