/** The shared fields of a note that are saved together. */
export type NoteText = { body: string; decision: string };

export type MergeResult = { ok: true; merged: NoteText } | { ok: false };

/**
 * Three-way merge of one text. `theirs` was saved by someone else since `base`; `mine` is the
 * stale save. Nothing is ever dropped: when one side only appended to the base, its addition
 * goes after the other side's text; when both rewrote the text, it is a conflict.
 */
export function mergeText(base: string, theirs: string, mine: string): string | null {
  if (mine === theirs) return mine;
  if (theirs === base) return mine;
  if (mine === base) return theirs;
  const theirsAppended = theirs.startsWith(base);
  const mineAppended = mine.startsWith(base);
  if (theirsAppended) return joinAppended(mine, theirs.slice(base.length));
  if (mineAppended) return joinAppended(theirs, mine.slice(base.length));
  return null;
}

function joinAppended(text: string, addition: string): string {
  if (!addition) return text;
  // Keep the addition on its own line when it started one, or when the text no longer ends
  // where the addition expects to continue.
  if (text === '' || text.endsWith('\n') || addition.startsWith('\n')) return text + addition;
  return `${text}\n${addition.replace(/^\s+/, '')}`;
}

/** Merges every field, or reports a conflict when any field cannot be merged. */
export function mergeNote(base: NoteText, theirs: NoteText, mine: NoteText): MergeResult {
  const body = mergeText(base.body, theirs.body, mine.body);
  const decision = mergeText(base.decision, theirs.decision, mine.decision);
  if (body === null || decision === null) return { ok: false };
  return { ok: true, merged: { body, decision } };
}
