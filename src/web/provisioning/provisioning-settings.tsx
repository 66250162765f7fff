import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { ConfirmDialog } from '../components/confirm-dialog';
import { TextField } from '../components/field';
import { useFormErrors } from '../components/use-form-errors';
import { useFormat, useMe } from '../session';
import { provisioningApi, provisioningKeys, type ScimToken } from './api';

/**
 * Settings → Provisioning (decision 022): the SCIM address, whether provisioning creates
 * missing units (HR and administrators), and the tokens (administrators only).
 */
export function ProvisioningSettings() {
  const { data: me } = useMe();
  if (!me?.can.manageScimSettings && !me?.can.manageScimTokens) return null;
  return <Provisioning tokens={me.can.manageScimTokens} />;
}

function Provisioning({ tokens }: { tokens: boolean }) {
  const { t } = useTranslation('settings');
  const errorText = useErrorText();
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: provisioningKeys.settings,
    queryFn: provisioningApi.settings,
  });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: provisioningApi.saveSettings,
    onSuccess: (fresh) => {
      client.setQueryData(provisioningKeys.settings, fresh);
      setSaved(true);
    },
  });
  return (
    <section className="card section" aria-labelledby="provisioning-heading">
      <h2 id="provisioning-heading">{t('provisioning.title')}</h2>
      <p className="muted">{t('provisioning.intro')}</p>
      {settings.isPending ? (
        <Loading />
      ) : settings.error ? (
        <LoadError error={settings.error} retry={() => void settings.refetch()} />
      ) : (
        <>
          <p>
            {t('provisioning.tenantUrl')} <code>{settings.data.tenantUrl}</code>
          </p>
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={settings.data.createDepartments}
                disabled={save.isPending}
                onChange={(e) => {
                  setSaved(false);
                  save.mutate(e.target.checked);
                }}
              />{' '}
              {t('provisioning.createDepartments')}
            </label>
            <p className="muted small">{t('provisioning.createDepartmentsHint')}</p>
          </div>
          <p role="status" className="status">
            {saved ? t('provisioning.saved') : ''}
          </p>
          {save.error ? (
            <Alert focus>
              <p>{errorText(save.error)}</p>
            </Alert>
          ) : null}
        </>
      )}
      {tokens ? <Tokens /> : null}
    </section>
  );
}

function Tokens() {
  const { t } = useTranslation('settings');
  const fmt = useFormat();
  const errorText = useErrorText();
  const client = useQueryClient();
  const list = useQuery({ queryKey: provisioningKeys.tokens, queryFn: provisioningApi.tokens });
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [revoking, setRevoking] = useState<ScimToken | null>(null);
  const { errors, formRef, show, showApiError, clear } = useFormErrors(['name']);
  const create = useMutation({
    mutationFn: provisioningApi.createToken,
    onSuccess: async (made) => {
      clear();
      setName('');
      setSecret({ name: made.token.name, value: made.secret });
      await client.invalidateQueries({ queryKey: provisioningKeys.tokens });
    },
    onError: showApiError,
  });
  const revoke = useMutation({
    mutationFn: (token: ScimToken) => provisioningApi.revokeToken(token.id),
    onSuccess: async () => {
      setRevoking(null);
      await client.invalidateQueries({ queryKey: provisioningKeys.tokens });
    },
  });

  return (
    <>
      <h3>{t('provisioning.tokens.title')}</h3>
      <p className="muted">{t('provisioning.tokens.intro')}</p>
      {secret ? (
        <Alert kind="success" focus>
          <p>{t('provisioning.tokens.created', { name: secret.name })}</p>
          <label className="field">
            <span>{t('provisioning.tokens.secret')}</span>
            <input
              readOnly
              value={secret.value}
              aria-describedby="scim-secret-once"
              onFocus={(e) => e.target.select()}
            />
          </label>
          <p id="scim-secret-once">
            <strong>{t('provisioning.tokens.once')}</strong>
          </p>
        </Alert>
      ) : null}
      <form
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSecret(null);
          if (!name.trim())
            return show({ fields: { name: t('errors:field.required') }, form: null });
          create.mutate(name.trim());
        }}
      >
        {errors.form ? (
          <Alert>
            <p>{errors.form}</p>
          </Alert>
        ) : null}
        <TextField
          id="scim-token-name"
          label={t('provisioning.tokens.name')}
          hint={t('provisioning.tokens.nameHint')}
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('provisioning.tokens.create')}
          </button>
        </div>
      </form>
      {revoke.error ? (
        <Alert focus>
          <p>{errorText(revoke.error)}</p>
        </Alert>
      ) : null}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('provisioning.tokens.none')}</p>
      ) : (
        <ul className="sessions" aria-label={t('provisioning.tokens.title')}>
          {list.data.items.map((token) => (
            <li key={token.id} className="sessions__item">
              <div>
                <p className="sessions__device">
                  {token.name}
                  {token.revokedAt ? (
                    <span className="badge">{t('provisioning.tokens.revoked')}</span>
                  ) : null}
                </p>
                <p className="muted small">
                  {t('provisioning.tokens.details', { created: fmt.dateTime(token.createdAt) })}
                  {' · '}
                  {token.lastUsedAt
                    ? t('provisioning.tokens.lastUsed', { at: fmt.dateTime(token.lastUsedAt) })
                    : t('provisioning.tokens.neverUsed')}
                </p>
              </div>
              {token.revokedAt ? null : (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setRevoking(token)}
                  aria-label={t('provisioning.tokens.revokeOne', { name: token.name })}
                >
                  {t('provisioning.tokens.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('provisioning.tokens.confirmTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('provisioning.tokens.revoke')}
        danger
        busy={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onCancel={() => setRevoking(null)}
      >
        <p>{t('provisioning.tokens.confirmText')}</p>
      </ConfirmDialog>
    </>
  );
}
