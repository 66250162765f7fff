/**
 * The shape of a meeting's live document (decision 020), shared by server and web: one Yjs
 * text per shared note field, named by point, at the root of the document. Root types merge by
 * name, so two people who start a note at the same moment write into the same text (a text
 * nested in a map would let one of them win and drop the other's).
 */
export type NoteField = 'body' | 'decision';

export const NOTE_FIELDS: readonly NoteField[] = ['body', 'decision'];

/** The longest note and decision, as the HTTP API allows. */
export const NOTE_LIMITS: Record<NoteField, number> = { body: 50_000, decision: 5_000 };

export function noteTextName(pointId: string, field: NoteField): string {
  return `${field}:${pointId}`;
}

export function parseNoteTextName(name: string): { pointId: string; field: NoteField } | null {
  const m = /^(body|decision):([0-9a-f-]{36})$/.exec(name);
  return m ? { field: m[1] as NoteField, pointId: m[2]! } : null;
}

/** Message types on the live channel: y-protocols' sync and awareness, and Samtal's events. */
export const LIVE_MESSAGE = { sync: 0, awareness: 1, event: 100 } as const;

/** WebSocket close codes the client acts on (4000–4999 are the application's). */
export const LIVE_CLOSE = {
  /** No session, or it ended (signed out, deactivated): sign in again. */
  unauthorized: 4401,
  /** Not (or no longer) one of the pair: stop trying. */
  forbidden: 4403,
  /** The meeting does not exist for this person. */
  notFound: 4404,
  /** The client sent something too large or malformed. */
  invalid: 4400,
  /** The server is going away; reconnect. */
  restart: 4503,
} as const;

/** What the server tells a client beside the document. */
export type LiveEvent =
  | { type: 'welcome'; serverTime: string; writable: boolean; personId: string }
  | { type: 'changed' }
  /** Every write message up to this count (from this connection) is stored. */
  | { type: 'saved'; upTo: number }
  | { type: 'readOnly'; reason: string };

/** Presence a client publishes: who it is and which note field it is writing in. */
export type LivePresence = {
  personId: string;
  name: string;
  /** `noteTextName` of the field being written in, or null. */
  field: string | null;
};

/**
 * The smallest edit turning `from` into `to`: one replaced range (common prefix and suffix
 * kept), which is what one keystroke, a paste or a cut produces.
 */
export function textEdit(
  from: string,
  to: string,
): { index: number; remove: number; insert: string } | null {
  if (from === to) return null;
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)
  )
    end++;
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(from.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(from.charCodeAt(from.length - end))) end--;
  return {
    index: start,
    remove: from.length - start - end,
    insert: to.slice(start, to.length - end),
  };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
