import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../domain/development/versions';
import { Alert, useErrorText } from '../components/feedback';
import { Field, TextField } from '../components/field';
import { goalKeys, goalsApi, type CorrectionInput } from './goals-api';

/**
 * The manager's correction of a closed agreement: the texts of the latest version to edit, and
 * what was corrected and why. Only what changed is sent; the server saves it as a new version.
 */
export function CorrectionForm(props: {
  conversationId: string;
  latest: Agreement;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation('goals');
  const client = useQueryClient();
  const errorText = useErrorText();
  const [summary, setSummary] = useState('');
  const [notes, setNotes] = useState(() =>
    Object.fromEntries(props.latest.sections.map((s) => [s.key, s.notes])),
  );
  const [goals, setGoals] = useState(() =>
    Object.fromEntries(
      props.latest.goals.map((g) => [g.id, { title: g.title, dueDate: g.dueDate ?? '' }]),
    ),
  );
  const save = useMutation({
    mutationFn: () => {
      const body: CorrectionInput = {
        summary,
        sections: props.latest.sections
          .filter((s) => notes[s.key] !== s.notes)
          .map((s) => ({ key: s.key, notes: notes[s.key] ?? '' })),
        goals: props.latest.goals
          .map((g) => {
            const next = goals[g.id]!;
            return {
              id: g.id,
              ...(next.title !== g.title ? { title: next.title } : {}),
              ...(next.dueDate !== (g.dueDate ?? '') ? { dueDate: next.dueDate || null } : {}),
            };
          })
          .filter((g) => Object.keys(g).length > 1),
      };
      return goalsApi.correct(props.conversationId, body);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: goalKeys.all });
      props.onDone();
    },
  });
  const title = (text: Record<string, string | undefined>) =>
    text[i18n.language] ?? Object.values(text)[0] ?? '';
  return (
    <form
      className="form__grid correction-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <p className="muted">{t('signOff.correction.hint')}</p>
      <h4>{t('signOff.correction.sections')}</h4>
      {props.latest.sections.map((s) => (
        <Field key={s.key} id={`fix-${s.key}`} label={title(s.title)}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={notes[s.key] ?? ''}
              onChange={(e) => setNotes({ ...notes, [s.key]: e.target.value })}
            />
          )}
        </Field>
      ))}
      {props.latest.goals.length ? <h4>{t('signOff.correction.goals')}</h4> : null}
      {props.latest.goals.map((g) => (
        <div key={g.id} className="form__row">
          <TextField
            id={`fix-goal-${g.id}`}
            label={t('goals.field.title')}
            value={goals[g.id]?.title ?? ''}
            onChange={(e) =>
              setGoals({ ...goals, [g.id]: { ...goals[g.id]!, title: e.target.value } })
            }
          />
          <TextField
            id={`fix-goal-due-${g.id}`}
            type="date"
            label={t('goals.field.dueDate')}
            value={goals[g.id]?.dueDate ?? ''}
            onChange={(e) =>
              setGoals({ ...goals, [g.id]: { ...goals[g.id]!, dueDate: e.target.value } })
            }
          />
        </div>
      ))}
      <Field id="fix-summary" label={t('signOff.correction.summary')}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        )}
      </Field>
      {save.error ? (
        <Alert>
          <p>{errorText(save.error)}</p>
        </Alert>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={!summary.trim() || save.isPending}>
          {t('signOff.correction.submit')}
        </button>
      </div>
    </form>
  );
}
