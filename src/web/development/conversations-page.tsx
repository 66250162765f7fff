import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadError, Loading } from '../components/feedback';
import { Page } from '../components/page';
import { When } from '../meetings/bits';
import { useTeam } from '../queries';
import { conversationApi, conversationKeys, type ConversationItem } from './api';
import { useLocalDate } from './answers';
import { BookingDialog } from './booking-dialog';
import { SalaryFirstNote } from './salary-first-note';
import { StatusBadge } from './status-badge';
import './conversations.css';
import { LoadMore } from '../components/load-more';

/** The manager's conversations to book and hold (grouped by round) and the person's own. */
export function ConversationsPage() {
  const { t } = useTranslation('conversations');
  return (
    <Page title={t('title')} intro={t('intro')}>
      <ConversationList as="manager" />
      <ConversationList as="employee" />
    </Page>
  );
}

function groupsOf(items: ConversationItem[]) {
  const groups = new Map<string, { title: ConversationItem['round']; items: ConversationItem[] }>();
  for (const c of items) {
    const key = c.round?.id ?? '';
    const g = groups.get(key) ?? { title: c.round, items: [] };
    g.items.push(c);
    groups.set(key, g);
  }
  return [...groups.entries()];
}

function ConversationList({ as }: { as: 'manager' | 'employee' }) {
  const { t } = useTranslation('conversations');
  const [booking, setBooking] = useState<string | null>(null);
  const navigate = useNavigate();
  const localDate = useLocalDate();
  const list = useInfiniteQuery({
    queryKey: conversationKeys.list(as),
    queryFn: ({ pageParam }) => conversationApi.list(as, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const team = useTeam();
  const reports = (team.data?.items ?? []).filter((p) => p.active);
  // From the home's "book a development conversation": the dialog opens for that person.
  const [params, setParams] = useSearchParams();
  const bookFor = as === 'manager' ? params.get('book') : null;
  const [bookingOwn, setBookingOwn] = useState(false);
  const preselected = bookFor && reports.some((p) => p.id === bookFor) ? bookFor : null;
  const closeOwn = () => {
    setBookingOwn(false);
    if (bookFor) setParams({}, { replace: true });
  };
  const heading = as === 'manager' ? t('list.team') : t('list.mine');
  const headingId = `conv-${as}`;
  if (list.isPending) return <Loading />;
  if (!list.data) return <LoadError error={list.error} retry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  // A person without reports sees only their own conversations.
  if (as === 'manager' && items.length === 0 && reports.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="conv-group">
      <h2 id={headingId}>{heading}</h2>
      {as === 'manager' && reports.length > 0 ? (
        <p className="conv-own">
          <span className="muted">{t('own.intro')}</span>{' '}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setBookingOwn(true)}
          >
            {t('own.open')}
          </button>
        </p>
      ) : null}
      {items.length === 0 ? <p className="muted">{t('list.emptyMine')}</p> : null}
      {groupsOf(items).map(([key, g]) => (
        <div key={key || 'none'} className="card conv-group">
          <h3>
            {g.title ? g.title.name : t('list.noRound')}
            {g.title ? (
              <span className="muted small">
                {' '}
                · {t('list.deadline', { date: localDate(g.title.deadline) })}
              </span>
            ) : null}
          </h3>
          <ul className="conv-list">
            {g.items.map((c) => {
              const other = as === 'manager' ? c.employee : c.manager;
              return (
                <li key={c.id}>
                  <span className="conv-list__name">
                    <Link to={`/conversations/${c.id}`}>{other.name}</Link>
                  </span>
                  <span>{t(`kind.${c.kind}`)}</span>
                  <StatusBadge status={c.status} />
                  <span className="muted">
                    {c.booked ? <When at={c.booked.startsAt} /> : t('list.notBooked')}
                  </span>
                  {c.salaryFirst && (c.status === 'not_booked' || c.status === 'booked') ? (
                    <SalaryFirstNote order={c.salaryFirst} />
                  ) : null}
                  {as === 'manager' && c.status === 'not_booked' ? (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setBooking(c.id)}
                    >
                      {t('list.book')}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <LoadMore list={list} label={t('list.more')} />
      {booking ? <BookingDialog conversationId={booking} onClose={() => setBooking(null)} /> : null}
      {bookingOwn || preselected ? (
        <BookingDialog
          conversationId={null}
          own={{
            reports: reports.map((p) => ({ id: p.id, name: p.name })),
            employeeId: preselected,
          }}
          onClose={closeOwn}
          onDone={(page) => void navigate(`/conversations/${page.id}`)}
        />
      ) : null}
    </section>
  );
}
