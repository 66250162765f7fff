import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GOAL_OUTCOMES, type GoalOutcome } from '../../domain/development/goals';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { Field, TextField } from '../components/field';
import { useFormErrors } from '../components/use-form-errors';
import { useFormat } from '../session';
import { GoalSteps } from './goal-steps';
import { goalKeys, goalsApi, type ConversationRef, type Goal } from './goals-api';
import './goals-section.css';

const FIELDS = [
  'title',
  'description',
  'successMeasure',
  'dueDate',
  'roleExpectation',
  'organisationGoalId',
];

/** Last period's goals with their outcome, and the new goals of this conversation. */
export function GoalsSection({ conversation }: { conversation: ConversationRef }) {
  const { t } = useTranslation('goals');
  const q = useQuery({
    queryKey: goalKeys.conversation(conversation.id),
    queryFn: () => goalsApi.goals(conversation.id),
  });
  if (conversation.kind === 'salary') return null;
  const readOnly = conversation.status === 'closed' || conversation.status === 'signed';
  return (
    <section className="card" aria-labelledby="goals-heading">
      <h2 id="goals-heading">{t('goals.title')}</h2>
      {q.isPending ? <Loading /> : null}
      {q.error ? <LoadError error={q.error} retry={() => void q.refetch()} /> : null}
      {q.data ? (
        <>
          <h3>{t('goals.lastPeriod')}</h3>
          {q.data.lastPeriod.length === 0 ? (
            <p className="muted">{t('goals.lastPeriodEmpty')}</p>
          ) : null}
          <ul className="goal-list">
            {q.data.lastPeriod.map((g) => (
              <li key={g.id}>
                <GoalText goal={g} />
                <GoalSteps goal={g} queryKey={goalKeys.conversation(conversation.id)} edit />
                <OutcomeForm conversationId={conversation.id} goal={g} readOnly={readOnly} />
              </li>
            ))}
          </ul>
          <h3>{t('goals.new')}</h3>
          {q.data.goals.length === 0 ? <p className="muted">{t('goals.empty')}</p> : null}
          <ul className="goal-list">
            {q.data.goals.map((g) => (
              <li key={g.id}>
                <GoalText goal={g} />
                <GoalSteps goal={g} queryKey={goalKeys.conversation(conversation.id)} edit />
                {readOnly ? null : <RemoveGoal conversationId={conversation.id} goalId={g.id} />}
              </li>
            ))}
          </ul>
          {readOnly ? null : <NewGoalForm conversationId={conversation.id} />}
        </>
      ) : null}
    </section>
  );
}

/** A goal as text: title, due date and what it serves. */
export function GoalText({ goal }: { goal: Goal }) {
  const { t } = useTranslation('goals');
  const fmt = useFormat();
  return (
    <div className="goal">
      <strong>{goal.title}</strong>
      {goal.dueDate ? (
        <span className="muted"> · {t('goals.due', { date: fmt.day(goal.dueDate) })}</span>
      ) : null}
      {goal.description ? <p>{goal.description}</p> : null}
      {goal.successMeasure ? (
        <p className="muted">
          {t('goals.field.successMeasure')}: {goal.successMeasure}
        </p>
      ) : null}
      {goal.roleExpectation ? (
        <p className="muted">{t('goals.servesRole', { text: goal.roleExpectation })}</p>
      ) : null}
      {goal.organisationGoalTitle ? (
        <p className="muted">{t('goals.linkedTo', { title: goal.organisationGoalTitle })}</p>
      ) : null}
    </div>
  );
}

