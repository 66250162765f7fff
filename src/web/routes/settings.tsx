import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, LOCALE_NAMES, isLocale } from '../../i18n/index';
import { api, type Me } from '../api';
import { Alert, useErrorText } from '../components/feedback';
import { Field, TextField } from '../components/field';
import { Page } from '../components/page';
import { TimeZoneField } from '../components/time-zone-field';
import { useFormErrors } from '../components/use-form-errors';
import { switchLanguage } from '../i18n';
import { PASSWORD_MIN } from '../passwords';
import { keys } from '../queries';
import { ME_KEY, useMe } from '../session';
import { CalendarFeed } from '../mail/calendar-feed';
import { MailSettings } from '../mail/mail-settings';
import { Sessions } from './settings-sessions';
import { VaultPassphraseSettings } from '../vault/vault-settings';
import { VaultPasskeySettings } from '../vault/vault-passkeys';
import { MyData, RetentionSettings } from '../privacy/settings-sections';
import { ProvisioningSettings } from '../provisioning/provisioning-settings';

/** The person's own settings: language, time zone, mail, calendar subscription, password, vault passphrase, devices. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <Page title={t('title')}>
      <Preferences me={me} />
      <MailSettings />
      <CalendarFeed />
      <PasswordForm />
      <VaultPassphraseSettings />
      <VaultPasskeySettings />
      <Sessions />
      <MyData />
      <RetentionSettings />
      <ProvisioningSettings />
    </Page>
  );
}

function Preferences({ me }: { me: Me }) {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const errorText = useErrorText();
  const [zone, setZone] = useState(me.timeZone);
  const [message, setMessage] = useState<'languageSaved' | 'timeZoneSaved' | null>(null);
  const { errors, formRef, showApiError, clear } = useFormErrors(['locale', 'timeZone']);
  const save = useMutation({
    mutationFn: api.updateMe,
    onSuccess: async (fresh, input) => {
      client.setQueryData(ME_KEY, fresh);
      await switchLanguage(fresh.locale);
      clear();
      // Written after the switch, so the confirmation is in the new language.
      setMessage(input.timeZone !== undefined ? 'timeZoneSaved' : 'languageSaved');
    },
    onError: (err) => {
      setMessage(null);
      showApiError(err);
    },
  });
  const orgLocale = me.organisation.defaultLocale;

  return (
    <section className="card section" aria-labelledby="prefs-heading">
      <h2 id="prefs-heading">{t('preferences.title')}</h2>
      <form
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ timeZone: zone });
        }}
      >
        {errors.form ? (
          <Alert>
            <p>{errors.form}</p>
          </Alert>
        ) : null}
        <Field
          id="settings-locale"
          label={t('preferences.language')}
          hint={t('preferences.languageHint')}
          error={errors.fields.locale}
        >
          {(control) => (
            <select
              {...control}
              value={me.ownLocale ?? ''}
              disabled={save.isPending}
              onChange={(e) => {
                setMessage(null);
                save.mutate({ locale: isLocale(e.target.value) ? e.target.value : null });
              }}
            >
              <option value="">
                {t('preferences.orgDefault', {
                  language: isLocale(orgLocale) ? LOCALE_NAMES[orgLocale] : orgLocale,
                })}
              </option>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <p role="status" className="status">
          {message === 'languageSaved' ? t('preferences.languageSaved') : ''}
        </p>
        <TimeZoneField
          id="settings-zone"
          label={t('preferences.timeZone')}
          value={zone}
          onChange={setZone}
          error={errors.fields.timeZone}
        />
        <div className="form__actions">
          <button
            type="submit"
            className="button"
            disabled={save.isPending || zone === me.timeZone}
          >
            {t('preferences.saveTimeZone')}
          </button>
        </div>
        <p role="status" className="status">
          {message === 'timeZoneSaved' ? t('preferences.timeZoneSaved') : ''}
        </p>
        {save.error && !errors.form && !Object.keys(errors.fields).length ? (
          <Alert>
            <p>{errorText(save.error)}</p>
          </Alert>
        ) : null}
      </form>
    </section>
  );
}

function PasswordForm() {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { errors, formRef, show, showApiError, clear } = useFormErrors([
    'currentPassword',
    'newPassword',
  ]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const fields: Record<string, string> = {};
    if (!current) fields.currentPassword = t('errors:field.required');
    if (next.length < PASSWORD_MIN)
      fields.newPassword = t('errors:auth.password_too_short', { min: PASSWORD_MIN });
    if (Object.keys(fields).length) return show({ fields, form: null });
    setBusy(true);
    try {
      await api.changePassword(current, next);
      clear();
      setCurrent('');
      setNext('');
      setDone(true);
      await client.invalidateQueries({ queryKey: keys.sessions });
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card section" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('password.title')}</h2>
      <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)}>
        {errors.form ? (
          <Alert>
            <p>{errors.form}</p>
          </Alert>
        ) : null}
        {done ? (
          <Alert kind="success">
            <p>{t('password.done')}</p>
          </Alert>
        ) : null}
        <TextField
          id="currentPassword"
          type="password"
          autoComplete="current-password"
          label={t('password.current')}
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.fields.currentPassword}
        />
        <TextField
          id="newPassword"
          type="password"
          autoComplete="new-password"
          label={t('password.new')}
          hint={t('password.rule', { min: PASSWORD_MIN })}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={errors.fields.newPassword}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy}>
            {t('password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
