/**
 * Settings: passkeys that unlock the vault (decision 018). Adding one asks for the vault
 * passphrase (the key held in the page cannot be copied to wrap it again), makes a passkey on
 * this device with the PRF extension, and stores a wrap of the data key under its output.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VaultUnlockError } from '../../domain/sealing/envelope';
import { Alert, useErrorText } from '../components/feedback';
import { TextField } from '../components/field';
import { useFormat, useMe } from '../session';
import { passkeyApi, passkeysAvailable, PasskeyUnsupportedError, registerPasskey } from './passkey';
import { useMyVault, VAULT_KEY } from './vault';

/** Shown only to a person who has a vault, in a browser with WebAuthn. */
export function VaultPasskeySettings() {
  const { data } = useMyVault();
  if (!data?.vault || !passkeysAvailable()) return null;
  return <Passkeys vault={data.vault} />;
}

function Passkeys({
  vault,
}: {
  vault: NonNullable<NonNullable<ReturnType<typeof useMyVault>['data']>['vault']>;
}) {
  const { t } = useTranslation('settings');
  const errorText = useErrorText();
  const fmt = useFormat();
  const { data: me } = useMe();
  const client = useQueryClient();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<'added' | 'removed' | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    setProblem(null);
    setError(passphrase ? undefined : t('errors:field.required'));
    if (!passphrase || !me) return;
    setBusy(true);
    try {
      const passkey = await registerPasskey(vault, { passphrase }, me);
      await passkeyApi.add(passkey);
      await client.invalidateQueries({ queryKey: VAULT_KEY });
      setPassphrase('');
      setDone('added');
    } catch (err) {
      if (err instanceof VaultUnlockError) setError(t('vaultPasskeys.wrong'));
      else if (err instanceof PasskeyUnsupportedError) setProblem(t('vaultPasskeys.unsupported'));
      else if (err instanceof DOMException) setProblem(t('vaultPasskeys.cancelled'));
      else setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string) {
    setDone(null);
    setProblem(null);
    try {
      await passkeyApi.remove(id);
      await client.invalidateQueries({ queryKey: VAULT_KEY });
      setDone('removed');
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  const items = vault.passkeys;
  return (
    <section className="card section" aria-labelledby="vault-passkeys-heading">
      <h2 id="vault-passkeys-heading">{t('vaultPasskeys.title')}</h2>
      <p>{t('vaultPasskeys.body')}</p>
      {problem ? (
        <Alert>
          <p>{problem}</p>
        </Alert>
      ) : null}
      {done ? (
        <Alert kind="success">
          <p>{t(done === 'added' ? 'vaultPasskeys.added' : 'vaultPasskeys.removed')}</p>
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <p>{t('vaultPasskeys.none')}</p>
      ) : (
        <ul>
          {items.map((p) => (
            <li key={p.id}>
              {t('vaultPasskeys.item', { date: fmt.dateTime(p.createdAt) })}{' '}
              <button type="button" className="button--link" onClick={() => void remove(p.id)}>
                {t('vaultPasskeys.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form" noValidate onSubmit={(e) => void add(e)}>
        <TextField
          id="vault-passkey-passphrase"
          type="password"
          autoComplete="current-password"
          label={t('vaultPasskeys.passphrase')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          error={error}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('vaultPasskeys.working') : t('vaultPasskeys.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
