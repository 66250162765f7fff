import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, LoadError, Loading } from '../components/feedback';
import { TextField } from '../components/field';
import { useFormErrors } from '../components/use-form-errors';
import { mailApi, mailKeys, type NotificationSettings } from './api';
import './mail.css';

const FIELDS = [
  'invitations',
  'addTopics',
  'addTopicsDays',
  'prepare',
  'reflect',
  'minutes',
  'digest',
  'rounds',
  'quietStart',
  'quietEnd',
] as const;
const TOGGLES = [
  'invitations',
  'addTopics',
  'prepare',
  'reflect',
  'minutes',
  'digest',
  'rounds',
] as const;
type Toggle = (typeof TOGGLES)[number];
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Settings → Mail: which mails the person gets, how early, and quiet hours. */
export function MailSettings() {
  const { t } = useTranslation('mailbox');
  const settings = useQuery({ queryKey: mailKeys.settings, queryFn: mailApi.settings });
  return (
    <section className="card section" aria-labelledby="mail-settings-heading">
      <h2 id="mail-settings-heading">{t('settings.title')}</h2>
      <p className="muted">{t('settings.intro')}</p>
      {settings.isPending ? (
        <Loading />
      ) : settings.error ? (
        <LoadError error={settings.error} retry={() => void settings.refetch()} />
      ) : (
        <MailForm initial={settings.data} />
      )}
    </section>
  );
}

function MailForm({ initial }: { initial: NotificationSettings }) {
  const { t } = useTranslation('mailbox');
  const client = useQueryClient();
  const [v, setV] = useState(initial);
  const [days, setDays] = useState(String(initial.addTopicsDays));
  const [saved, setSaved] = useState(false);
  const { errors, formRef, show, showApiError, clear } = useFormErrors(FIELDS);
  const set = <K extends keyof NotificationSettings>(key: K, value: NotificationSettings[K]) => {
    setSaved(false);
    setV((old) => ({ ...old, [key]: value }));
  };
  const save = useMutation({
    mutationFn: mailApi.saveSettings,
    onSuccess: (fresh) => {
      client.setQueryData(mailKeys.settings, fresh);
      clear();
      setSaved(true);
    },
    onError: (err) => {
      setSaved(false);
      showApiError(err);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    const n = Number(days);
    if (v.addTopics && !(Number.isInteger(n) && n >= 1 && n <= 7))
      fields.addTopicsDays = t('settings.daysRange');
    if (!HH_MM.test(v.quietStart)) fields.quietStart = t('settings.timeFormat');
    if (!HH_MM.test(v.quietEnd)) fields.quietEnd = t('settings.timeFormat');
    if (Object.keys(fields).length) return show({ fields, form: null });
    // An unused day count is sent as it was, so a stray value never blocks saving.
    save.mutate({ ...v, addTopicsDays: v.addTopics ? n : initial.addTopicsDays });
  }

  const toggle = (key: Toggle, extra?: ReactNode) => (
    <div className="mail-settings__choice" key={key}>
      <div className="field field--checkbox">
        <input
          id={`mail-${key}`}
          type="checkbox"
          checked={v[key]}
          aria-describedby={`mail-${key}-hint`}
          onChange={(e) => set(key, e.target.checked)}
        />
        <label htmlFor={`mail-${key}`}>{t(`settings.${key}`)}</label>
        <p className="field__hint" id={`mail-${key}-hint`}>
          {t(`settings.${key}Hint`)}
        </p>
      </div>
      {extra}
    </div>
  );

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit}>
      {errors.form ? (
        <Alert>
          <p>{errors.form}</p>
        </Alert>
      ) : null}
      <div>
        {TOGGLES.map((key) =>
          toggle(
            key,
            key === 'addTopics' && v.addTopics ? (
              <div className="mail-settings__days">
                <TextField
                  id="addTopicsDays"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={7}
                  label={t('settings.addTopicsDays')}
                  hint={t('settings.addTopicsDaysHint')}
                  value={days}
                  onChange={(e) => {
                    setSaved(false);
                    setDays(e.target.value);
                  }}
                  error={errors.fields.addTopicsDays}
                />
              </div>
            ) : undefined,
          ),
        )}
      </div>
      <fieldset className="fieldset" aria-describedby="quiet-hint">
        <legend>{t('settings.quiet')}</legend>
        <p className="field__hint" id="quiet-hint">
          {t('settings.quietHint')}
        </p>
        <div className="form__grid">
          <TextField
            id="quietStart"
            type="time"
            label={t('settings.quietStart')}
            value={v.quietStart}
            onChange={(e) => set('quietStart', e.target.value)}
            error={errors.fields.quietStart}
          />
          <TextField
            id="quietEnd"
            type="time"
            label={t('settings.quietEnd')}
            value={v.quietEnd}
            onChange={(e) => set('quietEnd', e.target.value)}
            error={errors.fields.quietEnd}
          />
        </div>
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('common:saving') : t('settings.save')}
        </button>
      </div>
      <p role="status" className="status">
        {saved ? t('settings.saved') : ''}
      </p>
    </form>
  );
}
