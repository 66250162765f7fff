import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, LoadError, Loading } from '../components/feedback';
import { NoAccess } from '../components/no-access';
import { Page } from '../components/page';
import { useFormat, useMe } from '../session';
import { isAdmin, mailApi, mailKeys, type MailSummary } from './api';
import { kindLabel } from './labels';
import { StatusBadge } from './status-badge';
import './mail.css';

const PAGE_SIZE = 30;

/** The admin's view of all outgoing mail, newest first. */
export function MailboxPage() {
  const { data: me } = useMe();
  return isAdmin(me) ? <Mailbox /> : <NoAccess />;
}

function Mailbox() {
  const { t } = useTranslation('mailbox');
  const list = useInfiniteQuery({
    queryKey: mailKeys.mailbox,
    queryFn: ({ pageParam }) => mailApi.mailbox(pageParam, PAGE_SIZE),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Mails move from "waiting" to "sent" or "kept" within seconds; keep the first page fresh.
    refetchInterval: (q) =>
      q.state.data?.pages[0]?.items.some((m) => m.status === 'pending') ? 3000 : false,
  });
  const mails = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page title={t('list.title')} intro={t('list.intro')}>
      <Alert kind="info">
        <p>{t('list.keptNote')}</p>
      </Alert>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : mails.length === 0 ? (
        <p className="empty">{t('list.empty')}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {list.hasNextPage
              ? t('list.showingMore', { count: mails.length })
              : t('list.showing', { count: mails.length })}
          </p>
          <MailTable mails={mails} />
          {list.hasNextPage ? (
            <p className="center">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void list.fetchNextPage()}
                disabled={list.isFetchingNextPage}
              >
                {list.isFetchingNextPage ? t('common:loading') : t('list.loadMore')}
              </button>
            </p>
          ) : null}
        </>
      )}
    </Page>
  );
}

function MailTable({ mails }: { mails: MailSummary[] }) {
  const { t } = useTranslation('mailbox');
  const fmt = useFormat();
  return (
    // Explicit roles: the phone layout restyles the table as blocks, which drops them.
    <table className="table table--stack mailbox" role="table">
      <caption className="visually-hidden">{t('list.caption')}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            {t('list.subject')}
          </th>
          <th scope="col" role="columnheader">
            {t('list.to')}
          </th>
          <th scope="col" role="columnheader">
            {t('list.kind')}
          </th>
          <th scope="col" role="columnheader">
            {t('list.status')}
          </th>
          <th scope="col" role="columnheader">
            {t('list.time')}
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {mails.map((m) => (
          <tr key={m.id} role="row" className="mailbox__row">
            <td role="cell" data-label={t('list.subject')}>
              <Link to={`/admin/mailbox/${m.id}`} className="table__primary" lang={m.locale}>
                {m.subject}
              </Link>
              {m.hasCalendar ? (
                <span className="badge mailbox__ics" title={t('list.calendar')}>
                  .ics
                </span>
              ) : null}
            </td>
            <td role="cell" data-label={t('list.to')}>
              {m.to.name}
              <span className="table__sub">{m.to.email}</span>
            </td>
            <td role="cell" data-label={t('list.kind')}>
              {kindLabel(t, m.kind)}
            </td>
            <td role="cell" data-label={t('list.status')}>
              <StatusBadge status={m.status} />
              {m.status === 'failed' && m.lastError ? (
                <span className="table__sub mailbox__error">
                  {t('list.lastError', { error: m.lastError })}
                </span>
              ) : null}
            </td>
            <td role="cell" data-label={t('list.time')}>
              <time dateTime={m.createdAt}>{fmt.dateTime(m.createdAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
