import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../api';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Alert, useErrorText } from '../components/feedback';
import { keys } from '../queries';
import { TextField } from '../components/field';
import { useFormErrors } from '../components/use-form-errors';
import { formatter } from '../format';
import { useMe } from '../session';
import { privacyApi, type AccessRequest, type ErasurePreview } from './api';

/**
 * HR's part of a person's data duties (decision 024): ask Samtal to send the person their data
 * (HR never receives it) and erase a person who has left (HR and administrators).
 */
export function PersonPrivacy({ person }: { person: Person }) {
  const { t } = useTranslation('privacy');
  const errorText = useErrorText();
  const client = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const request = useMutation({
    mutationFn: () => privacyApi.requestAccess(person.id),
    onSuccess: async () => {
      setDone(t('person.accessRequestDone'));
      await client.invalidateQueries({ queryKey: accessRequestsKey(person.id) });
    },
  });
  const preview = useQuery({
    queryKey: ['privacy', 'erasure', person.id],
    queryFn: () => privacyApi.erasurePreview(person.id),
    enabled: asking,
    staleTime: 0,
  });
  const erase = useMutation({
    mutationFn: () => privacyApi.erase(person.id, typed),
    onSuccess: async () => {
      setAsking(false);
      setDone(t('person.erased'));
      await client.invalidateQueries({ queryKey: keys.person(person.id) });
      await client.invalidateQueries({ queryKey: keys.people });
    },
  });
  if (!person.can?.requestAccess && !person.can?.sendExportLink && !person.can?.erase && !done)
    return null;
  const error = request.error ?? erase.error;
  return (
    <section aria-labelledby="privacy-heading" className="section card">
      <h2 id="privacy-heading">{t('person.title')}</h2>
      {done ? (
        <Alert kind="success">
          <p>{done}</p>
        </Alert>
      ) : null}
      {error ? (
        <Alert focus>
          <p>{errorText(error)}</p>
        </Alert>
      ) : null}
      {person.can?.sendExportLink ? <LeaverExportLink person={person} /> : null}
      {person.can?.requestAccess || person.can?.sendExportLink ? (
        <AccessRequestList personId={person.id} />
      ) : null}
      <div className="form__actions">
        {person.can?.requestAccess ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={request.isPending}
            onClick={() => {
              setDone(null);
              request.mutate();
            }}
          >
            {t('person.accessRequest')}
          </button>
        ) : null}
        {person.can?.erase ? (
          <button
            type="button"
            className="button button--danger-outline"
            onClick={() => {
              setDone(null);
              setTyped('');
              erase.reset();
              setAsking(true);
            }}
          >
            {t('person.erase')}
          </button>
        ) : null}
      </div>
      <ConfirmDialog
        open={asking}
        title={t('person.erase')}
        confirmLabel={t('person.erase')}
        danger
        busy={erase.isPending}
        onConfirm={() => erase.mutate()}
        onCancel={() => setAsking(false)}
      >
        <ErasurePreviewList preview={preview.data} loading={preview.isPending} />
        {preview.error ? <p className="field__error">{errorText(preview.error)}</p> : null}
        <p>{t('person.eraseConfirm', { name: person.name })}</p>
        <input
          aria-label={t('person.erase')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        {erase.error ? <p className="field__error">{errorText(erase.error)}</p> : null}
      </ConfirmDialog>
    </section>
  );
}

const accessRequestsKey = (personId: string) => ['privacy', 'access-requests', personId] as const;

/**
 * A leaver cannot sign in to fetch their data: HR enters the address they gave and Samtal
 * mails a one-time link there (decision 024). HR sees the address masked, never the link.
 */
function LeaverExportLink({ person }: { person: Person }) {
  const { t } = useTranslation('privacy');
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { errors, formRef, show, showApiError, clear } = useFormErrors(['email']);
  const send = useMutation({
    mutationFn: () => privacyApi.sendExportLink(person.id, email),
    onSuccess: async (made) => {
      clear();
      setEmail('');
      setSentTo(made.sentTo);
      await client.invalidateQueries({ queryKey: accessRequestsKey(person.id) });
    },
    onError: showApiError,
  });
  return (
    <form
      ref={formRef}
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSentTo(null);
        if (!email.trim())
          return show({ fields: { email: t('errors:field.required') }, form: null });
        send.mutate();
      }}
    >
      <p>{t('person.exportLinkIntro', { name: person.name })}</p>
      {sentTo ? (
        <Alert kind="success">
          <p>{t('person.exportLinkDone', { to: sentTo })}</p>
        </Alert>
      ) : null}
      {errors.form ? (
        <Alert>
          <p>{errors.form}</p>
        </Alert>
      ) : null}
      <TextField
        id="export-link-email"
        type="email"
        autoComplete="off"
        label={t('person.exportLinkAddress')}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.fields.email}
      />
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={send.isPending}>
          {t('person.exportLinkSend')}
        </button>
      </div>
    </form>
  );
}

/** The envelopes of the person's access requests: when, to where (masked), what became of it. */
function AccessRequestList({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation('privacy');
  const { data: me } = useMe();
  const { data } = useQuery({
    queryKey: accessRequestsKey(personId),
    queryFn: () => privacyApi.accessRequests(personId),
  });
  if (!data?.items.length) return null;
  const f = formatter(i18n.language, me?.timeZone);
  const line = (r: AccessRequest) => {
    const when = f.dateTime(r.createdAt);
    const at = r.fulfilledAt ? f.dateTime(r.fulfilledAt) : '';
    const until = r.expiresAt ? f.dateTime(r.expiresAt) : '';
    if (!r.sentTo)
      return r.fulfilledAt
        ? t('person.request.fulfilled', { when, at })
        : t('person.request.account', { when });
    return t(`person.request.${r.state}`, { when, at, until, to: r.sentTo });
  };
  return (
    <div data-testid="access-requests">
      <h3>{t('person.requestsTitle')}</h3>
      <ul>
        {data.items.map((r) => (
          <li key={r.id}>{line(r)}</li>
        ))}
      </ul>
    </div>
  );
}

/** What the erasure deletes and what it keeps and why, in counts (decision 024). */
function ErasurePreviewList({
  preview,
  loading,
}: {
  preview: ErasurePreview | undefined;
  loading: boolean;
}) {
  const { t } = useTranslation('privacy');
  if (!preview) return loading ? <p>{t('person.preview.loading')}</p> : null;
  const gone = preview.gone.filter((g) => g.count > 0);
  const kept = preview.kept.filter((k) => k.count > 0);
  return (
    <div data-testid="erasure-preview">
      <h3>{t('person.preview.goneTitle')}</h3>
      {gone.length ? (
        <ul>
          {gone.map((g) => (
            <li key={g.kind}>{t(`person.preview.gone.${g.kind}`, { count: g.count })}</li>
          ))}
        </ul>
      ) : (
        <p>{t('person.preview.nothingGone')}</p>
      )}
      <h3>{t('person.preview.keptTitle')}</h3>
      <ul>
        {kept.map((k) => (
          <li key={k.kind}>{t(`person.preview.kept.${k.kind}`, { count: k.count })}</li>
        ))}
        <li>{t('person.preview.statistics')}</li>
      </ul>
    </div>
  );
}
