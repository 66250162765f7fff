import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { Alert, useErrorText } from '../components/feedback';
import { Field } from '../components/field';
import { useMe } from '../session';
import { useMyVault, useVaultKey } from '../vault/vault';
import { VaultUnlock } from '../vault/vault-panel';
import { privacyApi, privacyKeys, RETENTION_DEFAULTS, type Retention } from './api';

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
