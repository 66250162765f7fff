import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { Alert } from '../components/feedback';
import { TextField } from '../components/field';
import { PageHeading, useDocumentTitle } from '../components/page';
import { useFormErrors } from '../components/use-form-errors';
import { PASSWORD_MIN } from '../passwords';
import { PublicLayout } from '../components/public-layout';

/** Sets a password through the one-time link HR created: /set-password#<token>. */
export function SetPasswordPage() {
  const { t } = useTranslation('auth');
  const [token] = useState(() => decodeURIComponent(window.location.hash.slice(1)));
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { errors, formRef, show, showApiError } = useFormErrors(['password', 'repeat']);
  useDocumentTitle(t('setPassword.title'));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (password.length < PASSWORD_MIN)
      fields.password = t('errors:auth.password_too_short', { min: PASSWORD_MIN });
    if (repeat !== password) fields.repeat = t('setPassword.mismatch');
    if (Object.keys(fields).length) return show({ fields, form: null });
    setBusy(true);
    try {
      await api.setPassword(token, password);
      // The link is spent; drop it from the address bar and history.
      window.history.replaceState(null, '', window.location.pathname);
      setDone(true);
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <PublicLayout>
        <PageHeading>{t('setPassword.doneTitle')}</PageHeading>
        <Alert kind="success">
          <p>{t('setPassword.done')}</p>
        </Alert>
        <p>
          <Link className="button button--wide" to="/sign-in">
            {t('setPassword.toSignIn')}
          </Link>
        </p>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout>
      <PageHeading>{t('setPassword.title')}</PageHeading>
      {token.length < 10 ? (
        <Alert>
          <p>{t('errors:auth.token_invalid')}</p>
        </Alert>
      ) : (
        <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate className="form">
          <p className="muted">{t('setPassword.intro')}</p>
          {errors.form ? (
            <Alert>
              <p>{errors.form}</p>
            </Alert>
          ) : null}
          <TextField
            id="password"
            type="password"
            autoComplete="new-password"
            label={t('setPassword.password')}
            hint={t('setPassword.rule', { min: PASSWORD_MIN })}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.fields.password}
          />
          <TextField
            id="repeat"
            type="password"
            autoComplete="new-password"
            label={t('setPassword.repeat')}
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            error={errors.fields.repeat}
          />
          <button type="submit" className="button button--wide" disabled={busy}>
            {t('setPassword.submit')}
          </button>
        </form>
      )}
    </PublicLayout>
  );
}
