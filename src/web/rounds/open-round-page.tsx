import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localise } from '../../domain/one-on-one/template';
import { CONVERSATION_KINDS, type ConversationKind } from '../../domain/development/template';
import { SALARY_FIRST_RULES, type SalaryFirstRule } from '../../domain/development/salary-first';
import { Alert, LoadError, Loading } from '../components/feedback';
import { Field, TextField } from '../components/field';
import { Page } from '../components/page';
import { PersonPicker } from '../components/person-picker';
import { useFormErrors } from '../components/use-form-errors';
import { useDepartmentPaths } from '../queries';
import { roundKeys, roundsApi, type RoundInput, type RoundOpened } from './api';
import './rounds.css';

const FIELDS = [
  'kind',
  'templateId',
  'name',
  'periodStart',
  'periodEnd',
  'deadline',
  'scope',
  'salaryFirst',
  'salaryFirst.roundId',
];
type ScopeType = RoundInput['scope']['type'];

/** HR opens a round: kind, template, name, period, deadline and who is included. */
export function OpenRoundPage() {
  const { t, i18n } = useTranslation('rounds');
  const client = useQueryClient();
  const templates = useQuery({
    queryKey: roundKeys.templates(false),
    queryFn: () => roundsApi.templates(false),
  });
  const { paths } = useDepartmentPaths();
  const [kind, setKind] = useState<ConversationKind>('development');
  const [templateId, setTemplateId] = useState('');
  const [name, setName] = useState('');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [deadline, setDeadline] = useState('');
  const [scopeType, setScopeType] = useState<ScopeType>('department');
  const [departmentId, setDepartmentId] = useState('');
  const [includeSubunits, setIncludeSubunits] = useState(true);
  const [managerId, setManagerId] = useState<string | null>(null);
  const [wholeOrganisation, setWholeOrganisation] = useState(false);
  // Seed 004: a development round may put a salary round first.
  const rounds = useQuery({ queryKey: roundKeys.salaryChoices(), queryFn: () => roundsApi.list() });
  const [salaryRoundId, setSalaryRoundId] = useState('');
  const [salaryRule, setSalaryRule] = useState<SalaryFirstRule>('warn');
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<RoundOpened | null>(null);
  const { errors, formRef, show, showApiError } = useFormErrors(FIELDS);

  if (templates.isPending) return <Loading />;
  if (!templates.data) return <LoadError error={templates.error} />;
  const ofKind = templates.data.items.filter((x) => x.kind === kind);
  const salaryRounds = (rounds.data?.items ?? []).filter((r) => r.kind === 'salary' && !r.closed);
  const chosenTemplate = ofKind.some((x) => x.id === templateId)
    ? templateId
    : (ofKind[0]?.id ?? '');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const required = t('errors:field.required');
    const missing: Record<string, string> = {};
    if (!chosenTemplate) missing.templateId = required;
    if (!name.trim()) missing.name = required;
    if (!periodStart) missing.periodStart = required;
    if (!periodEnd) missing.periodEnd = required;
    if (!deadline) missing.deadline = required;
    if (scopeType === 'department' && !departmentId) missing.scope = required;
    if (scopeType === 'manager' && !managerId) missing.scope = required;
    if (Object.keys(missing).length) return show({ fields: missing, form: null });
    const scope: RoundInput['scope'] =
      scopeType === 'all'
        ? { type: 'all' }
        : scopeType === 'department'
          ? { type: 'department', departmentId, includeSubunits }
          : { type: 'manager', managerId: managerId!, wholeOrganisation };
    setBusy(true);
    try {
      const result = await roundsApi.open({
        kind,
        templateId: chosenTemplate,
        name: name.trim(),
        periodStart,
        periodEnd,
        deadline,
        scope,
        salaryFirst:
          kind === 'development' && salaryRoundId
            ? { roundId: salaryRoundId, rule: salaryRule }
            : null,
      });
      await client.invalidateQueries({ queryKey: roundKeys.all });
      setOpened(result);
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  }

  if (opened) return <Opened result={opened} />;
  return (
    <Page title={t('open.title')} intro={t('open.intro')}>
      <form
        className="form form--wide round-form"
        ref={formRef}
        onSubmit={(e) => void submit(e)}
        noValidate
      >
        {errors.form ? <Alert>{errors.form}</Alert> : null}
        <Field id="round-kind" label={t('open.kind')} error={errors.fields.kind}>
          {(c) => (
            <select
              {...c}
              value={kind}
              onChange={(e) => setKind(e.target.value as ConversationKind)}
            >
              {CONVERSATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="round-template"
          label={t('open.template')}
          hint={ofKind.length ? t('open.templateHint') : t('open.noTemplates')}
          error={errors.fields.templateId}
        >
          {(c) => (
            <select {...c} value={chosenTemplate} onChange={(e) => setTemplateId(e.target.value)}>
              {ofKind.map((x) => (
                <option key={x.id} value={x.id}>
                  {localise(x.name, i18n.language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          id="round-name"
          label={t('open.name')}
          hint={t('open.nameHint')}
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
        />
        <div className="round-form__dates">
          <TextField
            id="round-start"
            type="date"
            label={t('open.periodStart')}
            value={periodStart}
            onChange={(e) => setPeriodStart(e.target.value)}
            error={errors.fields.periodStart}
          />
          <TextField
            id="round-end"
            type="date"
            label={t('open.periodEnd')}
            value={periodEnd}
            onChange={(e) => setPeriodEnd(e.target.value)}
            error={errors.fields.periodEnd}
          />
          <TextField
            id="round-deadline"
            type="date"
            label={t('open.deadline')}
            hint={t('open.deadlineHint')}
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            error={errors.fields.deadline}
          />
        </div>
        <fieldset className="fieldset">
          <legend>{t('open.scope')}</legend>
          {errors.fields.scope ? (
            <p className="field__error" role="alert">
              {errors.fields.scope}
            </p>
          ) : null}
          {(['all', 'department', 'manager'] as const).map((s) => (
            <div className="field field--checkbox" key={s}>
              <input
                type="radio"
                id={`scope-${s}`}
                name="scope"
                value={s}
                checked={scopeType === s}
                aria-invalid={errors.fields.scope && scopeType === s ? true : undefined}
                onChange={() => setScopeType(s)}
              />
              <label htmlFor={`scope-${s}`}>
                {t(
                  s === 'all'
                    ? 'open.scopeAll'
                    : s === 'department'
                      ? 'open.scopeDepartment'
                      : 'open.scopeManager',
                )}
              </label>
            </div>
          ))}
          {scopeType === 'department' ? (
            <div className="round-form__scope">
              <Field id="round-department" label={t('open.department')}>
                {(c) => (
                  <select
                    {...c}
                    value={departmentId}
                    onChange={(e) => setDepartmentId(e.target.value)}
                  >
                    <option value="">{t('open.chooseDepartment')}</option>
                    {paths.map((p) => (
                      <option key={p.department.id} value={p.department.id}>
                        {p.path}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <div className="field field--checkbox">
                <input
                  type="checkbox"
                  id="round-subunits"
                  checked={includeSubunits}
                  onChange={(e) => setIncludeSubunits(e.target.checked)}
                />
                <label htmlFor="round-subunits">{t('open.includeSubunits')}</label>
              </div>
            </div>
          ) : null}
          {scopeType === 'manager' ? (
            <div className="round-form__scope">
              <PersonPicker
                id="round-manager"
                label={t('open.manager')}
                value={managerId}
                onChange={setManagerId}
              />
              <div className="field field--checkbox">
                <input
                  type="checkbox"
                  id="round-whole"
                  checked={wholeOrganisation}
                  onChange={(e) => setWholeOrganisation(e.target.checked)}
                />
                <label htmlFor="round-whole">{t('open.wholeOrganisation')}</label>
              </div>
            </div>
          ) : null}
        </fieldset>
        {kind === 'development' ? (
          <fieldset className="fieldset">
            <legend>{t('open.salaryFirst')}</legend>
            <p className="muted small">{t('open.salaryFirstHint')}</p>
            {errors.fields.salaryFirst ? (
              <p className="field__error" role="alert">
                {errors.fields.salaryFirst}
              </p>
            ) : null}
            <Field
              id="round-salary-round"
              label={t('open.salaryRound')}
              hint={salaryRounds.length ? undefined : t('open.noSalaryRounds')}
              error={errors.fields['salaryFirst.roundId']}
            >
              {(c) => (
                <select
                  {...c}
                  value={salaryRoundId}
                  onChange={(e) => setSalaryRoundId(e.target.value)}
                >
                  <option value="">{t('open.salaryRoundNone')}</option>
                  {salaryRounds.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {salaryRoundId
              ? SALARY_FIRST_RULES.map((rule) => (
                  <div className="field field--checkbox" key={rule}>
                    <input
                      type="radio"
                      id={`salary-first-${rule}`}
                      name="salary-first"
                      value={rule}
                      checked={salaryRule === rule}
                      onChange={() => setSalaryRule(rule)}
                    />
                    <label htmlFor={`salary-first-${rule}`}>{t(`open.salaryRule.${rule}`)}</label>
                  </div>
                ))
              : null}
          </fieldset>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('open.opening') : t('open.submit')}
          </button>
          <Link to="/rounds" className="button button--ghost">
            {t('open.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}

/** What opening did: how many conversations, and who was left out and why. */
function Opened({ result }: { result: RoundOpened }) {
  const { t } = useTranslation('rounds');
  const { skipped } = result;
  return (
    <Page title={result.round.name}>
      <Alert kind="success" focus>
        <p>{t('open.created', { count: result.created, name: result.round.name })}</p>
      </Alert>
      {skipped.total > 0 ? (
        <section className="section card" aria-labelledby="skipped-heading">
          <h2 id="skipped-heading">{t('open.skippedTitle', { count: skipped.total })}</h2>
          <ul>
            {skipped.people.map((p) => (
              <li key={p.id}>
                {p.name} – {t(`open.reason.${p.reason}`)}
              </li>
            ))}
          </ul>
          {skipped.total > skipped.people.length ? (
            <p>{t('open.moreSkipped', { count: skipped.total - skipped.people.length })}</p>
          ) : null}
        </section>
      ) : null}
      <Link className="button" to={`/rounds/${result.round.id}`}>
        {t('open.toRound')}
      </Link>
    </Page>
  );
}
