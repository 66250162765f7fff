/**
 * The vault in the page (decision 018): the first-time explanation and setup, the recovery
 * code shown once, unlocking, and opening a sealed note. Locked is a normal state, never an error.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { VaultUnlockError, type Sealed } from '../../domain/sealing/envelope';
import { Field } from '../components/field';
import { useErrorText } from '../components/feedback';
import { openNote, useVaultActions, useVaultKey, type MyVault } from './vault';
import { REMEMBER_DAYS, type RememberDays } from './remember-policy';
import { passkeysAvailable } from './passkey';

/** The shortest vault passphrase accepted in the browser (the server never sees it). */
export const MIN_PASSPHRASE = 12;

/** An invitation to seal, then the explanation, the passphrase, and the recovery code once. */
export function VaultSetup({ authorId }: { authorId: string }) {
  const { t } = useTranslation('meetings');
  const errorText = useErrorText();
  const actions = useVaultActions(authorId);
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);

  if (!open)
    return (
      <p className="vault vault--invite">
        {t('vault.invite')}{' '}
        <button type="button" className="button--link" onClick={() => setOpen(true)}>
          {t('vault.inviteAction')}
        </button>
      </p>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (passphrase.length < MIN_PASSPHRASE) return setProblem(t('vault.tooShort'));
    if (passphrase !== repeat) return setProblem(t('vault.mismatch'));
    setProblem(null);
    setBusy(true);
    try {
      setCode(await actions.setUp(passphrase));
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (code)
    return (
      <section className="vault vault--recovery" aria-labelledby="vault-recovery-title">
        <h3 id="vault-recovery-title">{t('vault.recovery.title')}</h3>
        <p>{t('vault.recovery.body')}</p>
        <p className="vault__code" data-testid="recovery-code">
          <code>{code}</code>
        </p>
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              void navigator.clipboard?.writeText(code).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? t('vault.recovery.copied') : t('vault.recovery.copy')}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t('vault.recovery.print')}
          </button>
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />{' '}
          {t('vault.recovery.saved')}
        </label>
        <p>
          <button
            type="button"
            className="button"
            disabled={!saved || busy}
            onClick={() => {
              setBusy(true);
              void actions.finish().catch((err: unknown) => {
                setBusy(false);
                setProblem(errorText(err));
              });
            }}
          >
            {t('vault.recovery.done')}
          </button>
        </p>
        {problem ? <p className="field__error">{problem}</p> : null}
      </section>
    );

  return (
    <form className="vault vault--setup" onSubmit={(e) => void submit(e)}>
      <h3>{t('vault.intro.title')}</h3>
      <p>{t('vault.intro.body')}</p>
      <p className="vault__warning">
        <strong>{t('vault.intro.warning')}</strong>
      </p>
      <Field id="vault-passphrase" label={t('vault.passphrase')} hint={t('vault.passphraseHint')}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        )}
      </Field>
      <Field id="vault-repeat" label={t('vault.repeat')} error={problem ?? undefined}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        )}
      </Field>
      <p>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('vault.settingUp') : t('vault.setUp')}
        </button>{' '}
        <button type="button" className="button--link" onClick={() => setOpen(false)}>
          {t('vault.notNow')}
        </button>
      </p>
    </form>
  );
}

