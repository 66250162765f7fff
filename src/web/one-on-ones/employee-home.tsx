import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, Loading } from '../components/feedback';
import { useMe } from '../session';
import { oneOnOneApi, oneOnOneKeys, type Minutes, type MyAction } from '../meetings/api';
import { PlaceText, When } from '../meetings/bits';
import { useMeetingFormat } from '../meetings/hooks';
import { MyActionRow } from './my-actions-page';
import { useTodaysMeeting } from './team-overview';
import '../meetings/meetings.css';

/** The employee's side of their 1:1s: the next one, their actions, and past minutes. */
export function EmployeeOneOnOnes({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation('meetings');
  const mine = useQuery({ queryKey: oneOnOneKeys.mine, queryFn: oneOnOneApi.mine });
  const series = mine.data?.series ?? null;
  const nextAt = mine.data?.nextMeeting
    ? { id: mine.data.nextMeeting.id, startsAt: mine.data.nextMeeting.startsAt }
    : null;
  const today = useTodaysMeeting(series?.id ?? null, nextAt);
  if (mine.isPending) return <Loading />;
  if (mine.error) return <LoadError error={mine.error} retry={() => void mine.refetch()} />;
  const { nextMeeting, actions, minutes } = mine.data;
  // A 1:1 that began earlier today and is not finished is still the one to prepare for.
  const nextId = today?.id ?? nextMeeting?.id;
  const nextStarts = today?.startsAt ?? nextMeeting?.startsAt;
  if (compact && !series) return null;
  return (
    <>
      <section className="card card--accent" aria-labelledby="one-on-ones">
        <h2 id="one-on-ones">
          {compact ? t('employeeHome.ownTitle') : t('home:employee.oneOnOnes.title')}
        </h2>
        {!series ? (
          <p>{t('employeeHome.noSeries')}</p>
        ) : nextId && nextStarts ? (
          <>
            <p className="next-up">
              <span className="next-up__label">
                {t('employeeHome.next', { name: series.manager.name })}
              </span>
              <span className="next-up__when">
                <When at={nextStarts} />
              </span>
              {nextMeeting ? (
                <span className="muted small">
                  <PlaceText place={nextMeeting.place} />
                </span>
              ) : null}
            </p>
            <p>{t('employeeHome.prompt')}</p>
            <p className="report-card__actions">
              <Link className="button" to={`/one-on-ones/meetings/${nextId}`}>
                {t('employeeHome.addTopics')}
              </Link>
              <Link className="button button--secondary" to={`/one-on-ones/series/${series.id}`}>
                {t('employeeHome.allMeetings')}
              </Link>
            </p>
          </>
        ) : (
          <p>{t('employeeHome.noNext')}</p>
        )}
      </section>
      {compact ? null : (
        <>
          <section className="card" aria-labelledby="my-actions">
            <h2 id="my-actions">{t('myActions.title')}</h2>
            {actions.length === 0 ? (
              <p className="muted">{t('myActions.openEmpty')}</p>
            ) : (
              <ul className="actions">
                {actions.slice(0, 5).map((a) => (
                  <MyActionRowForMe key={a.id} action={a} />
                ))}
              </ul>
            )}
            <p>
              <Link to="/actions">{t('employeeHome.allActions')}</Link>
            </p>
          </section>
          <PastMinutes minutes={minutes} />
        </>
      )}
    </>
  );
}

function MyActionRowForMe({ action }: { action: MyAction }) {
  const { data: me } = useMe();
  return <MyActionRow action={action} myName={me?.name ?? ''} />;
}

function PastMinutes({ minutes }: { minutes: Minutes[] }) {
  const { t } = useTranslation('meetings');
  const fmt = useMeetingFormat();
  return (
    <section className="card" aria-labelledby="past-minutes">
      <h2 id="past-minutes">{t('employeeHome.minutes')}</h2>
      {minutes.length === 0 ? (
        <p className="muted">{t('employeeHome.noMinutes')}</p>
      ) : (
        <ul className="minutes-list">
          {minutes.map((m) => (
            <li key={m.meetingId} className="minutes-list__item">
              <Link to={`/one-on-ones/meetings/${m.meetingId}/minutes`}>
                {t('employeeHome.minutesItem', {
                  date: fmt.plainShort(m.content.date),
                  name: m.content.manager.name,
                })}
              </Link>
              {m.acknowledgedAt ? (
                <span className="badge badge--accent">{t('employeeHome.acknowledged')}</span>
              ) : (
                <span className="badge badge--warn">{t('employeeHome.toAcknowledge')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
