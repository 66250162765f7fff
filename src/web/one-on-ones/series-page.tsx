import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert, LoadError, Loading } from '../components/feedback';
import { Page } from '../components/page';
import { oneOnOneApi, oneOnOneKeys, type Meeting, type Series } from '../meetings/api';
import { PlaceText, StatusBadge } from '../meetings/bits';
import { pickText, useMeetingFormat, useNow, useRuleText, useTemplates } from '../meetings/hooks';
import { CancelMeetingDialog, EndSeriesDialog, MoveMeetingDialog } from './schedule-dialogs';
import '../meetings/meetings.css';
import { LoadMore } from '../components/load-more';

/** A series: its rule, the meetings ahead, and the full history, moved and cancelled included. */
export function SeriesPage() {
  const { t, i18n } = useTranslation('meetings');
  const { id = '' } = useParams();
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const rule = useRuleText();
  const fmt = useMeetingFormat();
  const templates = useTemplates();
  const [ending, setEnding] = useState(false);
  const series = useQuery({
    queryKey: oneOnOneKeys.series(id),
    queryFn: () => oneOnOneApi.series(id),
  });
  if (series.isPending) return <Loading />;
  if (series.error) return <LoadError error={series.error} retry={() => void series.refetch()} />;
  const s = series.data;
  const manager = s.myRole === 'manager';
  const other = manager ? s.employee : s.manager;
  const template = templates.data?.items.find((x) => x.ref === s.template);
  return (
    <Page
      title={t('series.title', { name: other.name })}
      intro={rule(s)}
      actions={
        s.can.manage && !s.endedAt ? (
          <>
            <Link className="button button--secondary" to={`/one-on-ones/series/${s.id}/edit`}>
              {t('series.edit')}
            </Link>
            <button
              type="button"
              className="button button--danger-outline"
              onClick={() => setEnding(true)}
            >
              {t('series.end')}
            </button>
          </>
        ) : null
      }
    >
      {flash === 'booked' || flash === 'updated' ? (
        <Alert kind="success" focus>
          <p>{t(`series.flash.${flash}`)}</p>
        </Alert>
      ) : null}
      {s.endedAt ? (
        <Alert kind="info">
          <p>
            {t('series.ended', { date: fmt.longDate(s.endedAt) })}{' '}
            {/* Ended by the manager: the reason is on each cancelled meeting below. */}
            {s.endReason && s.endReason !== 'series_ended' ? (
              <ReasonText code={s.endReason} />
            ) : null}
          </p>
        </Alert>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('series.length')}</dt>
          <dd>{t('oneOnOne:duration', { minutes: s.durationMinutes })}</dd>
        </div>
        <div>
          <dt>{t('series.place')}</dt>
          <dd>
            <PlaceText place={s.place} />
          </dd>
        </div>
        <div>
          <dt>{t('series.timeZone')}</dt>
          <dd>{s.timeZone.replace(/_/g, ' ')}</dd>
        </div>
        <div>
          <dt>{t('series.agenda')}</dt>
          <dd>{template ? pickText(template.name, i18n.language) : '–'}</dd>
        </div>
        <div>
          <dt>{t('series.plannedUntil')}</dt>
          <dd>{fmt.plainShort(s.plannedUntil)}</dd>
        </div>
      </dl>
      <div className="two-columns">
        <MeetingList series={s} when="upcoming" />
        <MeetingList series={s} when="past" />
      </div>
      {s.can.reflect ? (
        <p className="section">
          <Link to="/one-on-ones/reflections">{t('series.reflections')}</Link>
        </p>
      ) : null}
      {ending ? <EndSeriesDialog series={s} onClose={() => setEnding(false)} /> : null}
    </Page>
  );
}

/** A reason the system wrote as a code, or the person's own words. */
export function ReasonText({ code }: { code: string }) {
  const { t, i18n } = useTranslation('meetings');
  const key = `oneOnOne:reason.${code}`;
  return <>{/^[a-z_]+$/.test(code) && i18n.exists(key) ? t(key) : code}</>;
}

function MeetingList({ series, when }: { series: Series; when: 'upcoming' | 'past' }) {
  const { t } = useTranslation('meetings');
  const list = useInfiniteQuery({
    queryKey: oneOnOneKeys.seriesMeetings(series.id, when),
    queryFn: ({ pageParam }) =>
      oneOnOneApi.seriesMeetings(series.id, when, pageParam, when === 'upcoming' ? 6 : 10),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const headingId = `meetings-${when}`;
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t(`series.${when}`)}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{t(`series.${when}Empty`)}</p>
      ) : (
        <ul className="meeting-list">
          {items.map((m) => (
            <MeetingRow key={m.id} meeting={m} series={series} />
          ))}
        </ul>
      )}
      <LoadMore list={list} label={t('series.more')} />
    </section>
  );
}

