import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPETENCE_AREAS,
  PLAN_ACTIVITIES,
  type CompetenceArea,
  type PlanActivity,
} from '../../domain/development/goals';
import { Alert, LoadError, Loading } from '../components/feedback';
import { Field, TextField } from '../components/field';
import { useFormErrors } from '../components/use-form-errors';
import { useFormat } from '../session';
import { goalKeys, goalsApi, type ConversationRef, type PlanItem } from './goals-api';

const FIELDS = ['competence', 'competenceArea', 'activity', 'activityDetail', 'support', 'dueDate'];

/** The development plan: competence to grow, activity, support from the manager, due date. */
export function PlanSection({ conversation }: { conversation: ConversationRef }) {
  const { t } = useTranslation('goals');
  const client = useQueryClient();
  const q = useQuery({
    queryKey: goalKeys.plan(conversation.id),
    queryFn: () => goalsApi.plan(conversation.id),
  });
  const remove = useMutation({
    mutationFn: (itemId: string) => goalsApi.removePlanItem(itemId),
    onSuccess: () => client.invalidateQueries({ queryKey: goalKeys.plan(conversation.id) }),
  });
  if (conversation.kind === 'salary') return null;
  const readOnly = conversation.status === 'closed' || conversation.status === 'signed';
  return (
    <section className="card" aria-labelledby="dev-plan-heading">
      <h2 id="dev-plan-heading">{t('plan.title')}</h2>
      {q.isPending ? <Loading /> : null}
      {q.error ? <LoadError error={q.error} retry={() => void q.refetch()} /> : null}
      {q.data?.items.length === 0 ? <p className="muted">{t('plan.empty')}</p> : null}
      <ul className="goal-list">
        {q.data?.items.map((p) => (
          <li key={p.id}>
            <PlanItemText item={p} />
            {readOnly ? null : (
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => remove.mutate(p.id)}
              >
                {t('goals.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : <NewPlanItemForm conversationId={conversation.id} />}
    </section>
  );
}

/** One plan item as text. */
export function PlanItemText({ item }: { item: PlanItem }) {
  const { t } = useTranslation('goals');
  const fmt = useFormat();
  return (
    <div className="goal">
      <strong>{item.competence}</strong> – {t(`plan.activity.${item.activity}`)}
      {item.competenceArea ? (
        <span className="muted">
          {' '}
          · {t('plan.areaShown', { area: t(`plan.area.${item.competenceArea}`) })}
        </span>
      ) : null}
      {item.dueDate ? (
        <span className="muted"> · {t('goals.due', { date: fmt.day(item.dueDate) })}</span>
      ) : null}
      {item.done ? <span className="badge"> {t('plan.done')}</span> : null}
      {item.activityDetail ? <p>{item.activityDetail}</p> : null}
      {item.support ? <p className="muted">{t('plan.support', { text: item.support })}</p> : null}
    </div>
  );
}

const EMPTY = {
  competence: '',
  competenceArea: '' as CompetenceArea | '',
  activity: 'course' as PlanActivity,
  activityDetail: '',
  support: '',
  dueDate: '',
};

function NewPlanItemForm({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('goals');
  const client = useQueryClient();
  const [v, setV] = useState(EMPTY);
  const { errors, formRef, showApiError, clear } = useFormErrors(FIELDS);
  const add = useMutation({
    mutationFn: () =>
      goalsApi.addPlanItem(conversationId, {
        ...v,
        competenceArea: v.competenceArea || null,
        dueDate: v.dueDate || null,
      }),
    onSuccess: async () => {
      setV(EMPTY);
      clear();
      await client.invalidateQueries({ queryKey: goalKeys.plan(conversationId) });
    },
    onError: showApiError,
  });
  const text = (name: 'competence' | 'activityDetail' | 'support' | 'dueDate', type = 'text') => (
    <TextField
      id={`plan-item-${name}`}
      type={type}
      label={t(`plan.field.${name}`)}
      value={v[name]}
      error={errors.fields[name]}
      onChange={(e) => setV({ ...v, [name]: e.target.value })}
    />
  );
  return (
    <form
      ref={formRef}
      className="form__grid goal-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      {text('competence')}
      <Field
        id="plan-item-competenceArea"
        label={t('plan.field.competenceArea')}
        error={errors.fields.competenceArea}
      >
        {(control) => (
          <select
            {...control}
            value={v.competenceArea}
            onChange={(e) => setV({ ...v, competenceArea: e.target.value as CompetenceArea | '' })}
          >
            <option value="">{t('plan.areaNone')}</option>
            {COMPETENCE_AREAS.map((a) => (
              <option key={a} value={a}>
                {t(`plan.area.${a}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="plan-item-activity" label={t('plan.field.activity')}>
        {(control) => (
          <select
            {...control}
            value={v.activity}
            onChange={(e) => setV({ ...v, activity: e.target.value as PlanActivity })}
          >
            {PLAN_ACTIVITIES.map((a) => (
              <option key={a} value={a}>
                {t(`plan.activity.${a}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('activityDetail')}
      {text('support')}
      {text('dueDate', 'date')}
      {errors.form ? (
        <Alert>
          <p>{errors.form}</p>
        </Alert>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--small" disabled={add.isPending}>
          {t('plan.add')}
        </button>
      </div>
    </form>
  );
}
