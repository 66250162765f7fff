import * as Y from 'yjs';
import { textEdit } from '../../domain/one-on-one/live-doc';

/**
 * Binds a textarea to a Yjs text: each input becomes the smallest edit of the text, and the
 * other person's edits update the textarea while the caret and selection stay where they were
 * in the text around them.
 */
export function bindTextarea(el: HTMLTextAreaElement, text: Y.Text, origin: object): () => void {
  const doc = text.doc!;
  let shown = text.toString();
  el.value = shown;

  const onInput = () => {
    const next = el.value;
    const edit = textEdit(shown, next);
    shown = next;
    if (!edit) return;
    doc.transact(() => {
      if (edit.remove) text.delete(edit.index, edit.remove);
      if (edit.insert) text.insert(edit.index, edit.insert);
    }, origin);
  };

  const onChange = (event: Y.YTextEvent, tr: Y.Transaction) => {
    if (tr.origin === origin) return;
    const focused = document.activeElement === el;
    let start = el.selectionStart;
    let end = el.selectionEnd;
    let index = 0;
    for (const op of event.delta) {
      if (op.retain) index += op.retain;
      else if (typeof op.insert === 'string') {
        const n = op.insert.length;
        if (index < start) start += n;
        if (index < end) end += n;
        index += n;
      } else if (op.delete) {
        const n = op.delete;
        if (index < start) start -= Math.min(n, start - index);
        if (index < end) end -= Math.min(n, end - index);
      }
    }
    shown = text.toString();
    el.value = shown;
    if (focused) el.setSelectionRange(start, end);
  };

  el.addEventListener('input', onInput);
  text.observe(onChange);
  return () => {
    el.removeEventListener('input', onInput);
    text.unobserve(onChange);
  };
}
