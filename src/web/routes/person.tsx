import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, type Person } from '../api';
import { ConfirmDialog } from '../components/confirm-dialog';
import { PersonPrivacy } from '../privacy/person-sections';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { Page } from '../components/page';
import { keys } from '../queries';
import { useFormat } from '../session';
import { PersonForm } from './person-form';

/** Adds a person; on success the new person's page opens. */
export function NewPersonPage() {
  const { t } = useTranslation('people');
  const client = useQueryClient();
  const navigate = useNavigate();
  return (
    <Page title={t('form.addTitle')} intro={t('form.addIntro')}>
      <p>
        <Link to="/people">{t('form.back')}</Link>
      </p>
      <PersonForm
        submitLabel={t('form.add')}
        onSubmit={async (input) => {
          const person = await api.createPerson(input);
          client.setQueryData(keys.person(person.id), person);
          await client.invalidateQueries({ queryKey: keys.people });
          void navigate(`/people/${person.id}`, { state: { saved: 'created' } });
        }}
      />
    </Page>
  );
}

/** One person: edit their details, invite them or send them a new password, deactivate. */
export function PersonPage() {
  const { t } = useTranslation('people');
  const { id = '' } = useParams();
  const location = useLocation();
  const client = useQueryClient();
  const [saved, setSaved] = useState<string | null>(
    (location.state as { saved?: string } | null)?.saved ?? null,
  );
  const person = useQuery({ queryKey: keys.person(id), queryFn: () => api.person(id) });

  if (person.isPending) return <Loading />;
  if (person.error) return <LoadError error={person.error} retry={() => void person.refetch()} />;
  const p = person.data;

  return (
    <Page
      title={p.name}
      intro={[p.jobTitle, p.email].filter(Boolean).join(' · ')}
      actions={
        p.active ? null : <span className="badge badge--large">{t('list.deactivated')}</span>
      }
    >
      <p>
        <Link to="/people">{t('form.back')}</Link>
      </p>
      {saved ? (
        <Alert kind="success">
          <p>{saved === 'created' ? t('form.created', { name: p.name }) : t('form.saved')}</p>
        </Alert>
      ) : null}
      {p.erased ? null : (
        <>
          <section aria-labelledby="details-heading" className="section">
            <h2 id="details-heading">{t('form.detailsTitle')}</h2>
            <PersonForm
              key={p.id}
              person={p}
              submitLabel={t('form.save')}
              onSubmit={async (input) => {
                setSaved(null);
                const updated = await api.updatePerson(p.id, input);
                client.setQueryData(keys.person(p.id), updated);
                await client.invalidateQueries({ queryKey: keys.people });
                await client.invalidateQueries({ queryKey: keys.team });
                setSaved('saved');
              }}
            />
          </section>
          <SignInLink person={p} />
          <Activation person={p} />
        </>
      )}
      <PersonPrivacy person={p} />
    </Page>
  );
}

/**
 * A way in for the person. Someone who has never signed in gets an invitation HR may hand over
 * (also mailed to them); anyone else gets a link mailed to their own address only, which HR
 * never sees (decision 016). The server says which, in `person.can.link`.
 */
