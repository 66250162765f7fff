import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SCALE_MAX, SCALE_MIN } from '../../domain/wellbeing/check-in';
import { Alert, useErrorText } from '../components/feedback';
import { useOutbox, writeOrKeep } from '../live/outbox';
import type { MeetingDetail } from '../meetings/api';
import {
  MEASURES,
  wellbeingApi,
  wellbeingKeys,
  type CheckIn,
  type CheckInInput,
  type Measure,
} from './api';
import './wellbeing.css';

const SCORES = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i);
type Draft = Record<Measure, number | null> & { comment: string };

const draftOf = (c: CheckIn | null): Draft => ({
  wellbeing: c?.wellbeing ?? null,
  workload: c?.workload ?? null,
  progress: c?.progress ?? null,
  comment: c?.comment ?? '',
});
const sameDraft = (a: Draft, b: Draft) =>
  MEASURES.every((m) => a[m] === b[m]) && a.comment === b.comment;

/**
 * The check-in that opens a 1:1 (on the meeting page): three 1–5 questions and a comment,
 * answered by the employee beforehand or by the two together; read-only once the meeting is over.
 */
export function CheckInPanel({ detail }: { detail: MeetingDetail }) {
  const meetingId = detail.meeting.id;
  const query = useQuery({
    queryKey: wellbeingKeys.checkIn(meetingId),
    queryFn: () => wellbeingApi.checkIn(meetingId),
    enabled: detail.meeting.status !== 'cancelled',
  });
  if (detail.meeting.status === 'cancelled' || !query.data) return null;
  return (
    <CheckInCard
      // Keyed by meeting only: a refresh after saving keeps the form and its "saved" note.
      key={meetingId}
      detail={detail}
      checkIn={query.data.checkIn}
      open={query.data.open}
      mayWrite={query.data.mayWrite}
    />
  );
}

