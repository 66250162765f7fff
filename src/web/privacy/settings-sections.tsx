import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  type Retention as RetentionChoice,
} from '../../domain/privacy/retention';
import { ApiError } from '../api';
import { Alert, useErrorText } from '../components/feedback';
import { Field } from '../components/field';
import { useFormErrors } from '../components/use-form-errors';
import { useMe } from '../session';
import { useMyVault, useVaultKey } from '../vault/vault';
import { VaultUnlock } from '../vault/vault-panel';
import { kindField, privacyApi, privacyKeys, RETENTION_DEFAULTS, RETENTION_KINDS } from './api';

const COUNTRIES = ['SE', 'DK', 'NO', 'OTHER'] as const;

/**
 * Everyone: download everything Samtal keeps about them (decision 024). With their vault
 * unlocked, their sealed notes and reflections are opened in this browser and included as text.
 */
export function MyData() {
  const { t } = useTranslation('privacy');
  const me = useMe().data;
  const vault = useMyVault();
  const key = useVaultKey();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const sealedVault = vault.data?.vault ?? null;

  async function downloadOpened(k: CryptoKey, authorId: string) {
    setBusy(true);
    setProblem(null);
    try {
      const res = await fetch(privacyApi.exportUrl, { credentials: 'same-origin' });
      if (!res.ok) throw new ApiError(res.status, 'internal', '');
      const { openSealedInExport } = await import('./open-export');
      const { zip } = await openSealedInExport(
        new Uint8Array(await res.arrayBuffer()),
        k,
        authorId,
        t('myData.openedNote'),
      );
      const url = URL.createObjectURL(new Blob([new Uint8Array(zip)], { type: 'application/zip' }));
      const a = document.createElement('a');
      a.href = url;
      a.download =
        res.headers.get('content-disposition')?.match(/filename="([^"]+)"/)?.[1] ?? 'samtal.zip';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card section" aria-labelledby="my-data-heading">
      <h2 id="my-data-heading">{t('myData.title')}</h2>
      <p className="muted">{t('myData.intro')}</p>
      {sealedVault && key && me ? (
        <>
          <p className="muted">{t('myData.sealedOpened')}</p>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void downloadOpened(key.key, me.id)}
          >
            {busy ? t('myData.preparing') : t('myData.download')}
          </button>
          {problem ? (
            <Alert focus>
              <p>{problem}</p>
            </Alert>
          ) : null}
        </>
      ) : (
        <>
          <a className="button button--secondary" href={privacyApi.exportUrl} download>
            {t('myData.download')}
          </a>
          {sealedVault && me ? (
            <>
              <p className="muted">{t('myData.sealedLocked')}</p>
              <VaultUnlock vault={sealedVault} authorId={me.id} />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Administrators: how long personal data is kept (decision 024). */
export function RetentionSettings() {
  const { data: me } = useMe();
  if (!me?.can.manageRetention) return null;
  return <RetentionForm />;
}

const FIELDS = ['country', 'leaversAfterDays', ...RETENTION_KINDS.map(kindField)] as const;

/** An empty box follows the country's default; a number is the organisation's own choice. */
function RetentionForm() {
  const { t } = useTranslation('privacy');
  const client = useQueryClient();
  const { errors, formRef, showApiError, clear } = useFormErrors(FIELDS);
  const current = useQuery({ queryKey: privacyKeys.retention, queryFn: privacyApi.retention });
  const [draft, setDraft] = useState<RetentionChoice | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: privacyApi.saveRetention,
    onSuccess: (fresh) => {
      client.setQueryData(privacyKeys.retention, fresh);
      setDraft(null);
      setSaved(true);
      clear();
    },
    onError: showApiError,
  });
  if (!current.data) return null;
  const { isDefault: _d, defaults: _f, effective: _e, ...chosen } = current.data;
  const value: RetentionChoice = draft ?? chosen;
  const defaults = RETENTION_DEFAULTS[value.country];
  const set = (patch: Partial<RetentionChoice>) => {
    setSaved(false);
    setDraft({ ...value, ...patch });
  };
  return (
    <section className="card section" aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('retention.title')}</h2>
      <p className="muted">{t('retention.intro')}</p>
      {saved ? (
        <Alert kind="success">
          <p>{t('retention.saved')}</p>
        </Alert>
      ) : null}
      <form
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(value);
        }}
      >
        {errors.form ? (
          <Alert>
            <p>{errors.form}</p>
          </Alert>
        ) : null}
        <Field id="retention-country" label={t('retention.country')} error={errors.fields.country}>
          {(control) => (
            <select
              {...control}
              value={value.country}
              onChange={(e) => {
                const country = e.target.value as RetentionChoice['country'];
                set({ country, leaversAfterDays: RETENTION_DEFAULTS[country].leaversAfterDays });
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
        <Field
          id="retention-leaversAfterDays"
          label={t('retention.leaversAfterDays')}
          hint={t('retention.countryDefault', { days: defaults.leaversAfterDays })}
          error={errors.fields.leaversAfterDays}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={RETENTION_MIN_DAYS}
              max={RETENTION_MAX_DAYS}
              value={value.leaversAfterDays}
              onChange={(e) => set({ leaversAfterDays: Number(e.target.value) })}
            />
          )}
        </Field>
        <p className="muted">{t('retention.kindsIntro')}</p>
        {RETENTION_KINDS.map((kind) => {
          const field = kindField(kind);
          const days = value[field];
          return (
            <Field
              key={kind}
              id={`retention-${field}`}
              label={t(`retention.kinds.${kind}`)}
              hint={t('retention.countryDefault', { days: defaults[field] })}
              error={errors.fields[field]}
            >
              {(control) => (
                <input
                  {...control}
                  type="number"
                  min={RETENTION_MIN_DAYS}
                  max={RETENTION_MAX_DAYS}
                  placeholder={String(defaults[field])}
                  value={days ?? ''}
                  onChange={(e) =>
                    set({ [field]: e.target.value === '' ? null : Number(e.target.value) })
                  }
                />
              )}
            </Field>
          );
        })}
        <div className="form__actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('retention.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
