import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeText } from '../../domain/one-on-one/note-merge';
import { ApiError } from '../api';
import { LoadError, Loading, useErrorText } from '../components/feedback';
import {
  oneOnOneApi,
  oneOnOneKeys,
  type NoteText,
  type Point,
  type PrivateNote,
  type PrivateNoteConflict,
  type PrivateNoteContent,
  type SharedNote,
  type SharedNoteConflict,
} from './api';
import { LockIcon } from './bits';
import { useAutosave, type AutosaveAdapter, type Saved } from '../components/autosave';
import { useMe } from '../session';
import { openNote, sealNote, useMyVault, useVaultKey } from '../vault/vault';
import { SealedNote, VaultSetup, VaultUnlock } from '../vault/vault-panel';
import { registerPrivateNoteInsert, withLine } from './private-note-insert';

const sameNote = (a: NoteText, b: NoteText) => a.body === b.body && a.decision === b.decision;
const mergeNote = (base: NoteText, theirs: NoteText, mine: NoteText): NoteText | null => {
  const body = mergeText(base.body, theirs.body, mine.body);
  const decision = mergeText(base.decision, theirs.decision, mine.decision);
  return body === null || decision === null ? null : { body, decision };
};

function isConflict(err: unknown): err is ApiError {
  return err instanceof ApiError && err.status === 409 && err.code === 'oneOnOne.note_conflict';
}

/** Saves a shared note; conversations pass their own endpoint for their section notes. */
export type SaveSharedNote = (
  text: NoteText,
  baseVersion: number,
) => Promise<{ note: SharedNote; merged: boolean }>;
/** Saves a private note, plain or sealed; conversations pass their own endpoint. */
export type SavePrivateNote = (
  content: PrivateNoteContent,
  baseVersion: number,
) => Promise<PrivateNote>;

function sharedAdapter(pointId: string, saveVia?: SaveSharedNote): AutosaveAdapter<NoteText> {
  return {
    save: async (text, baseVersion) => {
      const res = saveVia
        ? await saveVia(text, baseVersion)
        : await oneOnOneApi.saveNote(pointId, text, baseVersion);
      const n = res.note;
      return {
        saved: { text: { body: n.body, decision: n.decision }, version: n.version },
        merged: res.merged,
      };
    },
    conflictOf: (err) => {
      if (!isConflict(err)) return null;
      const c = (err.details as SharedNoteConflict).current;
      return { text: { body: c.body, decision: c.decision }, version: c.version };
    },
    equal: sameNote,
    merge: mergeNote,
  };
}

/** Where a private note is sealed: the author, their unlocked key. Null for plain notes. */
type Sealing = { authorId: string; key: { key: CryptoKey; keyVersion: number } } | null;

function privateAdapter(
  meetingId: string,
  sealing: Sealing,
  saveVia?: SavePrivateNote,
): AutosaveAdapter<NoteText> {
  const send = (content: PrivateNoteContent, baseVersion: number) =>
    saveVia
      ? saveVia(content, baseVersion)
      : oneOnOneApi.savePrivateNote(meetingId, content, baseVersion);
  return {
    save: async (text, baseVersion) => {
      if (!sealing) {
        const n = await send({ body: text.body }, baseVersion);
        return {
          saved: { text: { body: n.body, decision: '' }, version: n.version },
          merged: false,
        };
      }
      // Sealed in this browser before it leaves; the server never sees the text (decision 018).
      const sealed = await sealNote(sealing.key, meetingId, sealing.authorId, text.body);
      try {
        const n = await send({ sealed }, baseVersion);
        return {
          saved: { text: { body: text.body, decision: '' }, version: n.version },
          merged: false,
        };
      } catch (err) {
        // Open the stored version here, so the conflict shows both texts as before.
        if (isConflict(err)) {
          const c = (err.details as PrivateNoteConflict).current;
          if (c.sealed)
            c.body = await openNote(sealing.key.key, c.sealed, meetingId, sealing.authorId);
        }
        throw err;
      }
    },
    conflictOf: (err) => {
      if (!isConflict(err)) return null;
      const c = (err.details as PrivateNoteConflict).current;
      return { text: { body: c.body, decision: '' }, version: c.version };
    },
    equal: sameNote,
    merge: mergeNote,
  };
}

/** "Saving…", "Saved", or what went wrong, announced politely. */
export function SaveStatus({
  status,
  error,
  retry,
}: {
  status: string;
  error: unknown;
  retry: () => void;
}) {
  const { t } = useTranslation('meetings');
  const errorText = useErrorText();
  return (
    <p className={`save-status save-status--${status}`} role="status">
      {status === 'saving' || status === 'pending' ? t('note.saving') : null}
      {status === 'saved' ? t('note.saved') : null}
      {status === 'error' ? (
        <>
          {t('note.notSaved', { reason: errorText(error) })}{' '}
          <button type="button" className="button--link" onClick={retry}>
            {t('common:action.retry')}
          </button>
        </>
      ) : null}
    </p>
  );
}

