import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { noteTextName, NOTE_LIMITS, type NoteField } from '../../domain/one-on-one/live-doc';
import { firstName } from '../meetings/bits';
import { bindTextarea } from './textarea-binding';
import type { LiveState } from './use-live-meeting';

/** One field of a shared note, bound to the live document. */
function LiveField({
  state,
  pointId,
  field,
  rows,
  label,
  placeholder,
  autoFocus,
}: {
  state: LiveState;
  pointId: string;
  field: NoteField;
  rows: number;
  label: string;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('live');
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const live = state.live!;
  const name = noteTextName(pointId, field);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // This textarea's own edits carry its own origin: sent by the channel, not echoed back here.
    const unbind = bindTextarea(el, live.doc.getText(name), {});
    const focus = () => live.setPresence({ field: name });
    const blur = () => live.setPresence({ field: null });
    el.addEventListener('focus', focus);
    el.addEventListener('blur', blur);
    if (document.activeElement === el) focus();
    return () => {
      unbind();
      el.removeEventListener('focus', focus);
      el.removeEventListener('blur', blur);
    };
  }, [live, name]);
  const writers = state.others.filter((o) => o.field === name);
  return (
    <>
      <label htmlFor={id} className="note__label">
        {label}
        {writers.length ? (
          <span className="live-writing" role="status">
            {' '}
            {t('writingHere', { name: firstName(writers[0]!.name) })}
          </span>
        ) : null}
      </label>
      <textarea
        ref={ref}
        id={id}
        className={`note__input${field === 'decision' ? ' note__input--decision' : ''}${writers.length ? ' note__input--other-writing' : ''}`}
        rows={rows}
        maxLength={NOTE_LIMITS[field]}
        placeholder={placeholder}
        readOnly={!live.writable}
        autoFocus={autoFocus}
        data-live-field={name}
      />
    </>
  );
}

/** The shared note of a point (and its decision), written together live. */
export function LiveNoteEditor({
  state,
  point,
  tools,
}: {
  state: LiveState;
  point: { id: string; title: string; note: { decision: string } | null };
  tools?: ReactNode;
}) {
  const { t } = useTranslation('meetings');
  const [showDecision, setShowDecision] = useState(false);
  const live = state.live!;
  const decisionText = live.doc.getText(noteTextName(point.id, 'decision'));
  const [hasDecision, setHasDecision] = useState(
    () => decisionText.length > 0 || Boolean(point.note?.decision),
  );
  useEffect(() => {
    const update = () => setHasDecision(decisionText.length > 0);
    decisionText.observe(update);
    update();
    return () => decisionText.unobserve(update);
  }, [decisionText]);
  const decisionOpen = showDecision || hasDecision;
  return (
    <div className="note note--live">
      <LiveField
        state={state}
        pointId={point.id}
        field="body"
        rows={3}
        label={t('note.shared')}
        placeholder={t('note.placeholder')}
      />
      {decisionOpen ? (
        <LiveField
          state={state}
          pointId={point.id}
          field="decision"
          rows={2}
          label={t('note.decision')}
          autoFocus={showDecision && !hasDecision}
        />
      ) : null}
      <div className="note__footer">
        {decisionOpen ? null : (
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => setShowDecision(true)}
            aria-label={t('labelFor', { action: t('note.addDecision'), title: point.title })}
          >
            {t('note.addDecision')}
          </button>
        )}
        {tools}
        <LiveSaveStatus state={state} />
      </div>
    </div>
  );
}

/** "Saved", "Saving…" or "Kept on this device" for what is typed live. */
function LiveSaveStatus({ state }: { state: LiveState }) {
  const { t } = useTranslation('live');
  const live = state.live!;
  const [unsaved, setUnsaved] = useState(live.unsaved);
  useEffect(() => {
    const timer = setInterval(() => setUnsaved(live.unsaved), 300);
    return () => clearInterval(timer);
  }, [live]);
  const offline = state.status !== 'live';
  return (
    <p
      className={`save-status save-status--${offline && unsaved ? 'offline' : unsaved ? 'saving' : 'saved'}`}
      role="status"
    >
      {offline && unsaved ? t('keptOnDevice') : unsaved ? t('saving') : t('saved')}
    </p>
  );
}
