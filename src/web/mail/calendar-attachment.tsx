import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { wallTime } from '../format';
import { useFormat } from '../session';
import { summariseIcs, type IcsEventSummary, type IcsTime } from './ics';

const METHODS = new Set(['REQUEST', 'CANCEL', 'PUBLISH']);

/** A mail's .ics in words (method, meetings, repetition, people), with the file itself below. */
export function CalendarAttachment({ ics, method }: { ics: string; method: string | null }) {
  const { t } = useTranslation('mailbox');
  const summary = useMemo(() => summariseIcs(ics), [ics]);
  const m = method ?? summary.method ?? '';
  return (
    <section className="card section" aria-labelledby="mail-ics-heading">
      <h2 id="mail-ics-heading">{t('mail.calendar')}</h2>
      <p>
        <span className="badge badge--accent mail__method">{t('mail.method', { method: m })}</span>{' '}
        {t(`mail.methodHint.${METHODS.has(m) ? m : 'other'}`)}
      </p>
      {summary.events.map((e, i) => (
        <EventFacts key={i} event={e} />
      ))}
      <details className="mail__raw">
        <summary>{t('mail.raw')}</summary>
        <pre className="code">{ics}</pre>
      </details>
    </section>
  );
}

/** A wall time as written in the file ("Tue 6 Jan 2026, 09:00 Europe/Copenhagen"). */
function useIcsTime() {
  const { i18n } = useTranslation();
  const fmt = useFormat();
  return (time: IcsTime, withTime = true) => {
    if (time.utc) return withTime ? fmt.dateTime(time.wall) : fmt.date(time.wall);
    const text = wallTime(time.wall, i18n.language, withTime);
    return time.timeZone ? `${text} (${time.timeZone.replace(/_/g, ' ')})` : text;
  };
}

function EventFacts({ event: e }: { event: IcsEventSummary }) {
  const { t } = useTranslation('mailbox');
  const when = useIcsTime();
  const minutes =
    e.start && e.end ? Math.round((e.end.wall.getTime() - e.start.wall.getTime()) / 60000) : null;
  const repeat = e.repeat
    ? 'freq' in e.repeat
      ? e.repeat.freq === 'WEEKLY'
        ? t('mail.weekly', { interval: e.repeat.interval })
        : t('mail.monthly')
      : e.repeat.raw
    : null;
  return (
    <dl className="details mail__event">
      {e.summary ? <Row label={t('mail.summary')}>{e.summary}</Row> : null}
      {e.recurrenceId ? (
        <Row label={t('mail.event')}>
          {t('mail.changesOccurrence', { date: when(e.recurrenceId) })}
        </Row>
      ) : null}
      {e.status === 'CANCELLED' ? (
        <Row label={t('mail.status')}>{t('mail.eventCancelled')}</Row>
      ) : null}
      {e.start ? (
        <Row label={e.repeat ? t('mail.starts') : t('mail.startsOne')}>
          {when(e.start)}
          {minutes && minutes > 0 ? ` · ${t('mail.duration', { minutes })}` : null}
        </Row>
      ) : null}
      {repeat ? (
        <Row label={t('mail.repeats')}>
          {repeat}
          {e.until ? ` ${t('mail.until', { date: when(e.until, false) })}` : null}
          {e.exdates ? ` · ${t('mail.skipped', { count: e.exdates })}` : null}
        </Row>
      ) : null}
      {e.location ? <Row label={t('mail.place')}>{e.location}</Row> : null}
      {e.organizer ? <Row label={t('mail.organizer')}>{e.organizer}</Row> : null}
      {e.attendees.length ? <Row label={t('mail.attendees')}>{e.attendees.join(', ')}</Row> : null}
    </dl>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