/** Both versions side by side; keep one, take the other, or merge them by hand. */
function ConflictPanel({
  mine,
  theirs,
  withDecision,
  onResolve,
}: {
  mine: NoteText;
  theirs: Saved<NoteText>;
  withDecision: boolean;
  onResolve: (text: NoteText) => void;
}) {
  const { t } = useTranslation('meetings');
  const id = useId();
  const [draft, setDraft] = useState<NoteText | null>(null);
  const join = (a: string, b: string) => (a && b ? `${a}\n\n${b}` : a || b);
  const show = (n: NoteText) => (
    <>
      <p className="conflict__text">{n.body || <span className="muted">{t('note.empty')}</span>}</p>
      {withDecision && n.decision ? (
        <p className="conflict__text">
          <strong>{t('note.decision')}:</strong> {n.decision}
        </p>
      ) : null}
    </>
  );
  return (
    <div className="conflict" role="alert">
      <p>
        <strong>{t('note.conflictTitle')}</strong> {t('note.conflictBody')}
      </p>
      <div className="conflict__versions">
        <section aria-labelledby={`${id}-mine`}>
          <h4 id={`${id}-mine`}>{t('note.yourVersion')}</h4>
          {show(mine)}
        </section>
        <section aria-labelledby={`${id}-theirs`}>
          <h4 id={`${id}-theirs`}>{t('note.savedVersion')}</h4>
          {show(theirs.text)}
        </section>
      </div>
      {draft ? (
        <div className="conflict__merge">
          <label htmlFor={`${id}-merge`}>{t('note.mergeLabel')}</label>
          <textarea
            id={`${id}-merge`}
            rows={6}
            value={draft.body}
            onChange={(e) => setDraft({ ...draft, body: e.target.value })}
          />
          {withDecision ? (
            <>
              <label htmlFor={`${id}-merge-decision`}>{t('note.decision')}</label>
              <textarea
                id={`${id}-merge-decision`}
                rows={2}
                value={draft.decision}
                onChange={(e) => setDraft({ ...draft, decision: e.target.value })}
              />
            </>
          ) : null}
          <div className="form__actions">
            <button type="button" className="button button--small" onClick={() => onResolve(draft)}>
              {t('note.saveMerge')}
            </button>
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => setDraft(null)}
            >
              {t('common:action.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="form__actions">
          <button type="button" className="button button--small" onClick={() => onResolve(mine)}>
            {t('note.keepMine')}
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => onResolve(theirs.text)}
          >
            {t('note.takeTheirs')}
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() =>
              setDraft({
                body: join(mine.body, theirs.text.body),
                decision: join(mine.decision, theirs.text.decision),
              })
            }
          >
            {t('note.mergeByHand')}
          </button>
        </div>
      )}
    </div>
  );
}

