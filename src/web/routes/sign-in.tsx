import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { LOCALE_NAMES, isLocale } from '../../i18n/index';
import { api, http } from '../api';
import { Alert } from '../components/feedback';
import { TextField } from '../components/field';
import { PublicLayout } from '../components/public-layout';
import { PageHeading, useDocumentTitle } from '../components/page';
import { useFormErrors } from '../components/use-form-errors';
import { switchLanguage } from '../i18n';
import { ME_KEY, useMe } from '../session';
import { rememberOrg, rememberedOrg, signInHref, ssoApi } from '../sso/api';

/** What sign-out hands the sign-in page: the provider's own logout, when it has one. */
export type SignedOutState = { providerLogout?: { label: string; url: string } };

/**
 * The organisation's identity providers, first (decision 019): the organisation comes from
 * `?org=<slug>` (remembered in this browser) or from the last sign-in here.
 */
function useSignInOptions() {
  const [params] = useSearchParams();
  const fromUrl = params.get('org');
  const org = fromUrl && /^[a-z0-9][a-z0-9-]{0,62}$/.test(fromUrl) ? fromUrl : rememberedOrg();
  if (fromUrl && org === fromUrl) rememberOrg(fromUrl);
  const options = useQuery({
    queryKey: ['sso-options', org],
    queryFn: () => ssoApi.options(org!),
    enabled: !!org,
    retry: false,
    staleTime: 60_000,
  });
  return { org, options: options.data, ready: !org || !options.isPending };
}

/** Only paths inside the app are followed after sign-in (no open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** E-mail and password in; the person lands on their own home. */
export function SignInPage() {
  const { t } = useTranslation('auth');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, formRef, show, showApiError } = useFormErrors(['email', 'password']);
  const { org, options, ready } = useSignInOptions();
  const location = useLocation();
  const signedOut = (location.state as SignedOutState | null) ?? null;
  const ssoError = params.get('error');
  useDocumentTitle(t('signIn.title'));

  if (me && !busy) return <Navigate to={safeNext(params.get('next'))} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (!email.trim()) fields.email = t('errors:field.required');
    if (!password) fields.password = t('errors:field.required');
    if (Object.keys(fields).length) return show({ fields, form: null });
    setBusy(true);
    try {
      await api.login(email, password);
      const fresh = await client.fetchQuery({ queryKey: ME_KEY, queryFn: api.me, staleTime: 0 });
      await switchLanguage(fresh.locale);
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      setBusy(false);
      setPassword('');
      showApiError(err);
    }
  }

  const providers = options?.providers ?? [];
  const next = safeNext(params.get('next'));
  const passwordForm = (
    <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate className="form">
      {errors.form ? (
        <Alert>
          <p>{errors.form}</p>
        </Alert>
      ) : null}
      <TextField
        id="email"
        type="email"
        label={t('signIn.email')}
        autoComplete="username"
        inputMode="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.fields.email}
      />
      <TextField
        id="password"
        type="password"
        label={t('signIn.password')}
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.fields.password}
      />
      <button type="submit" className="button button--wide" disabled={busy}>
        {busy ? t('signIn.busy') : t('signIn.submit')}
      </button>
    </form>
  );

  return (
    <PublicLayout>
      <PageHeading>{t('signIn.title')}</PageHeading>
      <p className="muted">{t('signIn.intro')}</p>
      {signedOut?.providerLogout ? (
        <Alert kind="info">
          <p>{t('sso.signedOut')}</p>
          <p>
            <a href={signedOut.providerLogout.url}>
              {t('sso.providerLogout', { label: signedOut.providerLogout.label })}
            </a>
          </p>
        </Alert>
      ) : null}
      {ssoError ? (
        <Alert focus>
          <p>{t(`errors:${ssoError}`, { defaultValue: t('errors:sso.failed') })}</p>
        </Alert>
      ) : null}
      {org && providers.length ? (
        <div className="sso-buttons">
          {providers.map((p) => (
            <a key={p.slug} className="button button--wide" href={signInHref(org, p.slug, next)}>
              {t('sso.signInWith', { label: p.label })}
            </a>
          ))}
        </div>
      ) : null}
      {!ready ? null : options?.ssoRequired && providers.length ? (
        <details className="sso-password">
          <summary>{t('sso.adminPassword')}</summary>
          <p className="muted small">{t('sso.adminPasswordHint')}</p>
          {passwordForm}
        </details>
      ) : (
        <>
          {providers.length ? <h2 className="sso-or">{t('sso.orPassword')}</h2> : null}
          {passwordForm}
        </>
      )}
      <p>
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
      <p className="muted small">{t('signIn.firstTime')}</p>
      <DemoSignIns
        onPick={(who, secret) => {
          setEmail(who);
          setPassword(secret);
        }}
      />
    </PublicLayout>
  );
}

type DemoSignIn = { role: string; email: string; name: string; locale: string };

/** On a demo server (`serve --demo`) only: the demo people, one click to fill the form. */
function DemoSignIns({ onPick }: { onPick: (email: string, password: string) => void }) {
  const { t } = useTranslation('auth');
  // Any other server answers 404: then nothing is shown.
  const demo = useQuery({
    queryKey: ['demo-sign-ins'],
    queryFn: () => http.get<{ password: string; items: DemoSignIn[] }>('/api/demo/sign-ins'),
    retry: false,
    staleTime: Infinity,
  });
  if (!demo.data) return null;
  const { password, items } = demo.data;
  return (
    <section className="card demo-sign-ins" aria-labelledby="demo-sign-ins">
      <h2 id="demo-sign-ins">{t('demo.title')}</h2>
      <p className="muted small">{t('demo.intro', { password })}</p>
      <ul className="demo-sign-ins__list">
        {items.map((p) => (
          <li key={p.email}>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onPick(p.email, password)}
            >
              {t('demo.person', {
                name: p.name,
                role: t(`demo.role.${p.role.toLowerCase()}`, { defaultValue: p.role }),
                language: isLocale(p.locale) ? LOCALE_NAMES[p.locale] : p.locale,
              })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
