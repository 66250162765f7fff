import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, Loading } from '../components/feedback';
import { Page } from '../components/page';
import { dayFormatter } from '../format';
import { roundKeys, roundsApi } from './api';
import './rounds.css';
import { LoadMore } from '../components/load-more';

/** HR's list of rounds, newest first, with how far each has come. */
export function RoundsPage() {
  const { t, i18n } = useTranslation('rounds');
  const rounds = useInfiniteQuery({
    queryKey: roundKeys.list(),
    queryFn: ({ pageParam }) => roundsApi.list(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const day = dayFormatter(i18n.language);
  const items = rounds.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page
      title={t('list.title')}
      intro={t('list.intro')}
      actions={
        <Link className="button" to="/rounds/new">
          {t('list.open')}
        </Link>
      }
    >
      {rounds.isPending ? (
        <Loading />
      ) : rounds.error ? (
        <LoadError error={rounds.error} retry={() => void rounds.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{t('list.empty')}</p>
      ) : (
        <table className="table table--stack rounds-table">
          <thead>
            <tr>
              <th scope="col">{t('list.name')}</th>
              <th scope="col">{t('list.deadline')}</th>
              <th scope="col">{t('list.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link className="table__primary" to={`/rounds/${r.id}`}>
                    {r.name}
                  </Link>
                  <span className="table__sub">
                    {t(`kind.${r.kind}`)}
                    {r.closed ? ` · ${t('list.closed')}` : ''}
                  </span>
                </th>
                <td data-label={t('list.deadline')}>{day.medium(r.deadline)}</td>
                <td data-label={t('list.progress')}>
                  <progress
                    className="rounds-progress"
                    max={Math.max(r.counts.total, 1)}
                    value={r.counts.signed}
                    aria-label={t('list.signedOf', {
                      signed: r.counts.signed,
                      total: r.counts.total,
                    })}
                  />{' '}
                  {t('list.signedOf', { signed: r.counts.signed, total: r.counts.total })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={rounds} label={t('list.more')} />
    </Page>
  );
}