function MeetingRow({ meeting: m, series }: { meeting: Meeting; series: Series }) {
  const { t } = useTranslation('meetings');
  const fmt = useMeetingFormat();
  const [dialog, setDialog] = useState<'move' | 'cancel' | null>(null);
  const open = m.status === 'planned' || m.status === 'moved';
  const canSchedule = series.can.schedule && open && !series.endedAt;
  const now = useNow();
  const when = t('when.dateTime', { date: fmt.longDate(m.startsAt), time: fmt.time(m.startsAt) });
  return (
    <li className={`meeting-row meeting-row--${m.status}`}>
      <div className="meeting-row__main">
        <p className="meeting-row__when">
          {m.status === 'cancelled' ? (
            <time className="meeting-row__date" dateTime={m.startsAt}>
              {when}
            </time>
          ) : (
            <Link to={`/one-on-ones/meetings/${m.id}`} className="meeting-row__date">
              <time dateTime={m.startsAt}>{when}</time>
            </Link>
          )}
          <span className="muted small">{fmt.relative(m.startsAt)}</span>
          {m.status === 'planned' && Date.parse(m.endsAt) > now ? null : (
            <StatusBadge meeting={m} />
          )}
        </p>
        {m.status === 'moved' && m.originalStartsAt ? (
          <p className="small muted">
            {t('series.movedFrom', {
              date: fmt.shortDate(m.originalStartsAt),
              time: fmt.time(m.originalStartsAt),
            })}
          </p>
        ) : null}
        {m.statusReason || m.statusReasonCode ? (
          <p className="small meeting-row__reason">
            <span className="muted">{t('series.reason')}</span>{' '}
            {m.statusReason ?? <ReasonText code={m.statusReasonCode!} />}
          </p>
        ) : null}
      </div>
      <div className="meeting-row__actions">
        {m.hasMinutes ? (
          <Link
            className="button button--small button--secondary"
            aria-label={t('series.minutesOf', { date: fmt.shortDate(m.startsAt) })}
            to={`/one-on-ones/meetings/${m.id}/minutes`}
          >
            {t('series.minutes')}
          </Link>
        ) : null}
        {canSchedule ? (
          <>
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={t('schedule.moveOne', { date: fmt.shortDate(m.startsAt) })}
              onClick={() => setDialog('move')}
            >
              {t('schedule.move')}
            </button>
            <button
              type="button"
              className="button button--small button--ghost button--danger-text"
              aria-label={t('schedule.cancelOne', { date: fmt.shortDate(m.startsAt) })}
              onClick={() => setDialog('cancel')}
            >
              {t('schedule.cancel')}
            </button>
          </>
        ) : null}
      </div>
      {dialog === 'move' ? <MoveMeetingDialog meeting={m} onClose={() => setDialog(null)} /> : null}
      {dialog === 'cancel' ? (
        <CancelMeetingDialog meeting={m} onClose={() => setDialog(null)} />
      ) : null}
    </li>
  );
}
