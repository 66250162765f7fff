import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { TextField } from '../components/field';
import { NoAccess } from '../components/no-access';
import { Page } from '../components/page';
import { useFormErrors } from '../components/use-form-errors';
import { useMe } from '../session';
import { LOCALES, LOCALE_NAMES } from '../../i18n/index';
import { goalKeys, goalsApi, type OrganisationGoal } from './goals-api';
import './goals-section.css';

/** HR's list of organisation goals that personal goals can point at. */
export function OrganisationGoalsPage() {
  const { t } = useTranslation('goals');
  const me = useMe();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: [...goalKeys.organisation, 'all'],
    queryFn: () => goalsApi.organisationGoals('include'),
  });
  const toggle = useMutation({
    mutationFn: (g: { id: string; archived: boolean }) =>
      goalsApi.updateOrganisationGoal(g.id, { archived: g.archived }),
    onSuccess: () => client.invalidateQueries({ queryKey: goalKeys.organisation }),
  });
  if (me.data && !me.data.can.manageOrganisationGoals) return <NoAccess />;
  return (
    <Page title={t('organisationGoals.title')} intro={t('organisationGoals.intro')}>
      {q.isPending ? <Loading /> : null}
      {q.error ? <LoadError error={q.error} retry={() => void q.refetch()} /> : null}
      {q.data?.items.length === 0 ? <p>{t('organisationGoals.empty')}</p> : null}
      <ul className="goal-list">
        {q.data?.items.map((g) => (
          <li key={g.id}>
            <strong>{g.title}</strong>
            {g.archived ? (
              <span className="muted"> · {t('organisationGoals.archived')}</span>
            ) : null}
            {g.description ? <p>{g.description}</p> : null}
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => toggle.mutate({ id: g.id, archived: !g.archived })}
            >
              {g.archived ? t('organisationGoals.restore') : t('organisationGoals.archive')}
            </button>
            <GoalLanguages goal={g} />
          </li>
        ))}
      </ul>
      <NewOrganisationGoal />
    </Page>
  );
}

/**
 * The goal in each language: people read their own, and the goal as first written where HR
 * left a language empty.
 */
function GoalLanguages({ goal }: { goal: OrganisationGoal }) {
  const { t } = useTranslation('goals');
  const client = useQueryClient();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState(() =>
    Object.fromEntries(
      LOCALES.map((l) => [
        l,
        {
          title: goal.translations[l]?.title ?? '',
          description: goal.translations[l]?.description ?? '',
        },
      ]),
    ),
  );
  const save = useMutation({
    mutationFn: () => goalsApi.updateOrganisationGoal(goal.id, { translations: v }),
    onSuccess: async () => {
      setOpen(false);
      await client.invalidateQueries({ queryKey: goalKeys.organisation });
    },
  });
  const given = LOCALES.filter((l) => goal.translations[l]?.title);
  if (!open)
    return (
      <p className="small muted">
        {given.length
          ? t('organisationGoals.languagesGiven', {
              languages: given.map((l) => LOCALE_NAMES[l]).join(', '),
            })
          : t('organisationGoals.languagesNone')}{' '}
        <button
          type="button"
          className="button button--ghost button--small"
          aria-label={t('organisationGoals.languagesFor', { title: goal.original.title })}
          onClick={() => setOpen(true)}
        >
          {t('organisationGoals.languages')}
        </button>
      </p>
    );
  return (
    <form
      className="form__grid goal-form goal-languages"
      aria-label={t('organisationGoals.languagesFor', { title: goal.original.title })}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <p className="muted small">
        {t('organisationGoals.languagesHint', { title: goal.original.title })}
      </p>
      {LOCALES.map((l) => (
        <fieldset key={l} className="fieldset">
          <legend>{LOCALE_NAMES[l]}</legend>
          <TextField
            id={`org-goal-${goal.id}-${l}-title`}
            label={t('organisationGoals.name')}
            value={v[l]!.title}
            onChange={(e) => setV({ ...v, [l]: { ...v[l]!, title: e.target.value } })}
          />
          <TextField
            id={`org-goal-${goal.id}-${l}-description`}
            label={t('organisationGoals.description')}
            value={v[l]!.description}
            onChange={(e) => setV({ ...v, [l]: { ...v[l]!, description: e.target.value } })}
          />
        </fieldset>
      ))}
      {save.error ? (
        <Alert>
          <p>{errorText(save.error)}</p>
        </Alert>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('organisationGoals.languagesSave')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
          {t('organisationGoals.languagesCancel')}
        </button>
      </div>
    </form>
  );
}

function NewOrganisationGoal() {
  const { t } = useTranslation('goals');
  const client = useQueryClient();
  const { errors, formRef, showApiError, clear } = useFormErrors(['title', 'description']);
  const [v, setV] = useState({ title: '', description: '' });
  const add = useMutation({
    mutationFn: () => goalsApi.addOrganisationGoal(v),
    onSuccess: async () => {
      setV({ title: '', description: '' });
      clear();
      await client.invalidateQueries({ queryKey: goalKeys.organisation });
    },
    onError: showApiError,
  });
  return (
    <section className="card" aria-labelledby="org-goal-add">
      <h2 id="org-goal-add">{t('organisationGoals.add')}</h2>
      <form
        ref={formRef}
        className="form__grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <TextField
          id="org-goal-title"
          label={t('organisationGoals.name')}
          value={v.title}
          error={errors.fields.title}
          onChange={(e) => setV({ ...v, title: e.target.value })}
        />
        <TextField
          id="org-goal-description"
          label={t('organisationGoals.description')}
          value={v.description}
          error={errors.fields.description}
          onChange={(e) => setV({ ...v, description: e.target.value })}
        />
        {errors.form ? (
          <Alert>
            <p>{errors.form}</p>
          </Alert>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button" disabled={add.isPending}>
            {t('organisationGoals.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
