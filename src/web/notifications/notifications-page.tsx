import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LoadError, Loading } from '../components/feedback';
import { LoadMore } from '../components/load-more';
import { Page } from '../components/page';
import { useFormat } from '../session';
import type { Formatter } from '../format';
import { notificationApi, notificationKeys, type AppNotification } from './api';
import './notifications.css';

const PAGE_SIZE = 30;

/** A notification's text in the reader's language, from its kind and parameters. */
function textOf(
  n: AppNotification,
  t: (k: string, o?: Record<string, unknown>) => string,
  fmt: Formatter,
): string {
  const p = n.params;
  const when = (v: unknown) => (typeof v === 'string' && v ? fmt.dateTime(v) : '');
  return t(`kind.${n.kind}`, {
    name: n.actor?.name ?? t('someone'),
    when: when(p.at),
    from: when(p.from),
    to: when(p.to),
    kind:
      typeof p.conversationKind === 'string' ? t(`conversations:kind.${p.conversationKind}`) : '',
    round: p.round ?? '',
    deadline: typeof p.deadline === 'string' ? fmt.day(p.deadline) : '',
    count: typeof p.count === 'number' ? p.count : 0,
    roundKind: typeof p.roundKind === 'string' ? p.roundKind : 'development',
  });
}

/**
 * The signed-in person's notifications, newest first: each says what happened in their
 * language and opens its place (marking it read); unread ones stand out; "mark all as read".
 */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const fmt = useFormat();
  const client = useQueryClient();
  const navigate = useNavigate();
  const list = useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) => notificationApi.list(pageParam, PAGE_SIZE),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const settle = (unread: number) => {
    client.setQueryData(notificationKeys.unread, { unread });
    void client.invalidateQueries({ queryKey: notificationKeys.list });
  };
  const markAll = useMutation({
    mutationFn: notificationApi.markAllRead,
    onSuccess: (r) => settle(r.unread),
  });
  const markOne = useMutation({
    mutationFn: notificationApi.markRead,
    onSuccess: (r) => settle(r.unread),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;

  async function open(n: AppNotification) {
    if (!n.readAt) {
      try {
        settle((await notificationApi.markRead(n.id)).unread);
      } catch {
        // the link still opens; it stays unread
      }
    }
    void navigate(n.link);
  }

  return (
    <Page title={t('title')} intro={t('intro')}>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <>
          <div className="notifications__actions">
            {unread > 0 ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => markAll.mutate()}
                disabled={markAll.isPending}
              >
                {t('markAll')}
              </button>
            ) : (
              <p className="muted">{t('allRead')}</p>
            )}
          </div>
          <ul className="notifications" aria-label={t('caption')}>
            {items.map((n) => (
              <li
                key={n.id}
                className={
                  n.readAt
                    ? 'notifications__item'
                    : 'notifications__item notifications__item--unread'
                }
              >
                {n.readAt ? null : <span className="badge">{t('unread')}</span>}
                <Link
                  to={n.link}
                  className="notifications__link"
                  onClick={(e) => {
                    e.preventDefault();
                    void open(n);
                  }}
                >
                  {textOf(n, t, fmt)}
                </Link>
                <time className="notifications__time muted" dateTime={n.createdAt}>
                  {fmt.dateTime(n.createdAt)}
                </time>
                {n.readAt ? null : (
                  <button
                    type="button"
                    className="button button--link button--small"
                    onClick={() => markOne.mutate(n.id)}
                    disabled={markOne.isPending}
                  >
                    {t('markRead')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <LoadMore list={list} label={t('loadMore')} />
        </>
      )}
    </Page>
  );
}
