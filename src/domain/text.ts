import { z } from 'zod';

/**
 * What text Samtal accepts from anyone: no control characters (a NUL cannot be stored in
 * PostgreSQL at all; the others are invisible and only ever come from tools or attacks) and no
 * unpaired UTF-16 surrogates (they would be stored as U+FFFD, silently changing the text).
 * Multi-line text may also hold line breaks (\n, \r) and tabs.
 */
export type TextProblem = 'control_character' | 'unpaired_surrogate';

/* eslint-disable no-control-regex */
// C0 controls, DEL and C1 controls; the multi-line variant leaves out \t, \n and \r.
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/* eslint-enable no-control-regex */
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `text` may not be stored, or null when it may. */
export function textProblem(text: string, opts: { multiLine: boolean }): TextProblem | null {
  if ((opts.multiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(text))
    return 'control_character';
  if (UNPAIRED_SURROGATE.test(text)) return 'unpaired_surrogate';
  return null;
}

/** Where in a parsed JSON value a string (or an object key) has a problem. */
export type TextIssue = { path: string; code: TextProblem | 'invalid' };

/** Deeper than any body Samtal takes; a deeper one is refused rather than left unchecked. */
const MAX_DEPTH = 32;

/** Walks a parsed request (body, query or params) and returns the first bad string in it. */
export function findTextProblem(value: unknown, path: string[] = [], depth = 0): TextIssue | null {
  if (typeof value === 'string') {
    const code = textProblem(value, { multiLine: true });
    return code ? { path: path.join('.'), code } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_DEPTH) return { path: path.join('.'), code: 'invalid' };
  if (ArrayBuffer.isView(value)) return null; // raw bodies (CSV files) are checked by their route
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findTextProblem(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    const keyCode = textProblem(key, { multiLine: false });
    if (keyCode) return { path: [...path].join('.'), code: keyCode };
    const found = findTextProblem(v, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

function textRule(multiLine: boolean) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = textProblem(value, { multiLine });
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };
}

/**
 * Single-line text a person types (a name, a title, a key): the one schema every such field
 * uses, so no route can forget the text rule. Chain `.trim().min().max()` as with z.string().
 */
export const textLine = () => z.string().superRefine(textRule(false));

/** Multi-line text (notes, descriptions, comments, reasons): line breaks and tabs allowed. */
export const textBlock = () => z.string().superRefine(textRule(true));

/* eslint-disable no-control-regex */
const CONTROL_MULTI_LINE_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const UNPAIRED_SURROGATE_ALL =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

/**
 * Multi-line text with what cannot be stored taken out. Only for text that cannot be refused
 * at the edge: the live notes, which arrive as CRDT updates and are merged before they are
 * read (a request with such text is refused instead, see findTextProblem).
 */
export function storableText(text: string): string {
  return text.replace(CONTROL_MULTI_LINE_ALL, '').replace(UNPAIRED_SURROGATE_ALL, '');
}
