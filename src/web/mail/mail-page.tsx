import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, Loading } from '../components/feedback';
import { NoAccess } from '../components/no-access';
import { Page } from '../components/page';
import { useFormat, useMe } from '../session';
import { isAdmin, mailApi, mailKeys, type Mail } from './api';
import { CalendarAttachment } from './calendar-attachment';
import { kindLabel } from './labels';
import { StatusBadge } from './status-badge';
import './mail.css';

/** One mail as the admin sees it: headers, the HTML (sandboxed), the text and any .ics. */
export function MailPage() {
  const { data: me } = useMe();
  return isAdmin(me) ? <MailView /> : <NoAccess />;
}

function MailView() {
  const { t } = useTranslation('mailbox');
  const { id = '' } = useParams();
  const mail = useQuery({ queryKey: mailKeys.mail(id), queryFn: () => mailApi.mail(id) });
  const back = (
    <p>
      <Link to="/admin/mailbox">{t('mail.back')}</Link>
    </p>
  );
  if (mail.isPending) return <Loading />;
  if (mail.error)
    return (
      <Page title={t('mail.title')}>
        <LoadError error={mail.error} retry={() => void mail.refetch()} />
        {back}
      </Page>
    );
  const m = mail.data;
  return (
    <Page title={<span lang={m.locale}>{m.subject}</span>}>
      {back}
      <Headers mail={m} />
      <section className="card section" aria-labelledby="mail-html-heading">
        <h2 id="mail-html-heading">{t('mail.looks')}</h2>
        {/* sandbox="" : no scripts, no forms, no navigation, no access to this page. */}
        <iframe
          className="mail__frame"
          title={t('mail.frameTitle')}
          sandbox=""
          srcDoc={m.html}
          referrerPolicy="no-referrer"
        />
      </section>
      <section className="card section" aria-labelledby="mail-text-heading">
        <h2 id="mail-text-heading">{t('mail.text')}</h2>
        <pre className="mail__text" lang={m.locale}>
          {m.text}
        </pre>
      </section>
      {m.calendar ? <CalendarAttachment ics={m.calendar} method={m.calendarMethod} /> : null}
    </Page>
  );
}

function Headers({ mail: m }: { mail: Mail }) {
  const { t } = useTranslation('mailbox');
  const fmt = useFormat();
  return (
    <dl className="card section details mail__headers">
      <div className="details__row">
        <dt>{t('mail.to')}</dt>
        <dd>
          {m.to.name} &lt;{m.to.email}&gt;
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('mail.kind')}</dt>
        <dd>{kindLabel(t, m.kind)}</dd>
      </div>
      <div className="details__row">
        <dt>{t('mail.status')}</dt>
        <dd>
          <StatusBadge status={m.status} />{' '}
          <span className="muted small">{t(`statusHint.${m.status}`, { defaultValue: '' })}</span>
          {m.lastError ? (
            <span className="mailbox__error small">
              {' '}
              {t('list.lastError', { error: m.lastError })} ·{' '}
              {t('list.attempts', { count: m.attempts })}
            </span>
          ) : null}
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('mail.written')}</dt>
        <dd>
          <time dateTime={m.createdAt}>{fmt.dateTime(m.createdAt)}</time>
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('mail.sent')}</dt>
        <dd>
          {m.sentAt ? <time dateTime={m.sentAt}>{fmt.dateTime(m.sentAt)}</time> : t('mail.notSent')}
        </dd>
      </div>
    </dl>
  );
}
