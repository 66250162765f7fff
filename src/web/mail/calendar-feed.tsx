import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { useFormat } from '../session';
import { mailApi, mailKeys, type CalendarFeedAddress } from './api';
import './mail.css';

/** Settings → Calendar subscription: make or replace the secret .ics address. */
export function CalendarFeed() {
  const { t } = useTranslation('mailbox');
  const client = useQueryClient();
  const fmt = useFormat();
  const errorText = useErrorText();
  const status = useQuery({ queryKey: mailKeys.feed, queryFn: mailApi.feed });
  const [fresh, setFresh] = useState<CalendarFeedAddress | null>(null);
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation({
    mutationFn: mailApi.rotateFeed,
    onSuccess: async (address) => {
      setConfirming(false);
      setFresh(address);
      await client.invalidateQueries({ queryKey: mailKeys.feed });
    },
    onError: () => setConfirming(false),
  });

  return (
    <section className="card section" aria-labelledby="feed-heading">
      <h2 id="feed-heading">{t('feed.title')}</h2>
      <p className="muted">{t('feed.intro')}</p>
      {status.isPending ? (
        <Loading />
      ) : status.error ? (
        <LoadError error={status.error} retry={() => void status.refetch()} />
      ) : (
        <>
          <p>
            {status.data.active && status.data.createdAt
              ? t('feed.active', { date: fmt.dateTime(status.data.createdAt) })
              : t('feed.none')}
          </p>
          {fresh ? <NewAddress address={fresh} /> : null}
          {rotate.error ? (
            <Alert>
              <p>{errorText(rotate.error)}</p>
            </Alert>
          ) : null}
          {status.data.active ? (
            <>
              <p className="field__hint">{t('feed.replaceWarning')}</p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setConfirming(true)}
                disabled={rotate.isPending}
              >
                {t('feed.replace')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => rotate.mutate()}
              disabled={rotate.isPending}
            >
              {t('feed.create')}
            </button>
          )}
          <ConfirmDialog
            open={confirming}
            title={t('feed.replace')}
            confirmLabel={t('feed.replace')}
            danger
            busy={rotate.isPending}
            onConfirm={() => rotate.mutate()}
            onCancel={() => setConfirming(false)}
          >
            <p>{t('feed.confirm')}</p>
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}

/** The two forms of the new address, shown once, each with a copy button. */
function NewAddress({ address }: { address: CalendarFeedAddress }) {
  const { t } = useTranslation('mailbox');
  return (
    <Alert kind="success" focus>
      <p>
        <strong>{t('feed.created')}</strong> {t('feed.shownOnce')}
      </p>
      <div className="feed__urls">
        <CopyField
          id="feed-url"
          label={t('feed.url')}
          hint={t('feed.urlHint')}
          value={address.url}
        />
        <CopyField
          id="feed-webcal"
          label={t('feed.webcal')}
          hint={t('feed.webcalHint')}
          value={address.webcal}
        />
      </div>
      <p>
        <a className="button button--secondary" href={address.webcal}>
          {t('feed.open')}
        </a>
      </p>
      <p className="small">{t('feed.secretWarning')}</p>
    </Alert>
  );
}

function CopyField({
  id,
  label,
  hint,
  value,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
}) {
  const { t } = useTranslation('mailbox');
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // No clipboard permission: select the text so the person can copy it themselves.
      input.current?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div className="copy__row">
        <input
          ref={input}
          id={id}
          type="text"
          readOnly
          value={value}
          aria-describedby={`${id}-hint`}
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          className="button"
          aria-label={t('feed.copyLabel', { what: label })}
          onClick={() => void copy()}
        >
          {t('feed.copy')}
        </button>
      </div>
      <p role="status" className="status">
        {copied ? t('feed.copied') : ''}
      </p>
    </div>
  );
}
