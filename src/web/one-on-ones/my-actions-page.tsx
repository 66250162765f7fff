import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError, Loading } from '../components/feedback';
import { Page } from '../components/page';
import { useMe } from '../session';
import { oneOnOneApi, oneOnOneKeys, type MyAction } from '../meetings/api';
import { ActionItem } from './actions';
import { useMeetingFormat } from '../meetings/hooks';
import '../meetings/meetings.css';
import { LoadMore } from '../components/load-more';

/** Everyone's own actions across all their 1:1s: open ones by due date, or the done ones. */
export function MyActionsPage() {
  const { t } = useTranslation('meetings');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'done' ? 'done' : 'open';
  return (
    <Page title={t('myActions.title')} intro={t('myActions.intro')}>
      <div className="segmented" role="group" aria-label={t('myActions.show')}>
        {(['open', 'done'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={s === status ? 'segmented__item segmented__item--on' : 'segmented__item'}
            aria-pressed={s === status}
            onClick={() => setParams(s === 'open' ? {} : { status: s })}
          >
            {t(`myActions.${s}`)}
          </button>
        ))}
      </div>
      <ActionsList status={status} />
    </Page>
  );
}

function ActionsList({ status }: { status: 'open' | 'done' }) {
  const { t } = useTranslation('meetings');
  const { data: me } = useMe();
  const list = useInfiniteQuery({
    queryKey: oneOnOneKeys.myActions(status),
    queryFn: ({ pageParam }) => oneOnOneApi.myActions(status, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  if (list.isPending) return <Loading />;
  if (list.error) return <LoadError error={list.error} retry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p className="empty">{t(`myActions.${status}Empty`)}</p>;
  const overdue = items.filter((a) => a.overdue && !a.done).length;
  return (
    <>
      {status === 'open' ? (
        <p className="muted">{t('myActions.summary', { count: items.length, overdue })}</p>
      ) : null}
      <ul className="actions actions--page">
        {items.map((a) => (
          <MyActionRow key={a.id} action={a} myName={me?.name ?? ''} />
        ))}
      </ul>
      <LoadMore list={list} label={t('series.more')} />
    </>
  );
}

/** An action with where it came from: the 1:1 with whom, and on which day. */
export function MyActionRow({ action: a, myName }: { action: MyAction; myName: string }) {
  const { t } = useTranslation('meetings');
  const fmt = useMeetingFormat();
  return (
    <ActionItem
      action={a}
      ownerName={myName}
      context={t('myActions.from', { name: a.withName, date: fmt.plainShort(a.meetingDate) })}
    >
      <Link
        className="small"
        to={
          a.conversationId
            ? `/conversations/${a.conversationId}`
            : `/one-on-ones/meetings/${a.meetingId}`
        }
        aria-label={t('labelFor', { action: t('myActions.openMeeting'), title: a.title })}
      >
        {t('myActions.openMeeting')}
      </Link>
    </ActionItem>
  );
}
