import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Motivation } from '../../contracts/motivation';
import { MOTIVATION_MAX, MOTIVATION_MIN } from '../../domain/one-on-one/motivation';
import { http } from '../api';
import { LoadError, useErrorText } from '../components/feedback';
import { oneOnOneKeys, type MeetingDetail } from '../meetings/api';
import { useMeetingFormat } from '../meetings/hooks';
import '../wellbeing/wellbeing.css';

const SCORES = Array.from(
  { length: MOTIVATION_MAX - MOTIVATION_MIN + 1 },
  (_, i) => MOTIVATION_MIN + i,
);
const path = (meetingId: string) =>
  `/api/one-on-ones/meetings/${encodeURIComponent(meetingId)}/motivation`;

/**
 * The motivation item of the standing agenda (issue #15, seed 002): the employee gives a 1–5
 * score for this meeting; both see the series' scores as a small trend.
 */
export function MotivationPanel({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const fmt = useMeetingFormat();
  const errorText = useErrorText();
  const client = useQueryClient();
  const meetingId = detail.meeting.id;
  const q = useQuery({
    queryKey: oneOnOneKeys.motivation(meetingId),
    queryFn: () => http.get<Motivation>(path(meetingId)),
  });
  // The score just picked, set in the click itself: a controlled radio whose new state came
  // only with the mutation's next render was put back unchecked for a moment.
  const [picked, setPicked] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: (score: number) => http.put<Motivation>(path(meetingId), { score }),
    onSuccess: (fresh) => client.setQueryData(oneOnOneKeys.motivation(meetingId), fresh),
    onSettled: () => setPicked(null),
  });
  if (q.isPending) return null;
  if (q.error) return <LoadError error={q.error} retry={() => void q.refetch()} />;
  const m = picked !== null ? { ...q.data, score: picked } : q.data;
  return (
    <div className="motivation">
      {m.mayScore ? (
        <fieldset className="check-in__scale">
          <legend>{t('motivation.question')}</legend>
          <div className="check-in__choices">
            {SCORES.map((n) => (
              <label key={n} className="check-in__choice">
                <input
                  type="radio"
                  name={`motivation-${meetingId}`}
                  value={n}
                  checked={m.score === n}
                  disabled={save.isPending}
                  onChange={() => {
                    setPicked(n);
                    save.mutate(n);
                  }}
                />
                <span className="check-in__number" aria-hidden="true">
                  {n}
                </span>
                <span className="check-in__label">{t(`motivation.scale.${n}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <p className="muted">
          {m.score === null
            ? t('motivation.notGiven', { name: detail.series.employee.name })
            : t('motivation.given', { score: m.score, name: detail.series.employee.name })}
        </p>
      )}
      <p className="save-status" role="status">
        {save.error ? errorText(save.error) : save.isSuccess ? t('note.saved') : ''}
      </p>
      {m.trend.length > 1 ? (
        <figure className="motivation__trend">
          <figcaption>
            {t('motivation.trend')}
            {m.direction ? ` – ${t(`motivation.direction.${m.direction}`)}` : ''}
          </figcaption>
          <ol className="motivation__bars">
            {m.trend.map((p) => (
              <li
                key={p.meetingId}
                className={p.meetingId === meetingId ? 'motivation__bar--this' : undefined}
              >
                <span
                  className="motivation__bar"
                  style={{ blockSize: `${p.score * 0.5}rem` }}
                  aria-hidden="true"
                />
                <span className="motivation__value">
                  {t('motivation.point', { date: fmt.shortDate(p.startsAt), score: p.score })}
                </span>
              </li>
            ))}
          </ol>
        </figure>
      ) : null}
    </div>
  );
}
