import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../api';
import { LoadError, Loading } from '../components/feedback';
import { useTeam } from '../queries';
import { oneOnOneApi, oneOnOneKeys, type OverviewItem } from '../meetings/api';
import { firstName } from '../meetings/bits';
import { useMeetingFormat } from '../meetings/hooks';
import '../meetings/meetings.css';

/** Up to two initials for an avatar circle. */
function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/**
 * Today's meeting of a series, if it is still to be held: the next one when it is later today,
 * or the latest one when it began earlier today and has not been finished (the overview's
 * "next" only looks ahead of now).
 */
export function useTodaysMeeting(
  seriesId: string | null,
  next: { id: string; startsAt: string } | null,
) {
  const fmt = useMeetingFormat();
  const latest = useQuery({
    queryKey: seriesId ? oneOnOneKeys.lastMeeting(seriesId) : ['1on1', 'none'],
    queryFn: () => oneOnOneApi.seriesMeetings(seriesId!, 'past', null, 1),
    enabled: !!seriesId,
  });
  const last = latest.data?.items[0];
  if (last && (last.status === 'planned' || last.status === 'moved') && fmt.isToday(last.startsAt))
    return { id: last.id, startsAt: last.startsAt };
  if (next && fmt.isToday(next.startsAt)) return next;
  return null;
}

/** The manager's direct reports with the state of their 1:1s. */
export function TeamOverview() {
  const { t } = useTranslation('meetings');
  const team = useTeam();
  const overview = useQuery({ queryKey: oneOnOneKeys.overview, queryFn: oneOnOneApi.overview });
  if (team.isPending) return <Loading />;
  if (team.error) return <LoadError error={team.error} retry={() => void team.refetch()} />;
  const items = team.data.items;
  const rows = new Map((overview.data?.items ?? []).map((r) => [r.person.id, r]));
  const flagged = overview.data?.items.filter((r) => r.tooLongSinceLastHeld).length ?? 0;
  return (
    <section aria-labelledby="team-heading" className="team">
      <h2 id="team-heading">{t('home:team.heading', { count: items.length })}</h2>
      {overview.error ? (
        <LoadError error={overview.error} retry={() => void overview.refetch()} />
      ) : null}
      {flagged > 0 ? (
        <p className="team__flagged">{t('overview.flaggedSummary', { count: flagged })}</p>
      ) : null}
      {items.length === 0 ? (
        <p className="muted">{t('home:team.empty')}</p>
      ) : (
        <ul className="person-cards">
          {items.map((p) => (
            <ReportCard key={p.id} person={p} row={rows.get(p.id)} loading={overview.isPending} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReportCard({
  person,
  row,
  loading,
}: {
  person: Person;
  row: OverviewItem | undefined;
  loading: boolean;
}) {
  const { t } = useTranslation('meetings');
  const fmt = useMeetingFormat();
  const today = useTodaysMeeting(row?.seriesId ?? null, row?.nextMeeting ?? null);
  const flag = row?.tooLongSinceLastHeld ?? false;
  // A meeting finished ahead of its planned day counts from that day: no "-2 days ago".
  const lastHeldText = (date: string, days: number | null) =>
    days !== null && days >= 0 ? `${date} · ${t('oneOnOne:daysSince', { days })}` : date;
  const name = firstName(person.name);
  return (
    <li className={flag ? 'person-card report-card report-card--flag' : 'person-card report-card'}>
      <span className="avatar" aria-hidden="true">
        {initials(person.name)}
      </span>
      <div className="report-card__body">
        <p className="person-card__name">{person.name}</p>
        <p className="person-card__meta">{person.jobTitle ?? t('home:team.noTitle')}</p>
        <p className="person-card__meta muted">
          {person.departmentName ?? t('home:team.noDepartment')}
        </p>
        {loading ? null : row?.seriesId ? (
          <>
            <dl className="report-card__facts">
              <div>
                <dt>{t('overview.next')}</dt>
                <dd>
                  {row.nextMeeting ? (
                    <>
                      <Link to={`/one-on-ones/meetings/${row.nextMeeting.id}`}>
                        {t('when.dateTime', {
                          date: fmt.shortDate(row.nextMeeting.startsAt),
                          time: fmt.time(row.nextMeeting.startsAt),
                        })}
                      </Link>{' '}
                      <span className="muted">({fmt.relative(row.nextMeeting.startsAt)})</span>
                    </>
                  ) : (
                    t('overview.noNext')
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('overview.lastHeld')}</dt>
                <dd>
                  {row.lastHeld
                    ? lastHeldText(fmt.shortDate(row.lastHeld.startsAt), row.daysSinceLastHeld)
                    : t('overview.notYet')}
                </dd>
              </div>
              <div>
                <dt>{t('overview.actions')}</dt>
                <dd>
                  {t('overview.openActions', { count: row.openActions })}
                  {row.overdueActions > 0 ? (
                    <span className="badge badge--danger">
                      {t('overview.overdueActions', { count: row.overdueActions })}
                    </span>
                  ) : null}
                </dd>
              </div>
            </dl>
            {flag ? (
              <p className="report-card__flag">
                <span aria-hidden="true">⚠ </span>
                {row.daysSinceLastHeld !== null
                  ? t('overview.tooLong', { days: row.daysSinceLastHeld, name })
                  : t('overview.tooLongNone', { name })}
              </p>
            ) : null}
            <p className="report-card__actions">
              {today ? (
                <Link
                  className="button button--small"
                  to={`/one-on-ones/meetings/${today.id}`}
                  state={{ start: true }}
                  aria-label={t('overview.startFor', { name: person.name })}
                >
                  {t('overview.start')}
                </Link>
              ) : null}
              <Link
                className="button button--small button--secondary"
                to={`/one-on-ones/series/${row.seriesId}`}
                aria-label={t('overview.seriesFor', { name: person.name })}
              >
                {t('overview.series')}
              </Link>
            </p>
          </>
        ) : row ? (
          <>
            <p className="report-card__none">{t('overview.noSeries')}</p>
            <p className="report-card__actions">
              <Link
                className="button button--small"
                to={`/one-on-ones/book/${person.id}`}
                aria-label={t('overview.bookFor', { name: person.name })}
              >
                {t('overview.book')}
              </Link>
            </p>
          </>
        ) : null}
        {row?.developmentConversationDue ? (
          <p className="report-card__annual">
            {row.lastDevelopmentSignedAt
              ? t('overview.annualDue', {
                  name,
                  date: fmt.shortDate(row.lastDevelopmentSignedAt),
                })
              : t('overview.annualNever', { name })}{' '}
            {/* Seed 004: no need to wait for HR's round. */}
            <Link
              to={`/conversations?book=${encodeURIComponent(person.id)}`}
              aria-label={t('overview.bookDevelopmentFor', { name: person.name })}
            >
              {t('overview.bookDevelopment')}
            </Link>
          </p>
        ) : null}
      </div>
    </li>
  );
}
