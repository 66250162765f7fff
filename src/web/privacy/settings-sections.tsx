import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, useErrorText } from '../components/feedback';
import { Field } from '../components/field';
import { useMe } from '../session';
import { privacyApi, privacyKeys, RETENTION_DEFAULTS, type Retention } from './api';

const COUNTRIES = ['SE', 'DK', 'NO', 'OTHER'] as const;

/** Everyone: download everything Samtal keeps about them (decision 024). */
export function MyData() {
  const { t } = useTranslation('privacy');
  return (
    <section className="card section" aria-labelledby="my-data-heading">
      <h2 id="my-data-heading">{t('myData.title')}</h2>
      <p className="muted">{t('myData.intro')}</p>
      <a className="button button--secondary" href={privacyApi.exportUrl} download>
        {t('myData.download')}
      </a>
    </section>
  );
}

/** Administrators: how long personal data is kept (decision 024). */
export function RetentionSettings() {
  const { data: me } = useMe();
  if (!me?.can.manageRetention) return null;
  return <RetentionForm />;
}

function RetentionForm() {
  const { t } = useTranslation('privacy');
  const errorText = useErrorText();
  const client = useQueryClient();
  const current = useQuery({ queryKey: privacyKeys.retention, queryFn: privacyApi.retention });
  const [draft, setDraft] = useState<Omit<Retention, 'isDefault'> | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: privacyApi.saveRetention,
    onSuccess: (fresh) => {
      client.setQueryData(privacyKeys.retention, fresh);
      setDraft(null);
      setSaved(true);
    },
  });
  if (!current.data) return null;
  const value = draft ?? current.data;
  const set = (patch: Partial<Retention>) => {
    setSaved(false);
    setDraft({ ...value, ...patch });
  };
  return (
    <section className="card section" aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('retention.title')}</h2>
      <p className="muted">{t('retention.intro')}</p>
      {save.error ? (
        <Alert focus>
          <p>{errorText(save.error)}</p>
        </Alert>
      ) : null}
      {saved ? (
        <Alert kind="success">
          <p>{t('retention.saved')}</p>
        </Alert>
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            country: value.country,
            leaversAfterDays: value.leaversAfterDays,
            contentAfterDays: value.contentAfterDays,
          });
        }}
      >
        <Field id="retention-country" label={t('retention.country')}>
          {(control) => (
            <select
              {...control}
              value={value.country}
              onChange={(e) => {
                const country = e.target.value as Retention['country'];
                const d = RETENTION_DEFAULTS[country];
                set({
                  country,
                  leaversAfterDays: d.leaversAfterDays,
                  contentAfterDays: d.contentAfterDays,
                });
              }}
            >
              {COUNTRIES.map((c) => (
                <option key={c} value={c}>
                  {t(`retention.countries.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="retention-leavers" label={t('retention.leaversAfterDays')}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={30}
              max={3650}
              value={value.leaversAfterDays}
              onChange={(e) => set({ leaversAfterDays: Number(e.target.value) })}
            />
          )}
        </Field>
        <Field id="retention-content" label={t('retention.contentAfterDays')}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={30}
              max={3650}
              value={value.contentAfterDays}
              onChange={(e) => set({ contentAfterDays: Number(e.target.value) })}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('retention.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
