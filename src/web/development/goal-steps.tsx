import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, useErrorText } from '../components/feedback';
import { InlineAddForm } from '../components/inline-add-form';
import { goalsApi, type Goal, type GoalStep } from './goals-api';

/** "2 of 3 steps done" with a bar; nothing for a goal without steps. */
function StepProgress({ goal }: { goal: Goal }) {
  const { t } = useTranslation('goals');
  const { done, total } = goal.stepProgress;
  if (total === 0) return null;
  return (
    <p className="goal-steps__progress">
      <progress
        value={done}
        max={total}
        aria-label={t('steps.progressLabel', { title: goal.title })}
      />{' '}
      <span>{t('steps.progress', { done, total })}</span>
    </p>
  );
}

type Props = {
  goal: Goal;
  /** The query that holds the goal (refreshed after each change). */
  queryKey: QueryKey;
  /** Add, rename, reorder and remove (the plan); ticking is open whenever the goal is. */
  edit: boolean;
};

/**
 * The ordered steps of a goal: either of the pair ticks them off; on the plan they also add,
 * rename, reorder and remove them. A goal with its outcome shows them read-only.
 */
export function GoalSteps({ goal, queryKey, edit }: Props) {
  const { t } = useTranslation('goals');
  const client = useQueryClient();
  const errorText = useErrorText();
  const open = goal.outcome === null;
  const refresh = () => client.invalidateQueries({ queryKey });
  // A tick shows at once; the goal as read again afterwards (also after an error) replaces it.
  const [ticks, setTicks] = useState<Record<string, boolean>>({});
  const change = useMutation({
    mutationFn: (f: () => Promise<unknown>) => f(),
    onSettled: async () => {
      await refresh();
      setTicks({});
    },
  });
  const steps = goal.steps;
  const move = (i: number, by: -1 | 1) => {
    const ids = steps.map((s) => s.id);
    [ids[i], ids[i + by]] = [ids[i + by]!, ids[i]!];
    change.mutate(() => goalsApi.reorderSteps(goal.id, ids));
  };
  if (!edit && steps.length === 0) return null;
  return (
    <div className="goal-steps">
      <h4 className="goal-steps__title">{t('steps.title')}</h4>
      <StepProgress goal={goal} />
      {steps.length === 0 ? <p className="muted">{t('steps.none')}</p> : null}
      <ol className="goal-steps__list">
        {steps.map((s, i) => (
          <StepRow
            key={s.id}
            step={s}
            done={ticks[s.id] ?? s.done}
            open={open}
            edit={edit && open}
            busy={change.isPending}
            tick={(done) => {
              setTicks({ ...ticks, [s.id]: done });
              change.mutate(() => goalsApi.updateStep(s.id, { done }));
            }}
            rename={(title) => change.mutate(() => goalsApi.updateStep(s.id, { title }))}
            remove={() => change.mutate(() => goalsApi.removeStep(s.id))}
            up={i > 0 ? () => move(i, -1) : null}
            down={i < steps.length - 1 ? () => move(i, 1) : null}
          />
        ))}
      </ol>
      {change.error ? (
        <Alert>
          <p>{errorText(change.error)}</p>
        </Alert>
      ) : null}
      {edit && open ? <NewStep goalId={goal.id} onAdded={refresh} /> : null}
    </div>
  );
}

function StepRow(props: {
  step: GoalStep;
  done: boolean;
  open: boolean;
  edit: boolean;
  busy: boolean;
  tick: (done: boolean) => void;
  rename: (title: string) => void;
  remove: () => void;
  up: (() => void) | null;
  down: (() => void) | null;
}) {
  const { t } = useTranslation('goals');
  const { step } = props;
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(step.title);
  const id = `step-${step.id}`;
  if (editing)
    return (
      <li className="goal-steps__item">
        <form
          className="goal-progress__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim()) props.rename(title.trim());
            setEditing(false);
          }}
        >
          <label htmlFor={`${id}-title`} className="visually-hidden">
            {t('steps.renameLabel', { title: step.title })}
          </label>
          <input
            id={`${id}-title`}
            type="text"
            value={title}
            maxLength={300}
            onChange={(e) => setTitle(e.target.value)}
          />
          <button type="submit" className="button button--small">
            {t('steps.save')}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setEditing(false)}
          >
            {t('steps.cancel')}
          </button>
        </form>
      </li>
    );
  return (
    <li className="goal-steps__item">
      <input
        id={id}
        type="checkbox"
        checked={props.done}
        disabled={!props.open || props.busy}
        onChange={(e) => props.tick(e.target.checked)}
      />
      <label htmlFor={id} className={props.done ? 'goal-steps__done' : undefined}>
        {step.title}
      </label>
      {props.edit ? (
        <span className="goal-steps__tools">
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => {
              setTitle(step.title);
              setEditing(true);
            }}
          >
            {t('steps.rename')}
          </button>
          {props.up ? (
            <button
              type="button"
              className="button button--ghost button--small"
              aria-label={t('steps.up', { title: step.title })}
              disabled={props.busy}
              onClick={props.up}
            >
              ↑
            </button>
          ) : null}
          {props.down ? (
            <button
              type="button"
              className="button button--ghost button--small"
              aria-label={t('steps.down', { title: step.title })}
              disabled={props.busy}
              onClick={props.down}
            >
              ↓
            </button>
          ) : null}
          <button
            type="button"
            className="button button--ghost button--small"
            aria-label={t('steps.remove', { title: step.title })}
            disabled={props.busy}
            onClick={props.remove}
          >
            {t('steps.removeShort')}
          </button>
        </span>
      ) : null}
    </li>
  );
}

function NewStep({ goalId, onAdded }: { goalId: string; onAdded: () => Promise<unknown> }) {
  const { t } = useTranslation('goals');
  const [title, setTitle] = useState('');
  const add = useMutation({
    mutationFn: () => goalsApi.addStep(goalId, title.trim()),
    onSuccess: async () => {
      setTitle('');
      await onAdded();
    },
  });
  return (
    <InlineAddForm
      id={`new-step-${goalId}`}
      label={t('steps.new')}
      submitLabel={t('steps.add')}
      placeholder={t('steps.new')}
      maxLength={300}
      value={title}
      onChange={setTitle}
      onSubmit={() => add.mutate()}
      pending={add.isPending}
      error={add.error}
    />
  );
}
