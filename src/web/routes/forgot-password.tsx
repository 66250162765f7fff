import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { Alert } from '../components/feedback';
import { TextField } from '../components/field';
import { PageHeading, useDocumentTitle } from '../components/page';
import { useFormErrors } from '../components/use-form-errors';
import { PublicLayout } from '../components/public-layout';

/**
 * "Forgot your password?": a link for a new password is mailed to the address, if it belongs to
 * an account. The page says the same either way, so it tells nobody who has an account.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { errors, formRef, show, showApiError } = useFormErrors(['email']);
  useDocumentTitle(t('forgot.title'));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const address = email.trim();
    if (!address) return show({ fields: { email: t('errors:field.required') }, form: null });
    setBusy(true);
    try {
      await api.forgotPassword(address);
      setSentTo(address);
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  }

  if (sentTo) {
    return (
      <PublicLayout>
        <PageHeading>{t('forgot.doneTitle')}</PageHeading>
        <Alert kind="success">
          <p>{t('forgot.done', { email: sentTo })}</p>
        </Alert>
        <p className="muted">{t('forgot.notArrived')}</p>
        <p>
          <Link to="/sign-in">{t('forgot.back')}</Link>
        </p>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout>
      <PageHeading>{t('forgot.title')}</PageHeading>
      <p className="muted">{t('forgot.intro')}</p>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate className="form">
        {errors.form ? (
          <Alert>
            <p>{errors.form}</p>
          </Alert>
        ) : null}
        <TextField
          id="email"
          type="email"
          label={t('forgot.email')}
          autoComplete="username"
          inputMode="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
        />
        <button type="submit" className="button button--wide" disabled={busy}>
          {busy ? t('forgot.busy') : t('forgot.submit')}
        </button>
      </form>
      <p>
        <Link to="/sign-in">{t('forgot.back')}</Link>
      </p>
    </PublicLayout>
  );
}
