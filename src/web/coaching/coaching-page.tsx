import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { Page } from '../components/page';
import { formatter } from '../format';
import { useMe } from '../session';
import { coachingApi, coachingKeys, type Coaching, type CoachingSignal } from './api';
import './coaching.css';

const PERIODS = [30, 90, 180, 365] as const;
const DISMISS = [7, 30, 90] as const;

/** The manager's private coaching page: signals from their own 1:1s, with advice. */
export function CoachingPage() {
  const [days, setDays] = useState(90);
  const query = useQuery({
    queryKey: coachingKeys.signals(days),
    queryFn: () => coachingApi.signals(days),
  });
  if (query.isPending) return <Loading />;
  if (!query.data) return <LoadError error={query.error} retry={() => void query.refetch()} />;
  return <CoachingView data={query.data} days={days} setDays={setDays} />;
}

function CoachingView(props: { data: Coaching; days: number; setDays: (d: number) => void }) {
  const { t, i18n } = useTranslation('coaching');
  const { data: me } = useMe();
  const f = formatter(i18n.language, me?.timeZone);
  const { period, signals, dismissed } = props.data;
  return (
    <Page
      title={t('title')}
      intro={t('intro', { from: f.date(period.from), to: f.date(period.to) })}
    >
      <p>
        <Link to="/wellbeing/team">{t('teamLink')}</Link>
      </p>
      <div className="field coaching__period">
        <label htmlFor="coaching-period">{t('period')}</label>
        <select
          id="coaching-period"
          value={props.days}
          onChange={(e) => props.setDays(Number(e.target.value))}
        >
          {PERIODS.map((d) => (
            <option key={d} value={d}>
              {t('days', { days: d })}
            </option>
          ))}
        </select>
      </div>
      {signals.length === 0 ? <p className="empty">{t('empty')}</p> : null}
      <ul className="coaching__list">
        {signals.map((s) => (
          <li key={`${s.key}:${s.subject}`}>
            <SignalCard signal={s} days={props.days} />
          </li>
        ))}
      </ul>
      {dismissed > 0 ? <p className="muted">{t('dismissedNote', { count: dismissed })}</p> : null}
    </Page>
  );
}

function SignalCard({ signal, days }: { signal: CoachingSignal; days: number }) {
  const { t } = useTranslation('coaching');
  const client = useQueryClient();
  const errorText = useErrorText();
  const [forDays, setForDays] = useState<number>(30);
  const dismiss = useMutation({
    mutationFn: () =>
      coachingApi.dismiss({ key: signal.key, subject: signal.subject, days, forDays }),
    onSuccess: () => client.invalidateQueries({ queryKey: coachingKeys.all }),
  });
  const name = signal.employeeName ?? '';
  const n = signal.numbers;
  const args = { name, ...n, total: (n.byManager ?? 0) + (n.byEmployee ?? 0) };
  const headingId = `signal-${signal.key}-${signal.subject}`;
  return (
    <article className="card coaching__signal" aria-labelledby={headingId}>
      <p className="coaching__about muted small">
        {signal.employeeName ? t('about', { name }) : t('aboutAll')}
      </p>
      <h2 id={headingId}>{t(`signal.${signal.key}.title`, args)}</h2>
      <p>
        <span className="visually-hidden">{t('numbersLabel')}: </span>
        {t(`signal.${signal.key}.numbers`, args)}
      </p>
      <p className="coaching__advice">
        <strong>{t('adviceLabel')}:</strong> {t(`signal.${signal.key}.advice`, args)}
      </p>
      <div className="coaching__dismiss">
        <label htmlFor={`${headingId}-for`}>{t('dismissFor')}</label>
        <select
          id={`${headingId}-for`}
          value={forDays}
          onChange={(e) => setForDays(Number(e.target.value))}
        >
          {DISMISS.map((d) => (
            <option key={d} value={d}>
              {t('days', { days: d })}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => dismiss.mutate()}
          disabled={dismiss.isPending}
        >
          {t('dismiss')}
        </button>
        <span className="muted small">{t('dismissHint')}</span>
      </div>
      {dismiss.error ? (
        <Alert focus>
          <p>{errorText(dismiss.error)}</p>
        </Alert>
      ) : null}
    </article>
  );
}