/** The shared notes of one agenda point (and its decision), saved as the person types. */
export function SharedNoteEditor({
  point,
  readOnly,
  tools,
  save,
}: {
  point: Pick<Point, 'id' | 'title' | 'note'>;
  readOnly: boolean;
  /** More buttons for the point, shown beside the save state. */
  tools?: ReactNode;
  /** Where to save, when not the 1:1 endpoint (a conversation's section note). */
  save?: SaveSharedNote;
}) {
  const { t } = useTranslation('meetings');
  const id = useId();
  const server: Saved<NoteText> = {
    text: { body: point.note?.body ?? '', decision: point.note?.decision ?? '' },
    version: point.note?.version ?? 0,
  };
  const note = useAutosave(
    server,
    sharedAdapter(point.id, save),
    readOnly ? {} : { draftKey: `note.${point.id}` },
  );
  const { controller } = note;
  const [showDecision, setShowDecision] = useState(false);
  // A newer version from the server (the other person typed) is taken over or merged.
  useEffect(() => {
    controller.serverChanged(server);
  });
  if (readOnly) {
    const n = note.text;
    if (!n.body && !n.decision) return null;
    return (
      <div className="note note--read">
        {n.body ? <p className="note__text">{n.body}</p> : null}
        {n.decision ? (
          <p className="note__decision">
            <strong>{t('note.decision')}:</strong> {n.decision}
          </p>
        ) : null}
      </div>
    );
  }
  const decisionOpen = showDecision || note.text.decision !== '';
  return (
    <div className="note">
      <label htmlFor={`${id}-body`} className="note__label">
        {t('note.shared')}
      </label>
      <textarea
        id={`${id}-body`}
        className="note__input"
        rows={3}
        value={note.text.body}
        maxLength={50_000}
        placeholder={t('note.placeholder')}
        onChange={(e) => controller.edit({ ...note.text, body: e.target.value })}
        onBlur={() => void controller.flush()}
      />
      {decisionOpen ? (
        <>
          <label htmlFor={`${id}-decision`} className="note__label">
            {t('note.decision')}
          </label>
          <textarea
            id={`${id}-decision`}
            className="note__input note__input--decision"
            rows={2}
            value={note.text.decision}
            maxLength={5000}
            autoFocus={showDecision && note.text.decision === ''}
            onChange={(e) => controller.edit({ ...note.text, decision: e.target.value })}
            onBlur={() => void controller.flush()}
          />
        </>
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
        <SaveStatus status={note.status} error={note.error} retry={() => void controller.flush()} />
      </div>
      {note.status === 'conflict' && note.theirs ? (
        <ConflictPanel
          mine={note.text}
          theirs={note.theirs}
          withDecision
          onResolve={(x) => controller.resolve(x)}
        />
      ) : null}
    </div>
  );
}

/** The person's own notes on the meeting, which nobody else can read. */
export function PrivateNotePanel({
  meetingId,
  otherName,
  readOnly,
  initial,
  save,
}: {
  meetingId: string;
  otherName: string;
  readOnly: boolean;
  /** The note as already loaded (a conversation's page carries it), instead of a 1:1 query. */
  initial?: PrivateNote;
  /** Where to save, when not the 1:1 endpoint. */
  save?: SavePrivateNote;
}) {
  const { t } = useTranslation('meetings');
  const query = useQuery({
    queryKey: oneOnOneKeys.privateNote(meetingId),
    queryFn: () => oneOnOneApi.privateNote(meetingId),
    staleTime: Infinity,
    enabled: !initial,
  });
  const note = initial
    ? { isPending: false as const, error: null, data: initial, refetch: query.refetch }
    : query;
  const vault = useMyVault();
  const key = useVaultKey();
  const authorId = useMe().data?.id;
  return (
    <section className="card private" aria-labelledby="private-heading" id="private-notes">
      <h2 id="private-heading">{t('private.title')}</h2>
      <p className="private__badge">
        <LockIcon />
        {t('private.onlyYou', { name: otherName })}
      </p>
      {note.isPending || vault.isPending || !authorId ? (
        <Loading />
      ) : note.error || vault.error ? (
        <LoadError
          error={note.error ?? vault.error}
          retry={() => void (note.error ? note.refetch() : vault.refetch())}
        />
      ) : vault.data.vault || note.data.sealed ? (
        // Sealed (decision 018): locked until this page load has the key, never an error.
        !key || !vault.data.vault ? (
          <VaultUnlock vault={vault.data.vault} authorId={authorId} />
        ) : (
          <SealedNote sealed={note.data.sealed} meetingId={meetingId} authorId={authorId}>
            {(body) => (
              <PrivateNoteEditor
                meetingId={meetingId}
                save={save}
                sealing={{ authorId, key }}
                initial={{
                  text: { body: body ?? note.data.body, decision: '' },
                  version: note.data.version,
                }}
                readOnly={readOnly}
              />
            )}
          </SealedNote>
        )
      ) : (
        <>
          <PrivateNoteEditor
            meetingId={meetingId}
            save={save}
            sealing={null}
            initial={{ text: { body: note.data.body, decision: '' }, version: note.data.version }}
            readOnly={readOnly}
          />
          {readOnly ? null : <VaultSetup authorId={authorId} />}
        </>
      )}
    </section>
  );
}

function PrivateNoteEditor({
  meetingId,
  initial,
  readOnly,
  save,
  sealing,
}: {
  meetingId: string;
  initial: Saved<NoteText>;
  readOnly: boolean;
  save?: SavePrivateNote | undefined;
  sealing: Sealing;
}) {
  const { t } = useTranslation('meetings');
  const note = useAutosave(
    initial,
    privateAdapter(meetingId, sealing, save),
    // A sealed note keeps no plain draft in the browser's storage, which outlives "Lock now".
    sealing ? {} : { draftKey: `private.${meetingId}` },
  );
  const { controller } = note;
  // The question bank may add a question to this note ("to my notes"): through this editor, so
  // it is saved (and sealed) like anything typed.
  const body = note.text.body;
  useEffect(() => {
    if (readOnly) return;
    return registerPrivateNoteInsert(meetingId, (line) => {
      controller.edit({ body: withLine(body, line), decision: '' });
      document.getElementById('private-note')?.focus();
    });
  }, [meetingId, readOnly, controller, body]);
  return (
    <div className="note">
      <label htmlFor="private-note" className="note__label">
        {t('private.label')}
      </label>
      <textarea
        id="private-note"
        className="note__input"
        rows={6}
        value={note.text.body}
        readOnly={readOnly}
        maxLength={50_000}
        placeholder={t('private.placeholder')}
        onChange={(e) => controller.edit({ body: e.target.value, decision: '' })}
        onBlur={() => void controller.flush()}
      />
      <div className="note__footer">
        <SaveStatus status={note.status} error={note.error} retry={() => void controller.flush()} />
      </div>
      {note.status === 'conflict' && note.theirs ? (
        <ConflictPanel
          mine={note.text}
          theirs={note.theirs}
          withDecision={false}
          onResolve={(x) => controller.resolve(x)}
        />
      ) : null}
    </div>
  );
}
