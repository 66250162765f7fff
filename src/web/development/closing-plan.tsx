import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, useErrorText } from '../components/feedback';
import { Field, TextField } from '../components/field';
import { useLocalDate } from './answers';
import { conversationApi, conversationKeys, type ConversationPage } from './api';

/**
 * The closing plan: who does what, by when. The actions are the pair's 1:1 actions, so open
 * ones show up under follow-up in their next 1:1s.
 */
export function ClosingPlan({ page }: { page: ConversationPage }) {
  const { t } = useTranslation('conversations');
  const client = useQueryClient();
  const errorText = useErrorText();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState(page.employee.id);
  const [due, setDue] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: conversationKeys.page(page.id) });
  const add = useMutation({
    mutationFn: () =>
      conversationApi.addAction(page.id, { title, ownerId: owner, dueDate: due || null }),
    onSuccess: async () => {
      setTitle('');
      setDue('');
      await refresh();
    },
  });
  const tick = useMutation({
    mutationFn: (a: { id: string; done: boolean }) =>
      conversationApi.updateAction(page.id, a.id, { done: a.done }),
    onSuccess: refresh,
  });
  const localDate = useLocalDate();
  const nameOf = (id: string) => (id === page.manager.id ? page.manager.name : page.employee.name);
  return (
    <section className="card" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('meeting.planTitle')}</h2>
      <p className="muted">{t('meeting.planHint')}</p>
      {page.actions.length === 0 ? <p>{t('meeting.planEmpty')}</p> : null}
      <ul className="conv-plan">
        {page.actions.map((a) => (
          <li key={a.id}>
            <label className="choice">
              <input
                type="checkbox"
                checked={a.done}
                disabled={page.readOnly || tick.isPending}
                onChange={() => tick.mutate({ id: a.id, done: !a.done })}
              />{' '}
              <span className={a.done ? 'conv-plan__done' : undefined}>{a.title}</span>
            </label>{' '}
            <span className="muted">
              {[
                nameOf(a.ownerId),
                a.dueDate ? t('meeting.due_on', { date: localDate(a.dueDate) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      {add.error || tick.error ? (
        <Alert>
          <p>{errorText(add.error ?? tick.error)}</p>
        </Alert>
      ) : null}
      {page.readOnly ? null : (
        <form
          className="form__grid conv-plan__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim()) add.mutate();
          }}
        >
          <TextField
            id="plan-title"
            label={t('meeting.actionTitle')}
            value={title}
            maxLength={500}
            onChange={(e) => setTitle(e.target.value)}
          />
          <Field id="plan-owner" label={t('meeting.owner')}>
            {(control) => (
              <select {...control} value={owner} onChange={(e) => setOwner(e.target.value)}>
                <option value={page.employee.id}>{page.employee.name}</option>
                <option value={page.manager.id}>{page.manager.name}</option>
              </select>
            )}
          </Field>
          <TextField
            id="plan-due"
            type="date"
            label={t('meeting.due')}
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button button--small" disabled={add.isPending}>
              {t('meeting.add')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
