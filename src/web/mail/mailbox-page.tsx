import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MAIL_STATUSES } from '../../domain/mail-retry';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { NoAccess } from '../components/no-access';
import { Page } from '../components/page';
import { useFormat, useMe } from '../session';
import { mailApi, mailKeys, type MailboxFilter, type MailEnvelope, type MailStatus } from './api';
import { kindLabel, MAIL_KINDS, statusLabel } from './labels';
import { StatusBadge } from './status-badge';
import './mail.css';
import { LoadMore } from '../components/load-more';

const PAGE_SIZE = 30;

/**
 * The admin's view of all outgoing mail, newest first: envelopes only (who, what kind, which
 * state, when), never a subject or body (decision 025). A mail can be sent again from here.
 */
export function MailboxPage() {
  const { data: me } = useMe();
  return me?.can.readMailbox ? <Mailbox /> : <NoAccess />;
}

/** The filters, in the page's address so a filtered view can be linked and reloaded. */
function useMailboxFilter(): [MailboxFilter, (f: MailboxFilter) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') as MailStatus | null;
  const kind = params.get('kind');
  const filter: MailboxFilter = {
    ...(status && MAIL_STATUSES.includes(status) ? { status } : {}),
    ...(kind && MAIL_KINDS.includes(kind) ? { kind } : {}),
  };
  const set = (f: MailboxFilter) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) next.set(k, v);
    setParams(next);
  };
  return [filter, set];
}

function Mailbox() {
  const { t } = useTranslation('mailbox');
  const [filter, setFilter] = useMailboxFilter();
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const list = useInfiniteQuery({
    queryKey: mailKeys.mailboxOf(filter),
    queryFn: ({ pageParam }) => mailApi.mailbox(pageParam, filter, PAGE_SIZE),
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
        <p>{t('list.envelopesNote')}</p>
        <p>{t('list.keptNote')}</p>
      </Alert>
      <MailboxFilters
        key={JSON.stringify(filter)}
        filter={filter}
        onApply={(f) => {
          setNotice(null);
          setFilter(f);
        }}
      />
      {notice ? (
        <Alert kind={notice.kind} focus>
          <p>{notice.text}</p>
        </Alert>
      ) : null}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : mails.length === 0 ? (
        <p className="empty">{t(filter.status || filter.kind ? 'list.noneMatch' : 'list.empty')}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {list.hasNextPage
              ? t('list.showingMore', { count: mails.length })
              : t('list.showing', { count: mails.length })}
          </p>
          <MailTable mails={mails} onNotice={setNotice} />
          <LoadMore list={list} label={t('list.loadMore')} />
        </>
      )}
    </Page>
  );
}

function MailboxFilters({
  filter,
  onApply,
}: {
  filter: MailboxFilter;
  onApply: (f: MailboxFilter) => void;
}) {
  const { t } = useTranslation('mailbox');
  const [draft, setDraft] = useState(filter);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const kinds = MAIL_KINDS.map((k) => ({ k, label: kindLabel(t, k) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
  return (
    <form className="mailbox__filters" onSubmit={submit} aria-label={t('filter.legend')}>
      <div className="field">
        <label htmlFor="mailbox-status">{t('filter.status')}</label>
        <select
          id="mailbox-status"
          value={draft.status ?? ''}
          onChange={(e) =>
            setDraft((d) => ({ ...d, status: (e.target.value || undefined) as MailStatus }))
          }
        >
          <option value="">{t('filter.allStatuses')}</option>
          {MAIL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(t, s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="mailbox-kind">{t('filter.kind')}</label>
        <select
          id="mailbox-kind"
          value={draft.kind ?? ''}
          onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value || undefined }))}
        >
          <option value="">{t('filter.allKinds')}</option>
          {kinds.map(({ k, label }) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="mailbox__filter-actions">
        <button type="submit" className="button">
          {t('filter.apply')}
        </button>
      </div>
    </form>
  );
}

function MailTable({
  mails,
  onNotice,
}: {
  mails: MailEnvelope[];
  onNotice: (n: { kind: 'success' | 'error'; text: string }) => void;
}) {
  const { t } = useTranslation('mailbox');
  const fmt = useFormat();
  const client = useQueryClient();
  const errorText = useErrorText();
  const sendAgain = useMutation({
    mutationFn: (m: MailEnvelope) => mailApi.sendAgain(m.id),
    onSuccess: async (_r, m) => {
      onNotice({ kind: 'success', text: t('sendAgain.done', { name: m.recipient.name }) });
      await client.invalidateQueries({ queryKey: mailKeys.mailbox });
    },
    onError: (err) => onNotice({ kind: 'error', text: errorText(err) }),
  });
  return (
    // Explicit roles: the phone layout restyles the table as blocks, which drops them.
    <table className="table table--stack mailbox" role="table">
      <caption className="visually-hidden">{t('list.caption')}</caption>
      <thead role="rowgroup">
        <tr role="row">
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
            {t('list.times')}
          </th>
          <th scope="col" role="columnheader">
            <span className="visually-hidden">{t('list.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {mails.map((m) => (
          <tr key={m.id} role="row" className="mailbox__row">
            <td role="cell" data-label={t('list.to')}>
              <span className="table__primary">{m.recipient.name}</span>
              <span className="table__sub">{m.recipient.email}</span>
            </td>
            <td role="cell" data-label={t('list.kind')}>
              {kindLabel(t, m.kind)}
              {m.hasCalendar ? (
                <span className="badge mailbox__ics" title={t('list.calendar')}>
                  .ics
                </span>
              ) : null}
            </td>
            <td role="cell" data-label={t('list.status')}>
              <StatusBadge status={m.status} />
              {m.attempts > 0 ? (
                <span className="table__sub">{t('list.attempts', { count: m.attempts })}</span>
              ) : null}
              {m.lastError && m.status !== 'sent' ? (
                <span className="table__sub mailbox__error">
                  {t('list.lastError', { error: m.lastError })}
                </span>
              ) : null}
            </td>
            <td role="cell" data-label={t('list.times')}>
              <span className="table__sub">
                {t('list.written')} <time dateTime={m.createdAt}>{fmt.dateTime(m.createdAt)}</time>
              </span>
              {m.sentAt ? (
                <span className="table__sub">
                  {t('list.sentAt')} <time dateTime={m.sentAt}>{fmt.dateTime(m.sentAt)}</time>
                </span>
              ) : m.nextAttemptAt ? (
                <span className="table__sub">
                  {t('list.nextAttempt')}{' '}
                  <time dateTime={m.nextAttemptAt}>{fmt.dateTime(m.nextAttemptAt)}</time>
                </span>
              ) : null}
              {m.resentAt ? (
                <span className="table__sub">
                  {t('list.resentAt')} <time dateTime={m.resentAt}>{fmt.dateTime(m.resentAt)}</time>
                </span>
              ) : null}
            </td>
            <td role="cell" data-label={t('list.actions')}>
              {m.status !== 'pending' ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={sendAgain.isPending}
                  onClick={() => sendAgain.mutate(m)}
                  aria-label={t('sendAgain.label', {
                    kind: kindLabel(t, m.kind),
                    name: m.recipient.name,
                  })}
                >
                  {t('sendAgain.button')}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
