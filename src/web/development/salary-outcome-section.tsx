import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SALARY_CHANGE_KINDS, type SalaryChangeKind } from '../../domain/development/salary';
import { Alert, LoadError, Loading } from '../components/feedback';
import { Field, TextField } from '../components/field';
import { useFormErrors } from '../components/use-form-errors';
import { useFormat } from '../session';
import { goalKeys, goalsApi, type ConversationRef, type SalaryOutcome } from './goals-api';

const FIELDS = ['changeKind', 'amount', 'currency', 'effectiveDate', 'criteria', 'comment'];

/** The outcome of a salary conversation (salary conversations only; never elsewhere). */
export function SalaryOutcomeSection({ conversation }: { conversation: ConversationRef }) {
  const { t } = useTranslation('goals');
  const q = useQuery({
    queryKey: goalKeys.salary(conversation.id),
    queryFn: () => goalsApi.salary(conversation.id),
    enabled: conversation.kind === 'salary',
  });
  if (conversation.kind !== 'salary') return null;
  const editable =
    conversation.can.writeSalaryOutcome &&
    conversation.status !== 'closed' &&
    conversation.status !== 'signed';
  return (
    <section className="card" aria-labelledby="salary-heading">
      <h2 id="salary-heading">{t('salary.title')}</h2>
      <p className="muted">{t('salary.hidden')}</p>
      {q.isPending ? <Loading /> : null}
      {q.error ? <LoadError error={q.error} retry={() => void q.refetch()} /> : null}
      {q.data ? (
        editable ? (
          <SalaryForm conversationId={conversation.id} current={q.data.outcome} />
        ) : q.data.outcome ? (
          <SalaryText outcome={q.data.outcome} />
        ) : (
          <p>{t('salary.none')}</p>
        )
      ) : null}
    </section>
  );
}

function SalaryText({ outcome }: { outcome: SalaryOutcome }) {
  const { t } = useTranslation('goals');
  const fmt = useFormat();
  return (
    <div>
      <p>
        <strong>{t(`salary.changeKind.${outcome.changeKind}`)}: </strong>
        {t(`salary.value.${outcome.changeKind}`, {
          amount: outcome.amount,
          currency: outcome.currency,
        })}{' '}
        · {t('salary.effective', { date: fmt.day(outcome.effectiveDate) })}
      </p>
      {outcome.criteria ? (
        <p>
          {t('salary.criteria')}: {outcome.criteria}
        </p>
      ) : null}
      {outcome.comment ? <p>{outcome.comment}</p> : null}
    </div>
  );
}

function SalaryForm(props: { conversationId: string; current: SalaryOutcome | null }) {
  const { t } = useTranslation('goals');
  const client = useQueryClient();
  const { errors, formRef, showApiError, clear } = useFormErrors(FIELDS);
  const c = props.current;
  const [v, setV] = useState({
    changeKind: c?.changeKind ?? 'new_salary',
    amount: c?.amount ?? '',
    currency: c?.currency ?? 'SEK',
    effectiveDate: c?.effectiveDate ?? '',
    criteria: c?.criteria ?? '',
    comment: c?.comment ?? '',
  });
  const save = useMutation({
    mutationFn: () => goalsApi.saveSalary(props.conversationId, v),
    onSuccess: async () => {
      clear();
      await client.invalidateQueries({ queryKey: goalKeys.salary(props.conversationId) });
    },
    onError: showApiError,
  });
  const text = (name: Exclude<keyof typeof v, 'changeKind'>, type = 'text') => (
    <TextField
      id={`salary-${name}`}
      type={type}
      label={t(`salary.${name}`)}
      value={v[name]}
      error={errors.fields[name]}
      onChange={(e) => setV({ ...v, [name]: e.target.value })}
    />
  );
  return (
    <form
      ref={formRef}
      className="form__grid"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Field id="salary-changeKind" label={t('salary.changeKind.label')}>
        {(control) => (
          <select
            {...control}
            value={v.changeKind}
            onChange={(e) => setV({ ...v, changeKind: e.target.value as SalaryChangeKind })}
          >
            {SALARY_CHANGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`salary.changeKind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('amount')}
      {text('currency')}
      {text('effectiveDate', 'date')}
      {text('criteria')}
      {text('comment')}
      {errors.form ? (
        <Alert>
          <p>{errors.form}</p>
        </Alert>
      ) : null}
      {save.isSuccess ? (
        <Alert kind="success">
          <p>{t('salary.saved')}</p>
        </Alert>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('salary.save')}
        </button>
      </div>
    </form>
  );
}