function OutcomeForm(props: { conversationId: string; goal: Goal; readOnly: boolean }) {
  const { t } = useTranslation('goals');
  const client = useQueryClient();
  const errorText = useErrorText();
  const [outcome, setOutcome] = useState<GoalOutcome | ''>(props.goal.outcome ?? '');
  const [comment, setComment] = useState(props.goal.outcomeComment);
  const save = useMutation({
    mutationFn: () =>
      goalsApi.setOutcome(props.conversationId, props.goal.id, {
        outcome: outcome as GoalOutcome,
        comment,
      }),
    onSuccess: () =>
      client.invalidateQueries({ queryKey: goalKeys.conversation(props.conversationId) }),
  });
  if (props.readOnly)
    return (
      <p>
        {t('goals.outcome.label')}:{' '}
        {props.goal.outcome
          ? t(`goals.outcome.${props.goal.outcome}`)
          : t('goals.outcome.notJudged')}
        {props.goal.outcomeComment ? ` – ${props.goal.outcomeComment}` : ''}
      </p>
    );
  const id = `outcome-${props.goal.id}`;
  return (
    <form
      className="form__grid"
      onSubmit={(e) => {
        e.preventDefault();
        if (outcome) save.mutate();
      }}
    >
      <Field id={id} label={t('goals.outcome.label')}>
        {(control) => (
          <select
            {...control}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as GoalOutcome)}
          >
            <option value="">{t('goals.outcome.notJudged')}</option>
            {GOAL_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`goals.outcome.${o}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        id={`${id}-comment`}
        label={t('goals.outcome.comment')}
        value={comment}
        maxLength={5000}
        onChange={(e) => setComment(e.target.value)}
      />
      {save.error ? (
        <Alert>
          <p>{errorText(save.error)}</p>
        </Alert>
      ) : null}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--small"
          disabled={!outcome || save.isPending}
        >
          {t('goals.outcome.save')}
        </button>
      </div>
    </form>
  );
}

function RemoveGoal({ conversationId, goalId }: { conversationId: string; goalId: string }) {
  const { t } = useTranslation('goals');
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => goalsApi.removeGoal(goalId),
    onSuccess: () => client.invalidateQueries({ queryKey: goalKeys.conversation(conversationId) }),
  });
  return (
    <button
      type="button"
      className="button button--ghost button--small"
      onClick={() => remove.mutate()}
    >
      {t('goals.remove')}
    </button>
  );
}

const EMPTY = {
  title: '',
  description: '',
  successMeasure: '',
  dueDate: '',
  roleExpectation: '',
  organisationGoalId: '',
};

function NewGoalForm({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('goals');
  const client = useQueryClient();
  const [v, setV] = useState(EMPTY);
  const { errors, formRef, showApiError, clear } = useFormErrors(FIELDS);
  const orgGoals = useQuery({
    queryKey: goalKeys.organisation,
    queryFn: () => goalsApi.organisationGoals(),
  });
  const add = useMutation({
    mutationFn: () =>
      goalsApi.addGoal(conversationId, {
        ...v,
        dueDate: v.dueDate || null,
        organisationGoalId: v.organisationGoalId || null,
      }),
    onSuccess: async () => {
      setV(EMPTY);
      clear();
      await client.invalidateQueries({ queryKey: goalKeys.conversation(conversationId) });
    },
    onError: showApiError,
  });
  const text = (name: keyof typeof EMPTY, type = 'text') => (
    <TextField
      id={`goal-${name}`}
      type={type}
      label={t(`goals.field.${name}`)}
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
      {text('title')}
      {text('description')}
      {text('successMeasure')}
      {text('dueDate', 'date')}
      {text('roleExpectation')}
      <Field id="goal-organisationGoalId" label={t('goals.field.organisationGoal')}>
        {(control) => (
          <select
            {...control}
            value={v.organisationGoalId}
            onChange={(e) => setV({ ...v, organisationGoalId: e.target.value })}
          >
            <option value="">{t('goals.field.none')}</option>
            {orgGoals.data?.items.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      {errors.form ? (
        <Alert>
          <p>{errors.form}</p>
        </Alert>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--small" disabled={add.isPending}>
          {t('goals.add')}
        </button>
      </div>
    </form>
  );
}