function SignInLink({ person }: { person: Person }) {
  const { t } = useTranslation('people');
  const fmt = useFormat();
  const errorText = useErrorText();
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const link = useMutation({ mutationFn: () => api.passwordLink(person.id) });
  const kind = person.can?.link ?? null;

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard permission: select the text so the person can copy it themselves.
      input.current?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
  }

  if (!kind) return null;
  const sent = link.data?.kind === 'reset_sent' ? link.data : null;
  const invitation = link.data?.kind === 'invitation' ? link.data : null;
  return (
    <section aria-labelledby="link-heading" className="section card">
      <h2 id="link-heading">
        {kind === 'invitation' ? t('link.inviteTitle') : t('link.resetTitle')}
      </h2>
      <p>
        {kind === 'invitation'
          ? t('link.neverSignedIn', { name: person.name })
          : t('link.signedIn', { name: person.name })}
      </p>
      <p className="muted">
        {kind === 'invitation'
          ? t('link.inviteExplain', { name: person.name })
          : t('link.resetExplain', { name: person.name })}
      </p>
      {link.error ? (
        <Alert>
          <p>{errorText(link.error)}</p>
        </Alert>
      ) : null}
      {sent ? (
        <Alert kind="success">
          <p>{t('link.sent', { name: person.name })}</p>
          <p>{t('link.sentExpires', { date: fmt.dateTime(sent.expiresAt) })}</p>
        </Alert>
      ) : null}
      {invitation ? (
        <div className="copy">
          <div className="field">
            <label htmlFor="sign-in-link">{t('link.label')}</label>
            <p className="field__hint" id="sign-in-link-hint">
              {t('link.expires', { date: fmt.dateTime(invitation.expiresAt) })}
            </p>
            <div className="copy__row">
              <input
                ref={input}
                id="sign-in-link"
                readOnly
                value={invitation.url}
                aria-describedby="sign-in-link-hint"
                onFocus={(e) => e.target.select()}
              />
              <button type="button" className="button" onClick={() => void copy(invitation.url)}>
                {t('link.copy')}
              </button>
            </div>
          </div>
          <p role="status" className="muted small">
            {copied ? t('link.copied') : t('link.mailedToo', { name: person.name })}
          </p>
        </div>
      ) : null}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setCopied(false);
          link.mutate();
        }}
        disabled={link.isPending}
      >
        {kind === 'invitation'
          ? invitation
            ? t('link.inviteAgain')
            : t('link.invite')
          : sent
            ? t('link.resetAgain')
            : t('link.reset')}
      </button>
    </section>
  );
}

function Activation({ person }: { person: Person }) {
  const { t } = useTranslation('people');
  const client = useQueryClient();
  const errorText = useErrorText();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: () => api.setActive(person.id, !person.active),
    onSuccess: async (updated) => {
      client.setQueryData(keys.person(person.id), updated);
      setAsking(false);
      setDone(updated.active ? t('activation.reactivated') : t('activation.deactivated'));
      await client.invalidateQueries({ queryKey: keys.people });
      await client.invalidateQueries({ queryKey: keys.team });
    },
    onError: () => setAsking(false),
  });
  const deactivate = person.active;
  return (
    <section aria-labelledby="activation-heading" className="section card">
      <h2 id="activation-heading">
        {deactivate ? t('activation.deactivateTitle') : t('activation.reactivateTitle')}
      </h2>
      <p className="muted">
        {deactivate ? t('activation.deactivateExplain') : t('activation.reactivateExplain')}
      </p>
      {done ? (
        <Alert kind="success">
          <p>{done}</p>
        </Alert>
      ) : null}
      {change.error ? (
        <Alert focus>
          <p>{errorText(change.error)}</p>
        </Alert>
      ) : null}
      <button
        type="button"
        className={deactivate ? 'button button--danger-outline' : 'button button--secondary'}
        onClick={() => {
          setDone(null);
          change.reset();
          setAsking(true);
        }}
      >
        {deactivate ? t('activation.deactivate') : t('activation.reactivate')}
      </button>
      <ConfirmDialog
        open={asking}
        title={
          deactivate
            ? t('activation.confirmDeactivate', { name: person.name })
            : t('activation.confirmReactivate', { name: person.name })
        }
        confirmLabel={deactivate ? t('activation.deactivate') : t('activation.reactivate')}
        danger={deactivate}
        busy={change.isPending}
        onConfirm={() => change.mutate()}
        onCancel={() => setAsking(false)}
      >
        <p>{deactivate ? t('activation.deactivateExplain') : t('activation.reactivateExplain')}</p>
      </ConfirmDialog>
    </section>
  );
}