function CheckInCard({
  detail,
  checkIn,
  open,
  mayWrite,
}: {
  detail: MeetingDetail;
  checkIn: CheckIn | null;
  open: boolean;
  /** What the server lets this viewer do now (the check-in is the employee's). */
  mayWrite: 'answer' | 'together' | 'correct' | null;
}) {
  const { t } = useTranslation('wellbeing');
  const { t: tl } = useTranslation('live');
  const [together, setTogether] = useState(false);
  const client = useQueryClient();
  const errorText = useErrorText();
  const { series, meeting } = detail;
  const other = detail.myRole === 'manager' ? series.employee : series.manager;
  const [draft, setDraft] = useState<Draft>(() => draftOf(checkIn));
  // The other person answered (live, or on reload): show it, unless this form has been edited.
  const [shown, setShown] = useState(checkIn);
  if (checkIn !== shown) {
    setShown(checkIn);
    if (sameDraft(draft, draftOf(shown))) setDraft(draftOf(checkIn));
  }
  const [missing, setMissing] = useState(false);
  // Answered without a connection (a walk-and-talk): kept on the device, sent when back online.
  const kept = useOutbox(meeting.id).pending.some((e) => e.op.kind === 'checkIn');
  const save = useMutation({
    // Offline too: the outbox keeps it (a paused mutation would leave the form stuck).
    networkMode: 'always',
    mutationFn: (input: CheckInInput) =>
      writeOrKeep<CheckIn>(
        meeting.id,
        { kind: 'checkIn' },
        'PUT',
        `/api/one-on-ones/meetings/${encodeURIComponent(meeting.id)}/check-in`,
        input,
      ),
    onSuccess: async (saved) => {
      if (saved) await client.invalidateQueries({ queryKey: wellbeingKeys.all });
    },
  });
  const answeredBy =
    checkIn?.answeredBy === series.manager.id ? series.manager.name : series.employee.name;

  function submit(e: FormEvent) {
    e.preventDefault();
    const { wellbeing, workload, progress, comment } = draft;
    if (wellbeing === null || workload === null || progress === null) {
      setMissing(true);
      return;
    }
    setMissing(false);
    save.mutate({
      wellbeing,
      workload,
      progress,
      comment,
      ...(mayWrite === 'together' ? { together: true } : {}),
    });
  }

  return (
    <section className="card check-in" aria-labelledby="check-in-heading">
      <h2 id="check-in-heading">{t('checkIn.title')}</h2>
      {open ? (
        <p className="muted">
          {t(detail.myRole === 'manager' ? 'checkIn.introManager' : 'checkIn.introEmployee', {
            name: other.name,
          })}{' '}
          {t('checkIn.privacy')}
        </p>
      ) : null}
      {checkIn?.recordedByManager ? (
        <p className="badge check-in__recorded">
          {tl('recordedByManager', { name: series.manager.name })}
        </p>
      ) : null}
      {mayWrite === 'correct' ? <p className="muted">{tl('correctAfter')}</p> : null}
      {open && mayWrite === null && detail.myRole === 'manager' ? (
        <p className="muted">{tl('checkInIsTheirs', { name: series.employee.name })}</p>
      ) : null}
      {mayWrite ? (
        <form className="check-in__form" onSubmit={submit} noValidate>
          {MEASURES.map((m) => (
            <fieldset key={m} className="check-in__scale">
              <legend>{t(`checkIn.measure.${m}`)}</legend>
              <div className="check-in__choices">
                {SCORES.map((n) => (
                  <label key={n} className="check-in__choice">
                    <input
                      type="radio"
                      name={`check-in-${m}`}
                      value={n}
                      checked={draft[m] === n}
                      onChange={() => setDraft((d) => ({ ...d, [m]: n }))}
                    />
                    <span className="check-in__number" aria-hidden="true">
                      {n}
                    </span>
                    <span className="check-in__label">{t(`checkIn.scale.${m}.${n}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <div className="field">
            <label htmlFor="check-in-comment">{t('checkIn.comment')}</label>
            <textarea
              id="check-in-comment"
              rows={2}
              maxLength={2000}
              value={draft.comment}
              onChange={(e) => setDraft((d) => ({ ...d, comment: e.target.value }))}
            />
          </div>
          {missing ? (
            <Alert focus>
              <p>{t('checkIn.required')}</p>
            </Alert>
          ) : null}
          {save.error ? (
            <Alert focus>
              <p>{errorText(save.error)}</p>
            </Alert>
          ) : null}
          {mayWrite === 'together' ? (
            <label className="check-in__together">
              <input
                type="checkbox"
                checked={together}
                onChange={(e) => setTogether(e.target.checked)}
              />{' '}
              {tl('together', { name: series.employee.name })}
            </label>
          ) : null}
          <div className="check-in__actions">
            <button
              type="submit"
              className="button"
              disabled={save.isPending || (mayWrite === 'together' && !together)}
            >
              {t('checkIn.save')}
            </button>
            <span role="status" className="muted">
              {kept
                ? tl('keptOnDevice')
                : save.isSuccess
                  ? t('checkIn.saved')
                  : checkIn
                    ? t('checkIn.answeredBy', { name: answeredBy })
                    : ''}
            </span>
          </div>
        </form>
      ) : checkIn ? (
        <CheckInSummary checkIn={checkIn} closed={!open} />
      ) : (
        <p className="muted">{t('checkIn.notAnswered')}</p>
      )}
      <p className="check-in__links">
        <Link to={`/one-on-ones/series/${series.id}/wellbeing`}>{t('checkIn.trendLink')}</Link>
        <Link to={`/one-on-ones/series/${series.id}/task-reviews`}>{t('checkIn.tasksLink')}</Link>
      </p>
    </section>
  );
}

function CheckInSummary({ checkIn, closed }: { checkIn: CheckIn; closed: boolean }) {
  const { t } = useTranslation('wellbeing');
  return (
    <>
      <dl className="check-in__summary">
        {MEASURES.map((m) => (
          <div key={m}>
            <dt>{t(`checkIn.short.${m}`)}</dt>
            <dd>
              {checkIn[m]} – {t(`checkIn.scale.${m}.${checkIn[m]}`)}
            </dd>
          </div>
        ))}
      </dl>
      {checkIn.comment ? <p className="check-in__comment">{checkIn.comment}</p> : null}
      {closed ? <p className="muted small">{t('checkIn.closed')}</p> : null}
    </>
  );
}
