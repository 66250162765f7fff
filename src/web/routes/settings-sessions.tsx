import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Session } from '../api';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { keys } from '../queries';
import { ME_KEY, useFormat } from '../session';

/** A short description of a browser from its user agent, e.g. "Chrome on Windows". */
function describeAgent(ua: string | null): { browser: string | null; os: string | null } {
  if (!ua) return { browser: null, os: null };
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const os = /iPhone|iPad/.test(ua)
    ? 'iOS'
    : /Android/.test(ua)
      ? 'Android'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return { browser, os };
}

/** The browsers the person is signed in with, each with its own sign-out. */
export function Sessions() {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const fmt = useFormat();
  const errorText = useErrorText();
  const sessions = useQuery({ queryKey: keys.sessions, queryFn: api.sessions });
  const [message, setMessage] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (s: Session) => api.revokeSession(s.id),
    onSuccess: async (_r, s) => {
      if (s.current) {
        client.clear();
        client.setQueryData(ME_KEY, null);
        return;
      }
      setMessage(t('sessions.signedOut'));
      await client.invalidateQueries({ queryKey: keys.sessions });
    },
  });

  const label = (s: Session) => {
    const { browser, os } = describeAgent(s.userAgent);
    if (browser && os) return t('sessions.browserOn', { browser, os });
    return browser ?? os ?? t('sessions.unknownDevice');
  };

  return (
    <section className="card section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('sessions.title')}</h2>
      <p className="muted">{t('sessions.intro')}</p>
      <p role="status" className="status">
        {message ?? ''}
      </p>
      {revoke.error ? (
        <Alert focus>
          <p>{errorText(revoke.error)}</p>
        </Alert>
      ) : null}
      {sessions.isPending ? (
        <Loading />
      ) : sessions.error ? (
        <LoadError error={sessions.error} retry={() => void sessions.refetch()} />
      ) : (
        <ul className="sessions">
          {sessions.data.items.map((s) => (
            <li key={s.id} className="sessions__item">
              <div>
                <p className="sessions__device">
                  {label(s)}
                  {s.current ? (
                    <span className="badge badge--accent">{t('sessions.current')}</span>
                  ) : null}
                </p>
                <p className="muted small">
                  {t('sessions.details', {
                    lastSeen: fmt.dateTime(s.lastSeenAt),
                    created: fmt.dateTime(s.createdAt),
                  })}
                  {s.ipAddress ? ` · ${s.ipAddress}` : ''}
                </p>
              </div>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  setMessage(null);
                  revoke.mutate(s);
                }}
                disabled={revoke.isPending}
                aria-label={t('sessions.signOutOne', { device: label(s) })}
              >
                {t('sessions.signOut')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
