/**
 * Settings: change the vault passphrase (decision 018). The old passphrase or the recovery code
 * opens the data key in this browser; it is wrapped again under the new passphrase and only that
 * wrap is replaced on the server. No note is re-encrypted, the recovery code stays valid.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rewrapPassphrase, VaultUnlockError } from '../../domain/sealing/envelope';
import { Alert, useErrorText } from '../components/feedback';
import { TextField } from '../components/field';
import { MIN_PASSPHRASE } from './vault-panel';
import { useMyVault, vaultApi, VAULT_KEY } from './vault';

/** Shown only to a person who has a vault. */
export function VaultPassphraseSettings() {
  const { data } = useMyVault();
  if (!data?.vault) return null;
  return <ChangePassphrase vault={data.vault} />;
}

function ChangePassphrase({
  vault,
}: {
  vault: NonNullable<NonNullable<ReturnType<typeof useMyVault>['data']>['vault']>;
}) {
  const { t } = useTranslation('settings');
  const errorText = useErrorText();
  const client = useQueryClient();
  const [useRecovery, setUseRecovery] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; repeat?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    setProblem(null);
    const found: typeof errors = {};
    if (!current) found.current = t('errors:field.required');
    if (next.length < MIN_PASSPHRASE) found.next = t('vault.tooShort', { min: MIN_PASSPHRASE });
    else if (next !== repeat) found.repeat = t('vault.mismatch');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const wrap = await rewrapPassphrase(
        vault,
        useRecovery ? { recoveryCode: current } : { passphrase: current },
        next,
      );
      const fresh = await vaultApi.changePassphrase(vault.keyVersion, wrap);
      client.setQueryData(VAULT_KEY, fresh);
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
    } catch (err) {
      if (err instanceof VaultUnlockError)
        setErrors({ current: useRecovery ? t('vault.wrongRecovery') : t('vault.wrongCurrent') });
      else setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card section" aria-labelledby="vault-heading">
      <h2 id="vault-heading">{t('vault.title')}</h2>
      <p>{t('vault.body')}</p>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {problem ? (
          <Alert>
            <p>{problem}</p>
          </Alert>
        ) : null}
        {done ? (
          <Alert kind="success">
            <p>{t('vault.done')}</p>
          </Alert>
        ) : null}
        <TextField
          id="vault-current"
          type={useRecovery ? 'text' : 'password'}
          autoComplete={useRecovery ? 'off' : 'current-password'}
          label={useRecovery ? t('vault.recoveryCode') : t('vault.current')}
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.current}
        />
        <p>
          <button
            type="button"
            className="button--link"
            onClick={() => {
              setUseRecovery(!useRecovery);
              setCurrent('');
              setErrors({});
            }}
          >
            {useRecovery ? t('vault.usePassphrase') : t('vault.useRecovery')}
          </button>
        </p>
        <TextField
          id="vault-new"
          type="password"
          autoComplete="new-password"
          label={t('vault.new')}
          hint={t('vault.rule', { min: MIN_PASSPHRASE })}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={errors.next}
        />
        <TextField
          id="vault-repeat-new"
          type="password"
          autoComplete="new-password"
          label={t('vault.repeat')}
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={errors.repeat}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('vault.working') : t('vault.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
