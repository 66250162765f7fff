/**
 * Lets another part of the meeting page add a line to the open private note (the question
 * bank's "to my notes"). The note's editor registers itself while it is open, so the text goes
 * through its own autosave — sealed in the browser when the person has a vault (decision 018),
 * never sent as plain text by whoever asked.
 */
type Insert = (text: string) => void;

const editors = new Map<string, Insert>();

/** Called by the private note's editor while it is open; returns the unregister function. */
export function registerPrivateNoteInsert(meetingId: string, insert: Insert): () => void {
  editors.set(meetingId, insert);
  return () => {
    if (editors.get(meetingId) === insert) editors.delete(meetingId);
  };
}

/** Adds `text` as a line at the end of the private note; false when that note is not open. */
export function insertIntoPrivateNote(meetingId: string, text: string): boolean {
  const insert = editors.get(meetingId);
  if (!insert) return false;
  insert(text);
  return true;
}

/** The note with `line` added on a line of its own at the end. */
export function withLine(body: string, line: string): string {
  const kept = body.replace(/\s+$/, '');
  return kept ? `${kept}\n${line}\n` : `${line}\n`;
}
