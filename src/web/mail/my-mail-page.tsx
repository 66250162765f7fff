import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, Loading } from '../components/feedback';
import { Page } from '../components/page';
import { useFormat } from '../session';
import { mailApi, mailKeys, type OwnMailSummary } from './api';
import { kindLabel } from './labels';
import { StatusBadge } from './status-badge';
import './mail.css';
import { LoadMore } from '../components/load-more';

const PAGE_SIZE = 30;

/**
 * The signed-in person's own mail, newest first: everything Samtal wrote to them, readable
 * here even when no mail server is set up (decision 025). Mails with a sign-in link are only
 * in their inbox.
 */
export function MyMailListPage() {
  const { t } = useTranslation('mailbox');
  const list = useInfiniteQuery({
    queryKey: mailKeys.own,
    queryFn: ({ pageParam }) => mailApi.ownMails(pageParam, PAGE_SIZE),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const mails = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page title={t('own.title')} intro={t('own.intro')}>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : mails.length === 0 ? (
        <p className="empty">{t('own.empty')}</p>
      ) : (
        <>
          <OwnMailTable mails={mails} />
          <LoadMore list={list} label={t('list.loadMore')} />
        </>
      )}
    </Page>
  );
}

function OwnMailTable({ mails }: { mails: OwnMailSummary[] }) {
  const { t } = useTranslation('mailbox');
  const fmt = useFormat();
  return (
    <table className="table table--stack mailbox" role="table">
      <caption className="visually-hidden">{t('own.caption')}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            {t('list.subject')}
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
              <Link to={`/mail/${m.id}`} className="table__primary" lang={m.locale}>
                {m.subject}
              </Link>
              {m.hasCalendar ? (
                <span className="badge mailbox__ics" title={t('list.calendar')}>
                  .ics
                </span>
              ) : null}
            </td>
            <td role="cell" data-label={t('list.kind')}>
              {kindLabel(t, m.kind)}
            </td>
            <td role="cell" data-label={t('list.status')}>
              <StatusBadge status={m.status} />
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
