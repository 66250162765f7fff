import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { Page } from '../components/page';
import { useMe } from '../session';
import { oneOnOneApi, oneOnOneKeys, type Minutes } from '../meetings/api';
import { useMeetingFormat } from '../meetings/hooks';
import '../meetings/meetings.css';

type MinutesAction = Minutes['content']['actions'][number];

/** The decision minutes of a held meeting: what was said, decided and agreed, and what is next. */
export function MinutesPage() {
  const { t } = useTranslation('meetings');
  const { id = '' } = useParams();
  const location = useLocation();
  const { data: me } = useMe();
  const fmt = useMeetingFormat();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const minutes = useQuery({
    queryKey: oneOnOneKeys.minutes(id),
    queryFn: () => oneOnOneApi.minutes(id),
  });
  if (minutes.isPending || !me) return <Loading />;
  if (minutes.error)
    return <LoadError error={minutes.error} retry={() => void minutes.refetch()} />;
  const m = minutes.data;
  const c = m.content;
  const isEmployee = me.id === c.employee.id;
  const zoneNote = c.timeZone !== fmt.timeZone ? ` (${c.timeZone.replace(/_/g, ' ')})` : '';
  return (
    <Page
      title={t('minutes.title')}
      intro={t('minutes.intro', {
        employee: c.employee.name,
        manager: c.manager.name,
        date: fmt.plainLong(c.date),
        time: fmt.clock(c.time) + zoneNote,
      })}
      actions={
        <button
          type="button"
          className="button button--secondary no-print"
          onClick={() => window.print()}
        >
          {t('minutes.print')}
        </button>
      }
    >
      {flash === 'finished' ? (
        <div className="no-print">
          <Alert kind="success" focus>
            <p>{t('minutes.finished', { name: c.employee.name })}</p>
          </Alert>
        </div>
      ) : null}
      <Acknowledgement minutes={m} isEmployee={isEmployee} />
      <article className="minutes">
        <section aria-labelledby="minutes-topics">
          <h2 id="minutes-topics">{t('minutes.topics')}</h2>
          {c.topics.length === 0 ? <p className="muted">{t('minutes.noTopics')}</p> : null}
          {c.topics.map((topic) => (
            <section key={topic.pointId} className="minutes__topic" aria-label={topic.title}>
              <h3>{topic.title}</h3>
              {topic.notes ? <p className="minutes__notes">{topic.notes}</p> : null}
              {topic.decision ? (
                <p className="minutes__decision">
                  <strong>{t('note.decision')}:</strong> {topic.decision}
                </p>
              ) : null}
              {topic.actions.length ? (
                <ul className="minutes__topic-actions">
                  {topic.actions.map((a) => (
                    <li key={a.id}>
                      <strong>{t('action.title')}:</strong> {a.title} –{' '}
                      {a.dueDate
                        ? t('minutes.ownerDue', {
                            name: a.ownerName,
                            date: fmt.plainShort(a.dueDate),
                          })
                        : a.ownerName}
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          ))}
        </section>
        {c.decisions.length ? (
          <section aria-labelledby="minutes-decisions">
            <h2 id="minutes-decisions">{t('minutes.decisions')}</h2>
            <ul>
              {c.decisions.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="minutes-actions">
          <h2 id="minutes-actions">{t('minutes.actions')}</h2>
          {c.actions.length ? (
            <ActionTable actions={c.actions} />
          ) : (
            <p className="muted">{t('minutes.noActions')}</p>
          )}
        </section>
        {c.followUp.length ? (
          <section aria-labelledby="minutes-follow-up">
            <h2 id="minutes-follow-up">{t('minutes.followUp')}</h2>
            <ActionTable actions={c.followUp} withState />
          </section>
        ) : null}
        <section aria-labelledby="minutes-next">
          <h2 id="minutes-next">{t('minutes.next')}</h2>
          <p>
            {c.nextMeeting
              ? t('when.dateTime', {
                  date: fmt.plainLong(c.nextMeeting.date),
                  time: fmt.clock(c.nextMeeting.time),
                })
              : t('minutes.noNext')}
          </p>
        </section>
      </article>
      <p className="no-print minutes__links">
        <Link to={`/one-on-ones/meetings/${m.meetingId}`}>{t('minutes.backToMeeting')}</Link>
        {' · '}
        <Link to={`/one-on-ones/series/${m.seriesId}`}>{t('meeting.seriesLink')}</Link>
        {!isEmployee ? (
          <>
            {' · '}
            <Link to={`/one-on-ones/meetings/${m.meetingId}/reflection`}>
              {t('minutes.reflect')}
            </Link>
          </>
        ) : null}
      </p>
    </Page>
  );
}

function Acknowledgement({ minutes: m, isEmployee }: { minutes: Minutes; isEmployee: boolean }) {
  const { t } = useTranslation('meetings');
  const client = useQueryClient();
  const errorText = useErrorText();
  const fmt = useMeetingFormat();
  const ack = useMutation({
    mutationFn: () => oneOnOneApi.acknowledge(m.meetingId),
    onSuccess: async (fresh) => {
      client.setQueryData(oneOnOneKeys.minutes(m.meetingId), fresh);
      await client.invalidateQueries({ queryKey: oneOnOneKeys.mine });
    },
  });
  if (m.acknowledgedAt)
    return (
      <p className="ack ack--done" role="status">
        {isEmployee
          ? t('minutes.youAcknowledged', { date: fmt.date(m.acknowledgedAt) })
          : t('minutes.acknowledged', {
              name: m.content.employee.name,
              date: fmt.date(m.acknowledgedAt),
            })}
      </p>
    );
  if (!isEmployee)
    return <p className="ack">{t('minutes.notAcknowledged', { name: m.content.employee.name })}</p>;
  return (
    <div className="ack ack--ask no-print">
      <p>{t('minutes.askAcknowledge')}</p>
      {ack.error ? <p className="field__error">{errorText(ack.error)}</p> : null}
      <button
        type="button"
        className="button"
        disabled={ack.isPending}
        onClick={() => ack.mutate()}
      >
        {t('minutes.acknowledge')}
      </button>
    </div>
  );
}

function ActionTable({
  actions,
  withState = false,
}: {
  actions: (MinutesAction & { done?: boolean })[];
  withState?: boolean;
}) {
  const { t } = useTranslation('meetings');
  const fmt = useMeetingFormat();
  return (
    <table className="table table--compact table--stack minutes__actions">
      <thead>
        <tr>
          <th scope="col">{t('action.title')}</th>
          <th scope="col">{t('action.ownerLabel')}</th>
          <th scope="col">{t('minutes.due')}</th>
          {withState ? <th scope="col">{t('minutes.state')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => (
          <tr key={a.id}>
            <td className="table__primary">{a.title}</td>
            <td data-label={t('action.ownerLabel')}>{a.ownerName}</td>
            <td data-label={t('minutes.due')}>{a.dueDate ? fmt.plainShort(a.dueDate) : '–'}</td>
            {withState ? (
              <td data-label={t('minutes.state')}>
                {a.done ? t('minutes.done') : t('minutes.open')}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
