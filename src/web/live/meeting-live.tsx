/** The live meeting's own controls: start, take a finish back, the phone's "now" card. */
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNDO_FINISH_MS } from '../../domain/one-on-one/meeting-state';
import { http } from '../api';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Alert, useErrorText } from '../components/feedback';
import { InlineAddForm } from '../components/inline-add-form';
import { oneOnOneKeys, type Meeting, type MeetingDetail } from '../meetings/api';
import { useNow } from '../meetings/hooks';
import { dismissFailed, useOutbox, writeOrKeep } from './outbox';
import './live.css';
import { readerTitle } from '../meetings/reader-titles';

const path = (meetingId: string, action: string) =>
  `/api/one-on-ones/meetings/${encodeURIComponent(meetingId)}/${action}`;

/** Starts the meeting on the server: the timer on both devices counts from that moment. */
export function useStartMeeting(meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<Meeting>(path(meetingId, 'start')),
    onSuccess: () => client.invalidateQueries({ queryKey: oneOnOneKeys.meeting(meetingId) }),
  });
}

export function StartMeetingButton({
  start,
  primary,
}: {
  start: UseMutationResult<Meeting, Error, void>;
  primary?: boolean;
}) {
  const { t } = useTranslation('live');
  const errorText = useErrorText();
  return (
    <>
      <button
        type="button"
        className={primary ? 'button' : 'button button--secondary'}
        disabled={start.isPending}
        onClick={() => start.mutate()}
      >
        {t('start')}
      </button>
      {start.error ? <p className="field__error">{errorText(start.error)}</p> : null}
    </>
  );
}

/**
 * Taking a finish back: offered to the manager for 15 minutes, until the employee has read the
 * minutes (the server decides; this only hides the button when it would be refused).
 */
export function UndoFinish({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation('live');
  const client = useQueryClient();
  const errorText = useErrorText();
  const now = useNow(10_000);
  const [asking, setAsking] = useState(false);
  const reopen = useMutation({
    mutationFn: () => http.post<Meeting>(path(detail.meeting.id, 'reopen')),
    onSuccess: () => client.invalidateQueries({ queryKey: oneOnOneKeys.all }),
    onSettled: () => setAsking(false),
  });
  const heldAt = detail.meeting.heldAt ? Date.parse(detail.meeting.heldAt) : null;
  if (heldAt === null || detail.minutes.acknowledgedAt || now - heldAt > UNDO_FINISH_MS)
    return reopen.error ? <p className="field__error">{errorText(reopen.error)}</p> : null;
  return (
    <>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => setAsking(true)}
      >
        {t('undoFinish')}
      </button>
      {reopen.error ? <p className="field__error">{errorText(reopen.error)}</p> : null}
      <ConfirmDialog
        open={asking}
        title={t('undoFinishTitle')}
        confirmLabel={t('undoFinishConfirm')}
        busy={reopen.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() => reopen.mutate()}
      >
        <p>{t('undoFinishBody', { name: detail.series.employee.name })}</p>
      </ConfirmDialog>
    </>
  );
}

/** Changes made offline that the server refused when they were sent (nothing is dropped quietly). */
export function OfflineRefusals({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('live');
  const { failed } = useOutbox(meetingId);
  if (failed.length === 0) return null;
  return (
    <Alert>
      <p>{t('refused', { count: failed.length })}</p>
      <ul>
        {failed.map((e) => (
          <li key={e.key}>{'title' in e.op ? e.op.title : t(`op.${e.op.kind}`)}</li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => dismissFailed(meetingId)}
      >
        {t('dismiss')}
      </button>
    </Alert>
  );
}

/**
 * On a phone during the meeting: the topic being talked about first, one large button to move
 * on, and an action captured in one line (walk-and-talk, one hand).
 */
export function PhoneFocus({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation('live');
  const client = useQueryClient();
  const id = useId();
  const [title, setTitle] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const current = detail.agenda.find(
    (p) => !p.discussed && p.carriedToMeetingId === null && p.sectionKind !== 'follow_up',
  );
  const key = oneOnOneKeys.meeting(detail.meeting.id);
  const next = useMutation({
    // Offline it runs too: the change is kept on the device (outbox).
    networkMode: 'always',
    mutationFn: (pointId: string) =>
      writeOrKeep<MeetingDetail>(
        detail.meeting.id,
        { kind: 'tick', pointId, discussed: true },
        'PATCH',
        `/api/one-on-ones/points/${encodeURIComponent(pointId)}`,
        { discussed: true },
      ),
    onMutate: () => client.cancelQueries({ queryKey: key }),
    onSuccess: (fresh) => {
      if (fresh) client.setQueryData(key, fresh);
    },
  });
  const employee = detail.series.employee;
  const capture = useMutation({
    // Offline it runs too: the change is kept on the device (outbox).
    networkMode: 'always',
    mutationFn: (text: string) => {
      const input = { title: text, ownerId: employee.id, dueDate: null, pointId: null };
      return writeOrKeep(
        detail.meeting.id,
        { kind: 'addAction', ...input, ownerRole: 'employee' },
        'POST',
        `/api/one-on-ones/meetings/${encodeURIComponent(detail.meeting.id)}/actions`,
        input,
      );
    },
    onSuccess: async (_r, text) => {
      setAdded(text);
      setTitle('');
      await client.invalidateQueries({ queryKey: key });
    },
  });
  const submit = () => capture.mutate(title.trim());
  return (
    <section className="card phone-focus narrow-only" aria-labelledby={`${id}-now`}>
      <h2 id={`${id}-now`} className="phone-focus__label">
        {current ? t('now') : t('allDiscussed')}
      </h2>
      {current ? (
        <>
          <p className="phone-focus__title">
            <a href={`#point-${current.id}`}>
              {readerTitle(current, detail.myRole, employee.name, (name) =>
                t('meetings:agenda.employeeTopicsFor', { name }),
              )}
            </a>
          </p>
          <button
            type="button"
            className="button phone-focus__next"
            disabled={next.isPending || current.id.startsWith('pending-')}
            onClick={() => next.mutate(current.id)}
          >
            {t('doneNext')}
          </button>
        </>
      ) : null}
      <InlineAddForm
        id={`${id}-action`}
        className="phone-focus__capture"
        showLabel
        label={t('quickAction', { name: employee.name })}
        submitLabel={t('add')}
        buttonClassName="button"
        maxLength={500}
        enterKeyHint="done"
        value={title}
        onChange={setTitle}
        onSubmit={submit}
        pending={capture.isPending}
        error={capture.error ?? next.error}
        status={added ? t('actionAdded', { title: added }) : ''}
      />
    </section>
  );
}
