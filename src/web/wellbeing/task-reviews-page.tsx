import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { Page } from '../components/page';
import { useFormat } from '../session';
import { oneOnOneApi, oneOnOneKeys } from '../meetings/api';
import { wellbeingApi, wellbeingKeys } from './api';
import './wellbeing.css';
import { LoadMore } from '../components/load-more';

/** A pair's task-status reviews, newest first, and starting the next one. */
export function TaskReviewsPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const meeting = search.get('meeting');
  const { t } = useTranslation('wellbeing');
  // Dates in the person's own time zone, not the browser's.
  const fmt = useFormat();
  const navigate = useNavigate();
  const client = useQueryClient();
  const errorText = useErrorText();
  const series = useQuery({
    queryKey: oneOnOneKeys.series(id),
    queryFn: () => oneOnOneApi.series(id),
  });
  const list = useInfiniteQuery({
    queryKey: wellbeingKeys.reviews(id),
    queryFn: ({ pageParam }) => wellbeingApi.reviews(id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const start = useMutation({
    mutationFn: () => wellbeingApi.startReview(id),
    onSuccess: async (review) => {
      await client.invalidateQueries({ queryKey: wellbeingKeys.reviews(id) });
      void navigate(
        `/one-on-ones/task-reviews/${review.id}${meeting ? `?meeting=${meeting}` : ''}`,
      );
    },
  });
  if (series.isPending || list.isPending) return <Loading />;
  if (!series.data || !list.data)
    return <LoadError error={series.error ?? list.error} retry={() => void list.refetch()} />;
  const reviews = list.data.pages.flatMap((p) => p.items);
  const q = meeting ? `?meeting=${meeting}` : '';
  return (
    <Page
      title={t('tasks.listTitle', { name: series.data.employee.name })}
      intro={t('tasks.intro')}
      actions={
        series.data.endedAt ? null : (
          <button
            type="button"
            className="button"
            onClick={() => start.mutate()}
            disabled={start.isPending}
          >
            {t('tasks.start')}
          </button>
        )
      }
    >
      {start.error ? (
        <Alert focus>
          <p>{errorText(start.error)}</p>
        </Alert>
      ) : null}
      <p className="muted small">{t('tasks.startHint')}</p>
      {reviews.length === 0 ? (
        <p className="empty">{t('tasks.empty')}</p>
      ) : (
        <ul className="task-reviews">
          {reviews.map((r) => (
            <li key={r.id}>
              <Link to={`/one-on-ones/task-reviews/${r.id}${q}`}>
                {t('tasks.started', { date: fmt.date(r.createdAt) })}
              </Link>{' '}
              <span className="muted">
                {r.reviewedAt
                  ? t('tasks.reviewedOn', { date: fmt.date(r.reviewedAt) })
                  : t('tasks.inProgress')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={list} label={t('meetings:series.more')} />
    </Page>
  );
}
