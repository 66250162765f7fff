/**
 * Keyboard shortcuts of the meeting page (issue #15): plain keys, as Fellow and GitHub use
 * them, and never while the person is typing. Pure: the page hands in the key event's parts.
 */

export const SHORTCUT_COMMANDS = [
  'nextTopic',
  'previousTopic',
  'tickTopic',
  'newAction',
  'focusNotes',
  'help',
] as const;
export type ShortcutCommand = (typeof SHORTCUT_COMMANDS)[number];

/** Each command's key, as the help dialog lists it. */
export const SHORTCUT_KEYS: Record<ShortcutCommand, string> = {
  nextTopic: 'j',
  previousTopic: 'k',
  tickTopic: 'x',
  newAction: 'a',
  focusNotes: 'n',
  help: '?',
};

const BY_KEY = new Map(
  Object.entries(SHORTCUT_KEYS).map(([command, key]) => [key, command as ShortcutCommand]),
);

/** What an element is, as far as typing goes (a DOM element has all of these). */
export type TargetLike = {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
} | null;

/** Input types where a key is not typed text (a key there may still be a shortcut). */
const NOT_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/** True when keys pressed in `target` are text being typed: fields, text areas, editors. */
export function isTypingTarget(target: TargetLike): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NOT_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
  return false;
}

export type KeyLike = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Already handled by something else (a dialog's Escape, say). */
  defaultPrevented?: boolean;
  /** Held down: a shortcut fires once per press. */
  repeat?: boolean;
  target: TargetLike;
};

/**
 * The command a key press asks for, or null: a plain key (Shift allowed, so `?` works on
 * every layout), not repeated, not while typing and not with Ctrl, Cmd or Alt, which belong
 * to the browser and the system.
 */
export function commandFor(e: KeyLike): ShortcutCommand | null {
  if (e.defaultPrevented || e.repeat) return null;
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (isTypingTarget(e.target)) return null;
  return BY_KEY.get(e.key.length === 1 ? e.key.toLowerCase() : e.key) ?? BY_KEY.get(e.key) ?? null;
}

/** The topic after (or before) `current` among `ids`; the first one when there is none yet. */
export function stepTopic(ids: string[], current: string | null, by: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at === -1) return by === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[Math.min(ids.length - 1, Math.max(0, at + by))]!;
}