/** "Sealed — unlock to read", with the passphrase or the recovery code. */
export function VaultUnlock({ vault, authorId }: { vault: MyVault['vault']; authorId: string }) {
  const { t } = useTranslation('meetings');
  const errorText = useErrorText();
  const actions = useVaultActions(authorId);
  const [useRecovery, setUseRecovery] = useState(false);
  const [secret, setSecret] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [remember, setRemember] = useState(false);
  const [days, setDays] = useState<RememberDays>(7);
  // A key this browser remembers opens the vault without typing (checked once per mount).
  const [recalling, setRecalling] = useState(Boolean(vault));
  const { unlockRemembered } = actions;
  // The vault comes with its passkeys (no second request); offered where WebAuthn exists.
  const usablePasskeys = passkeysAvailable()
    ? (vault?.passkeys ?? []).filter((p) => p.keyVersion === vault?.keyVersion)
    : [];
  useEffect(() => {
    if (!vault) return;
    let live = true;
    unlockRemembered(vault)
      .catch(() => false)
      .then(
        (done) => live && !done && setRecalling(false),
        () => undefined,
      );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [vault?.keyVersion]);

  if (recalling) return <p className="vault__state">{t('vault.opening')}</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!vault || !secret) return;
    setBusy(true);
    setProblem(null);
    try {
      await actions.unlock(
        vault,
        useRecovery ? { recoveryCode: secret } : { passphrase: secret },
        remember ? days : undefined,
      );
    } catch (err) {
      setProblem(err instanceof VaultUnlockError ? t('vault.unlock.wrong') : errorText(err));
      setBusy(false);
    }
  };

  const byPasskey = async () => {
    if (!vault) return;
    setBusy(true);
    setProblem(null);
    try {
      await actions.unlockWithPasskey(vault, usablePasskeys, remember ? days : undefined);
    } catch {
      // Cancelled, no PRF, or a wrap that did not open: the passphrase is always there.
      setProblem(t('vault.passkey.failed'));
      setBusy(false);
    }
  };

  return (
    <form className="vault vault--locked" onSubmit={(e) => void submit(e)}>
      <p className="vault__state" role="status">
        <strong>{t('vault.locked.title')}</strong> {t('vault.locked.body')}
      </p>
      {usablePasskeys.length > 0 ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void byPasskey()}
          >
            {busy ? t('vault.passkey.working') : t('vault.passkey.unlock')}
          </button>
        </p>
      ) : null}
      <Field
        id="vault-unlock"
        label={useRecovery ? t('vault.unlock.recoveryCode') : t('vault.passphrase')}
        error={problem ?? undefined}
      >
        {(control) => (
          <input
            {...control}
            type={useRecovery ? 'text' : 'password'}
            autoComplete={useRecovery ? 'off' : 'current-password'}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        )}
      </Field>
      <p className="vault__remember">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={remember}
            onChange={(e) => setRemember(e.target.checked)}
          />{' '}
          {t('vault.remember.label')}
        </label>{' '}
        {remember ? (
          <select
            aria-label={t('vault.remember.period')}
            value={days}
            onChange={(e) => setDays(Number(e.target.value) as RememberDays)}
          >
            {REMEMBER_DAYS.map((d) => (
              <option key={d} value={d}>
                {t('vault.remember.days', { count: d })}
              </option>
            ))}
          </select>
        ) : null}
      </p>
      {remember ? <p className="field__hint">{t('vault.remember.hint')}</p> : null}
      <p>
        <button type="submit" className="button" disabled={busy || !vault}>
          {busy ? t('vault.unlock.working') : t('vault.unlock.submit')}
        </button>{' '}
        <button
          type="button"
          className="button--link"
          onClick={() => {
            setUseRecovery(!useRecovery);
            setSecret('');
            setProblem(null);
          }}
        >
          {useRecovery ? t('vault.unlock.usePassphrase') : t('vault.unlock.useRecovery')}
        </button>
      </p>
    </form>
  );
}

/** Opens a sealed note with the unlocked key, then renders it (null body: nothing sealed yet). */
export function SealedNote({
  sealed,
  meetingId,
  authorId,
  children,
}: {
  sealed: Sealed | null;
  meetingId: string;
  authorId: string;
  children: (body: string | null) => ReactNode;
}) {
  const { t } = useTranslation('meetings');
  const key = useVaultKey();
  const { lock } = useVaultActions(authorId);
  const [opened, setOpened] = useState<{ for: Sealed; body: string | null } | null>(null);
  const [startedPlain] = useState(() => !sealed);
  useEffect(() => {
    if (!sealed || !key) return;
    let live = true;
    openNote(key.key, sealed, meetingId, authorId).then(
      (body) => live && setOpened({ for: sealed, body }),
      () => live && setOpened({ for: sealed, body: null }),
    );
    return () => {
      live = false;
    };
  }, [sealed, key, meetingId, authorId]);
  const badge = (
    <p className="vault__badge">
      {t('vault.sealedBadge')}{' '}
      <button type="button" className="button--link" onClick={lock}>
        {t('vault.lockNow')}
      </button>
    </p>
  );
  // Begun with nothing sealed (new, or sealed on first unlock meanwhile): the editor stays
  // mounted as the note becomes sealed, so nothing typed in between is replaced.
  if (!sealed || startedPlain)
    return (
      <>
        {badge}
        {children(null)}
      </>
    );
  if (!opened) return <p className="vault__state">{t('vault.opening')}</p>;
  if (opened.body === null) return <p className="field__error">{t('vault.cannotOpen')}</p>;
  // A later copy (after a save elsewhere) re-opens behind the mounted editor, which keeps its text.
  return (
    <>
      {badge}
      {children(opened.body)}
    </>
  );
}
