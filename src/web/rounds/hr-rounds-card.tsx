import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../api';
import { LoadError } from '../components/feedback';
import { dateIn } from '../format';
import { useFormat } from '../session';
import { roundKeys, roundsApi } from './api';
import { openRounds, roundAttention } from './attention';

/**
 * HR's home: the open rounds with how far each has come, and what needs HR (a passed deadline,
 * unbooked conversations close to one, people without a manager or a unit).
 */
export function HrRoundsCard({
  me,
  withoutManager,
  unplaced,
}: {
  me: Me;
  withoutManager: number;
  unplaced: number;
}) {
  const { t } = useTranslation('home');
  const fmt = useFormat();
  const rounds = useQuery({ queryKey: roundKeys.homeCard(), queryFn: () => roundsApi.list() });
  const items = rounds.data?.items ?? [];
  const open = openRounds(items);
  const today = dateIn(new Date(), me.timeZone);
  const attention = roundAttention(items, today);
  const people = [
    withoutManager > 0 ? t('hr.attention.withoutManager', { count: withoutManager }) : null,
    unplaced > 0 ? t('hr.attention.unplaced', { count: unplaced }) : null,
  ].filter((x): x is string => x !== null);
  return (
    <>
      <section aria-labelledby="hr-attention" className="card hr-card">
        <h2 id="hr-attention">{t('hr.attention.title')}</h2>
        {attention.length === 0 && people.length === 0 ? (
          <p className="muted">{t('hr.attention.none')}</p>
        ) : (
          <ul className="hr-card__list">
            {attention.map((a) => (
              <li key={`${a.kind}-${a.round.id}`}>
                <Link to={`/rounds/${a.round.id}`}>{a.round.name}</Link>:{' '}
                {a.kind === 'overdue'
                  ? t('hr.attention.overdue', {
                      count: a.unsigned,
                      date: fmt.day(a.round.deadline),
                    })
                  : t('hr.attention.unbookedSoon', { count: a.unbooked, days: a.days })}
              </li>
            ))}
            {people.map((text) => (
              <li key={text}>
                <Link to="/people">{text}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="hr-rounds" className="card hr-card">
        <h2 id="hr-rounds">{t('hr.rounds.title')}</h2>
        {rounds.error ? (
          <LoadError error={rounds.error} retry={() => void rounds.refetch()} />
        ) : rounds.isPending ? null : open.length === 0 ? (
          <p className="muted">{t('hr.rounds.none')}</p>
        ) : (
          <ul className="hr-card__list">
            {open.map((r) => (
              <li key={r.id} className="hr-card__round">
                <Link to={`/rounds/${r.id}`} className="hr-card__name">
                  {r.name}
                </Link>
                <span className="muted small">
                  {t('hr.rounds.deadline', { date: fmt.day(r.deadline) })}
                </span>
                <progress
                  max={Math.max(r.counts.total, 1)}
                  value={r.counts.signed}
                  aria-label={t('hr.rounds.signedOf', {
                    signed: r.counts.signed,
                    total: r.counts.total,
                  })}
                />
                <span className="small">
                  {t('hr.rounds.signedOf', { signed: r.counts.signed, total: r.counts.total })}
                  {' · '}
                  {t('hr.rounds.notBooked', { count: r.counts.not_booked })}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/rounds">{t('hr.rounds.all')}</Link>
        </p>
      </section>
    </>
  );
}
