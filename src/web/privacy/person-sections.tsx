import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../api';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Alert, useErrorText } from '../components/feedback';
import { keys } from '../queries';
import { privacyApi } from './api';

/**
 * HR's part of a person's data duties (decision 024): ask Samtal to send the person their data
 * (HR never receives it) and, for an admin, erase a person who has left.
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
