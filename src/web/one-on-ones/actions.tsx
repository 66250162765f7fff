import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, useErrorText } from '../components/feedback';
import { oneOnOneApi, oneOnOneKeys, type Action, type Series } from '../meetings/api';
import { useMeetingFormat } from '../meetings/hooks';
import { useInstantCheck } from '../components/use-instant-check';
import { isPendingId, writeOrKeep } from '../live/outbox';
import { wellbeingKeys } from '../wellbeing/api';

type Owner = { id: string; name: string };

/** The two people an action can belong to, the employee first. */
function ownersOf(series: Pick<Series, 'manager' | 'employee'>): Owner[] {
  return [series.employee, series.manager];
}

/** Marks an action done (or open again); everything 1:1 refreshes after. */
function useToggleAction(meetingId?: string) {
  const client = useQueryClient();
  return useMutation({
    // Offline it runs too: the change is kept on the device (outbox).
    networkMode: 'always',
    mutationFn: (a: { id: string; done: boolean }) =>
      meetingId
        ? writeOrKeep(
            meetingId,
            { kind: 'actionDone', actionId: a.id, done: a.done },
            'PATCH',
            `/api/actions/${encodeURIComponent(a.id)}`,
            { done: a.done },
          )
        : oneOnOneApi.updateAction(a.id, { done: a.done }),
    onSettled: () => client.invalidateQueries({ queryKey: oneOnOneKeys.all }),
  });
}

type ActionItemProps = {
  action: Pick<Action, 'id' | 'title' | 'ownerId' | 'dueDate' | 'done' | 'overdue'>;
  ownerName: string;
  /** Extra context, e.g. "with Maria · from 3 Nov". */
  context?: string;
  readOnly?: boolean;
  /** More inside the item, e.g. a link to the meeting. */
  children?: ReactNode;
  /** The meeting page it is shown on: ticks made offline there are kept and sent later. */
  meetingId?: string;
};

/** One action: tick it off, see who owns it and by when; overdue ones stand out. */
export function ActionItem({
  action: a,
  ownerName,
  context,
  readOnly: readOnlyProp = false,
  children,
  meetingId,
}: ActionItemProps) {
  // Made offline and not yet sent: nothing can be done with it until the server has it.
  const readOnly = readOnlyProp || isPendingId(a.id);
  const { t } = useTranslation('meetings');
  const fmt = useMeetingFormat();
  const toggle = useToggleAction(meetingId);
  const errorText = useErrorText();
  const id = useId();
  const check = useInstantCheck(toggle.isPending ? !a.done : a.done);
  const done = check.checked;
  const overdue = a.overdue && !done;
  return (
    <li className={`action${done ? ' action--done' : ''}${overdue ? ' action--overdue' : ''}`}>
      <input
        type="checkbox"
        id={id}
        checked={done}
        disabled={readOnly || toggle.isPending}
        onChange={(e) =>
          toggle.mutate(
            { id: a.id, done: e.target.checked },
            { onSettled: check.begin(e.target.checked) },
          )
        }
      />
      <div className="action__body">
        <label htmlFor={id} className="action__title">
          {a.title}
        </label>
        <p className="action__meta">
          <span>{t('action.owner', { name: ownerName })}</span>
          {a.dueDate ? (
            <span>
              {' · '}
              {t('action.due', { date: fmt.plainShort(a.dueDate) })}{' '}
              <span className="muted">({fmt.relativeDate(a.dueDate)})</span>
            </span>
          ) : null}
          {overdue ? <span className="badge badge--danger">{t('action.overdue')}</span> : null}
          {done ? <span className="visually-hidden">{t('action.doneHidden')}</span> : null}
        </p>
        {context ? <p className="action__meta muted">{context}</p> : null}
        {children}
        {toggle.error ? <p className="field__error">{errorText(toggle.error)}</p> : null}
      </div>
    </li>
  );
}

type ActionFormProps = {
  meetingId: string;
  series: Pick<Series, 'manager' | 'employee' | 'myRole'>;
  pointId?: string | null;
  onDone?: () => void;
  /** Focus the title when the form opens. */
  autoFocus?: boolean;
  /** A suggested title the person can change. */
  initialTitle?: string;
  /** The meeting page's prompt the action is agreed from (it goes away once there is one). */
  prompt?: 'workload';
};

/** A new action: what, who (either of the pair) and, if agreed, by when. */
export function ActionForm({
  meetingId,
  series,
  pointId = null,
  onDone,
  autoFocus,
  initialTitle = '',
  prompt,
}: ActionFormProps) {
  const { t } = useTranslation('meetings');
  const client = useQueryClient();
  const errorText = useErrorText();
  const base = useId();
  const [title, setTitle] = useState(initialTitle);
  const [ownerId, setOwnerId] = useState(series.employee.id);
  const [dueDate, setDueDate] = useState('');
  const [missing, setMissing] = useState(false);
  const create = useMutation({
    // Offline it runs too: the change is kept on the device (outbox).
    networkMode: 'always',
    mutationFn: () => {
      const input = {
        title: title.trim(),
        ownerId,
        dueDate: dueDate || null,
        pointId,
        ...(prompt ? { prompt } : {}),
      };
      const ownerRole = ownerId === series.manager.id ? 'manager' : 'employee';
      // Kept on the device when offline (a walk), sent exactly once when back.
      return writeOrKeep(
        meetingId,
        { kind: 'addAction', ...input, ownerRole },
        'POST',
        `/api/one-on-ones/meetings/${encodeURIComponent(meetingId)}/actions`,
        input,
      );
    },
    onSuccess: async () => {
      setTitle('');
      setDueDate('');
      setMissing(false);
      await client.invalidateQueries({ queryKey: oneOnOneKeys.all });
      if (prompt)
        await client.invalidateQueries({ queryKey: wellbeingKeys.workloadPrompt(meetingId) });
      onDone?.();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) return setMissing(true);
    create.mutate();
  }
  const titleError = missing && !title.trim();
  return (
    <form className="action-form" noValidate onSubmit={submit} aria-label={t('action.formLabel')}>
      {create.error ? (
        <Alert>
          <p>{errorText(create.error)}</p>
        </Alert>
      ) : null}
      <div className={titleError ? 'field field--invalid' : 'field'}>
        <label htmlFor={`${base}-title`}>{t('action.title')}</label>
        <input
          id={`${base}-title`}
          type="text"
          value={title}
          maxLength={500}
          autoFocus={autoFocus}
          aria-invalid={titleError || undefined}
          aria-describedby={titleError ? `${base}-title-error` : undefined}
          onChange={(e) => setTitle(e.target.value)}
        />
        {titleError ? (
          <p className="field__error" id={`${base}-title-error`}>
            {t('action.titleRequired')}
          </p>
        ) : null}
      </div>
      <div className="action-form__row">
        <div className="field">
          <label htmlFor={`${base}-owner`}>{t('action.ownerLabel')}</label>
          <select id={`${base}-owner`} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            {ownersOf(series).map((o) => (
              <option key={o.id} value={o.id}>
                {o.id === (series.myRole === 'manager' ? series.manager.id : series.employee.id)
                  ? t('action.me', { name: o.name })
                  : o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${base}-due`}>{t('action.dueLabel')}</label>
          <input
            id={`${base}-due`}
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
          />
        </div>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--small" disabled={create.isPending}>
          {t('action.add')}
        </button>
        {onDone ? (
          <button type="button" className="button button--small button--ghost" onClick={onDone}>
            {t('common:action.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
