import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineAddForm } from '../components/inline-add-form';
import { goalKeys, goalsApi, type ProgressNote } from '../development/goals-api';
import { GoalText } from '../development/goals-section';
import { GoalSteps } from '../development/goal-steps';
import { PlanItemText } from '../development/plan-section';
import { useFormat } from '../session';

/**
 * In the pair's 1:1s: the goals and development plan they agreed in a closed or signed
 * development conversation, with progress notes (who, when). Fetches its own endpoint so the
 * meeting page's query stays as it is. Renders nothing when there is nothing agreed.
 */
export function GoalsPanel({ otherPersonId }: { otherPersonId: string }) {
  const { t } = useTranslation('goals');
  const q = useQuery({
    queryKey: goalKeys.pair(otherPersonId),
    queryFn: () => goalsApi.pair(otherPersonId),
  });
  if (!q.data || (q.data.goals.length === 0 && q.data.plan.length === 0)) return null;
  return (
    <section className="card goals-panel" aria-labelledby="goals-panel-heading">
      <h2 id="goals-panel-heading">{t('panel.title')}</h2>
      <p className="muted">{t('panel.intro')}</p>
      <ul className="goal-list">
        {q.data.goals.map((g) => (
          <li key={g.id}>
            <GoalText goal={g} />
            <GoalSteps goal={g} queryKey={goalKeys.pair(otherPersonId)} edit={false} />
            <Progress
              otherPersonId={otherPersonId}
              notes={g.progress}
              add={(body) => goalsApi.goalProgress(g.id, body)}
              id={`goal-${g.id}`}
            />
          </li>
        ))}
        {q.data.plan.map((p) => (
          <li key={p.id}>
            <PlanItemText item={p} />
            <Progress
              otherPersonId={otherPersonId}
              notes={p.progress}
              add={(body) => goalsApi.planProgress(p.id, body)}
              id={`plan-${p.id}`}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Progress(props: {
  otherPersonId: string;
  notes: ProgressNote[];
  add: (body: string) => Promise<unknown>;
  id: string;
}) {
  const { t } = useTranslation('goals');
  const fmt = useFormat();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => props.add(body.trim()),
    onSuccess: async () => {
      setBody('');
      await client.invalidateQueries({ queryKey: goalKeys.pair(props.otherPersonId) });
    },
  });
  return (
    <div className="goal-progress">
      {props.notes.length ? (
        <ul>
          {props.notes.map((n) => (
            <li key={n.id}>
              {n.body}{' '}
              <span className="muted">
                – {t('panel.progressBy', { name: n.authorName, when: fmt.dateTime(n.createdAt) })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <InlineAddForm
        id={`progress-${props.id}`}
        label={t('panel.addProgress')}
        placeholder={t('panel.progressPlaceholder')}
        maxLength={5000}
        value={body}
        onChange={setBody}
        onSubmit={() => add.mutate()}
        pending={add.isPending}
        error={add.error}
      />
    </div>
  );
}
