import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, Loading } from '../components/feedback';
import { Page } from '../components/page';
import { useFormat } from '../session';
import { mailApi, mailKeys, type OwnMail } from './api';
import { CalendarAttachment } from './calendar-attachment';
import { kindLabel } from './labels';
import { StatusBadge } from './status-badge';
import './mail.css';

/**
 * One of the signed-in person's own mails, as it was sent and in the language it was sent in:
 * headers, the HTML (sandboxed), the text and any .ics. Only its recipient gets here; anyone
 * else's mail is "not found" (decision 025).
 */
export function MailPage() {
  const { t } = useTranslation('mailbox');
  const { id = '' } = useParams();
  const mail = useQuery({ queryKey: mailKeys.ownMail(id), queryFn: () => mailApi.ownMail(id) });
  const back = (
    <p>
      <Link to="/mail">{t('mail.back')}</Link>
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

function Headers({ mail: m }: { mail: OwnMail }) {
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
          <span className="muted small">{t(`ownHint.${m.status}`, { defaultValue: '' })}</span>
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
