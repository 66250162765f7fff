import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { ConfirmDialog } from '../components/confirm-dialog';
import { TextField } from '../components/field';
import { NoAccess } from '../components/no-access';
import { Page } from '../components/page';
import { useFormErrors } from '../components/use-form-errors';
import { useFormat, useMe } from '../session';
import { ssoApi, type IdentityProvider, type ProviderInput } from './api';

const KEY = ['admin', 'sso'] as const;
const FIELDS = ['slug', 'label', 'issuer', 'clientId', 'clientSecret', 'emailClaim'] as const;

/** Administrators: identity providers, their test sign-in, and "single sign-on required". */
export function SingleSignOnPage() {
  const { t } = useTranslation('sso');
  const { data: me } = useMe();
  const allowed = !!me?.can.manageSso;
  const overview = useQuery({ queryKey: KEY, queryFn: ssoApi.overview, enabled: allowed });
  const [editing, setEditing] = useState<IdentityProvider | 'new' | null>(null);
  if (!allowed) return <NoAccess />;
  if (overview.isPending) return <Loading />;
  if (overview.error)
    return <LoadError error={overview.error} retry={() => void overview.refetch()} />;
  const o = overview.data;
  return (
    <Page title={t('title')} intro={t('intro')}>
      <TestResult providers={o.providers} />
      <section className="card section" aria-labelledby="sso-register">
        <h2 id="sso-register">{t('register.title')}</h2>
        <p className="muted">{t('register.intro')}</p>
        <dl className="sso-uris">
          <dt>{t('register.redirectUri')}</dt>
          <dd>
            <code>{o.redirectUri}</code>
          </dd>
          <dt>{t('register.postLogout')}</dt>
          <dd>
            <code>{o.postLogoutRedirectUri}</code>
          </dd>
          <dt>{t('register.scopes')}</dt>
          <dd>
            <code>openid email profile</code>
          </dd>
        </dl>
        {!o.encryptionReady ? (
          <Alert>
            <p>{t('errors:sso.encryption_key_missing')}</p>
          </Alert>
        ) : null}
      </section>
      <section className="card section" aria-labelledby="sso-providers">
        <h2 id="sso-providers">{t('providers.title')}</h2>
        {o.providers.length === 0 ? <p className="muted">{t('providers.none')}</p> : null}
        <ul className="sso-providers">
          {o.providers.map((p) => (
            <ProviderItem key={p.id} provider={p} onEdit={() => setEditing(p)} />
          ))}
        </ul>
        {editing ? (
          <ProviderForm
            provider={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            {t('providers.add')}
          </button>
        )}
      </section>
      <RequiredSetting required={o.required} />
    </Page>
  );
}

/** After a test sign-in the provider sends the administrator back here with its result. */
function TestResult({ providers }: { providers: IdentityProvider[] }) {
  const { t } = useTranslation('sso');
  const [params] = useSearchParams();
  const tested = providers.find((p) => p.id === params.get('tested'));
  const result = params.get('result');
  if (!tested || !result) return null;
  if (result === 'ok')
    return (
      <Alert kind="success" focus>
        <p>{t('test.ok', { label: tested.label })}</p>
      </Alert>
    );
  const reason = t(`errors:${result}`, { defaultValue: t('errors:sso.failed') });
  // A refused person means the connection worked: only the account used did not match.
  const connected = [
    'sso.unknown_person',
    'sso.inactive',
    'sso.linked_elsewhere',
    'sso.email_unverified',
    'sso.no_email',
  ].includes(result);
  return (
    <Alert focus>
      <p>
        {connected
          ? t('test.connected', { label: tested.label, reason })
          : t('test.failed', { label: tested.label, reason })}
      </p>
    </Alert>
  );
}

function ProviderItem({ provider: p, onEdit }: { provider: IdentityProvider; onEdit: () => void }) {
  const { t } = useTranslation('sso');
  const fmt = useFormat();
  const client = useQueryClient();
  const errorText = useErrorText();
  const [confirm, setConfirm] = useState(false);
  const toggle = useMutation({
    mutationFn: () => ssoApi.update(p.id, { enabled: !p.enabled }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
  const remove = useMutation({
    mutationFn: () => ssoApi.remove(p.id),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
    onSettled: () => setConfirm(false),
  });
  const error = toggle.error ?? remove.error;
  return (
    <li className="sso-provider" aria-labelledby={`sso-${p.id}`}>
      <h3 id={`sso-${p.id}`}>
        {p.label}{' '}
        <span className={p.enabled ? 'badge badge--accent' : 'badge'}>
          {p.enabled ? t('status.on') : t('status.off')}
        </span>
      </h3>
      <p className="muted small">
        <code>{p.issuer}</code> · {t('status.linked', { count: p.linkedPeople })}
      </p>
      <p className="small">
        {p.testedAt ? t('status.tested', { at: fmt.dateTime(p.testedAt) }) : t('status.untested')}
      </p>
      {error ? (
        <Alert>
          <p>{errorText(error)}</p>
        </Alert>
      ) : null}
      <div className="form__actions">
        <a className="button button--secondary" href={p.testPath}>
          {t('test.button')}
        </a>
        <button
          type="button"
          className="button"
          disabled={toggle.isPending}
          onClick={() => toggle.mutate()}
        >
          {p.enabled ? t('actions.disable') : t('actions.enable')}
        </button>
        <button type="button" className="button button--secondary" onClick={onEdit}>
          {t('actions.edit')}
        </button>
        <button type="button" className="button button--danger" onClick={() => setConfirm(true)}>
          {t('actions.remove')}
        </button>
      </div>
      <ConfirmDialog
        open={confirm}
        title={t('actions.removeTitle', { label: p.label })}
        confirmLabel={t('actions.remove')}
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirm(false)}
      >
        <p>{t('actions.removeBody')}</p>
      </ConfirmDialog>
    </li>
  );
}

function ProviderForm({
  provider,
  onDone,
}: {
  provider: IdentityProvider | null;
  onDone: () => void;
}) {
  const { t } = useTranslation('sso');
  const client = useQueryClient();
  const [v, setV] = useState<ProviderInput>({
    slug: provider?.slug ?? '',
    label: provider?.label ?? '',
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    clientSecret: '',
    emailClaim: provider?.emailClaim ?? 'email',
    trustEmail: provider?.trustEmail ?? false,
    createAccounts: provider?.createAccounts ?? false,
  });
  const [busy, setBusy] = useState(false);
  const { errors, formRef, show, showApiError } = useFormErrors(FIELDS);
  const set = <K extends keyof ProviderInput>(k: K, value: ProviderInput[K]) =>
    setV((old) => ({ ...old, [k]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    for (const k of ['slug', 'label', 'issuer', 'clientId'] as const)
      if (!v[k].trim()) fields[k] = t('errors:field.required');
    if (!provider && !v.clientSecret) fields.clientSecret = t('errors:field.required');
    if (Object.keys(fields).length) return show({ fields, form: null });
    setBusy(true);
    try {
      if (provider) {
        const { clientSecret, ...rest } = v;
        await ssoApi.update(provider.id, clientSecret ? v : rest);
      } else await ssoApi.create(v);
      await client.invalidateQueries({ queryKey: KEY });
      onDone();
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  }

  const text = (k: (typeof FIELDS)[number], extra: Record<string, unknown> = {}) => (
    <TextField
      id={`sso-${k}`}
      label={t(`field.${k}`)}
      hint={t(`field.${k}Hint`)}
      value={v[k]}
      onChange={(e) => set(k, e.target.value)}
      error={errors.fields[k]}
      {...extra}
    />
  );
  const check = (k: 'trustEmail' | 'createAccounts') => (
    <div className="field field--checkbox">
      <input
        id={`sso-${k}`}
        type="checkbox"
        checked={v[k]}
        aria-describedby={`sso-${k}-hint`}
        onChange={(e) => set(k, e.target.checked)}
      />
      <label htmlFor={`sso-${k}`}>{t(`field.${k}`)}</label>
      <p className="field__hint" id={`sso-${k}-hint`}>
        {t(`field.${k}Hint`)}
      </p>
    </div>
  );

  return (
    <form ref={formRef} className="form card section" noValidate onSubmit={(e) => void submit(e)}>
      <h3>{provider ? t('form.editTitle', { label: provider.label }) : t('form.addTitle')}</h3>
      {errors.form ? (
        <Alert>
          <p>{errors.form}</p>
        </Alert>
      ) : null}
      {text('label')}
      {text('slug')}
      {text('issuer', { type: 'url', inputMode: 'url' })}
      {text('clientId', { autoComplete: 'off' })}
      <TextField
        id="sso-clientSecret"
        type="password"
        autoComplete="new-password"
        label={t('field.clientSecret')}
        hint={provider ? t('field.clientSecretKeep') : t('field.clientSecretHint')}
        value={v.clientSecret}
        onChange={(e) => set('clientSecret', e.target.value)}
        error={errors.fields.clientSecret}
      />
      {text('emailClaim')}
      {check('trustEmail')}
      {check('createAccounts')}
      {provider ? <p className="muted small">{t('form.retestNote')}</p> : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {t('form.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

function RequiredSetting({ required }: { required: boolean }) {
  const { t } = useTranslation('sso');
  const client = useQueryClient();
  const errorText = useErrorText();
  const save = useMutation({
    mutationFn: ssoApi.setRequired,
    onSuccess: (fresh) => client.setQueryData(KEY, fresh),
  });
  return (
    <section className="card section" aria-labelledby="sso-required">
      <h2 id="sso-required">{t('required.title')}</h2>
      <div className="field field--checkbox">
        <input
          id="sso-required-box"
          type="checkbox"
          checked={required}
          disabled={save.isPending}
          aria-describedby="sso-required-hint"
          onChange={(e) => save.mutate(e.target.checked)}
        />
        <label htmlFor="sso-required-box">{t('required.label')}</label>
        <p className="field__hint" id="sso-required-hint">
          {t('required.hint')}
        </p>
      </div>
      {save.error ? (
        <Alert>
          <p>{errorText(save.error)}</p>
        </Alert>
      ) : null}
    </section>
  );
}
