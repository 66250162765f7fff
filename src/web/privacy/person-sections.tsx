import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../api';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Alert, useErrorText } from '../components/feedback';
import { keys } from '../queries';
import { privacyApi, type ErasurePreview } from './api';

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
    onSuccess: () => setDone(t('person.accessRequestDone')),
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
  if (!person.can?.requestAccess && !person.can?.erase && !done) return null;
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
