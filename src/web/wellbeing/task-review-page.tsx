import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { Page } from '../components/page';
import { useMe, useFormat } from '../session';
import { wellbeingApi, wellbeingKeys, type TaskItemInput, type TaskReview } from './api';
import { TaskComparison } from './task-comparison';
import './wellbeing.css';

const FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;

/** One task-status review: the list of tasks, and how it compares with the previous one. */
export function TaskReviewPage() {
  const { id = '' } = useParams();
  const review = useQuery({
    queryKey: wellbeingKeys.review(id),
    queryFn: () => wellbeingApi.review(id),
  });
  if (review.isPending) return <Loading />;
  if (!review.data) return <LoadError error={review.error} retry={() => void review.refetch()} />;
  // Keyed by review: saving refreshes the data without resetting the form or its "saved" note.
  return <ReviewView key={review.data.id} review={review.data} />;
}

const blank = (): TaskItemInput => ({
  title: '',
  frequency: 'weekly',
  timeSharePercent: 0,
  demand: 3,
  support: '',
  copiedFromItemId: null,
});

function ReviewView({ review }: { review: TaskReview }) {
  const { t } = useTranslation('wellbeing');
  // Dates in the person's own time zone, not the browser's.
  const fmt = useFormat();
  const { data: me } = useMe();
  const [search] = useSearchParams();
  const client = useQueryClient();
  const errorText = useErrorText();
  const [items, setItems] = useState<TaskItemInput[]>(() =>
    review.items.length > 0 ? review.items.map(({ id: _id, ...rest }) => rest) : [blank()],
  );
  const editable = review.reviewedAt === null;
  const isManager = me?.id === review.managerId;
  const refresh = (r: TaskReview) => {
    client.setQueryData(wellbeingKeys.review(r.id), r);
    void client.invalidateQueries({ queryKey: wellbeingKeys.reviews(r.seriesId) });
  };
  const save = useMutation({
    mutationFn: () =>
      wellbeingApi.saveItems(
        review.id,
        items.filter((i) => i.title.trim()),
      ),
    onSuccess: refresh,
  });
  const done = useMutation({
    mutationFn: () => wellbeingApi.markReviewed(review.id, search.get('meeting')),
    onSuccess: refresh,
  });
  const total = items.reduce(
    (n, i) => n + (Number.isFinite(i.timeSharePercent) ? i.timeSharePercent : 0),
    0,
  );
  const set = (n: number, patch: Partial<TaskItemInput>) =>
    setItems((all) => all.map((it, i) => (i === n ? { ...it, ...patch } : it)));
  /** Moves task `n` one place up (-1) or down (+1) in the order of priority. */
  const move = (n: number, by: -1 | 1) =>
    setItems((all) => {
      const to = n + by;
      if (to < 0 || to >= all.length) return all;
      const next = [...all];
      [next[n], next[to]] = [next[to]!, next[n]!];
      return next;
    });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  return (
    <Page
      title={t('tasks.title')}
      intro={
        review.reviewedAt
          ? t('tasks.reviewedOn', { date: fmt.date(review.reviewedAt) })
          : t('tasks.started', { date: fmt.date(review.createdAt) })
      }
      actions={
        editable && isManager ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => done.mutate()}
            disabled={done.isPending || save.isPending}
          >
            {t('tasks.markReviewed')}
          </button>
        ) : null
      }
    >
      <p className="muted">{editable ? t('tasks.intro') : t('tasks.readOnly')}</p>
      {done.error ? (
        <Alert focus>
          <p>{errorText(done.error)}</p>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <table className="table table--compact task-table">
          <thead>
            <tr>
              <th scope="col">{t('tasks.priority')}</th>
              <th scope="col">{t('tasks.task')}</th>
              <th scope="col">{t('tasks.frequency')}</th>
              <th scope="col">{t('tasks.share')}</th>
              <th scope="col">{t('tasks.demand')}</th>
              <th scope="col">{t('tasks.support')}</th>
              {editable ? <td /> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((it, n) => (
              <tr key={n}>
                <td data-label={t('tasks.priority')} className="task-priority">
                  <span>{n + 1}</span>
                  {editable ? (
                    <span className="task-priority__moves">
                      <button
                        type="button"
                        className="button button--small button--ghost"
                        aria-label={t('tasks.moveUp', { n: n + 1 })}
                        disabled={n === 0}
                        onClick={() => move(n, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="button button--small button--ghost"
                        aria-label={t('tasks.moveDown', { n: n + 1 })}
                        disabled={n === items.length - 1}
                        onClick={() => move(n, 1)}
                      >
                        ↓
                      </button>
                    </span>
                  ) : null}
                </td>
                <td data-label={t('tasks.task')}>
                  <input
                    aria-label={`${t('tasks.task')} ${n + 1}`}
                    value={it.title}
                    maxLength={300}
                    readOnly={!editable}
                    onChange={(e) => set(n, { title: e.target.value })}
                  />
                </td>
                <td data-label={t('tasks.frequency')}>
                  <select
                    aria-label={`${t('tasks.frequency')} ${n + 1}`}
                    value={it.frequency}
                    disabled={!editable}
                    onChange={(e) =>
                      set(n, { frequency: e.target.value as TaskItemInput['frequency'] })
                    }
                  >
                    {FREQUENCIES.map((f) => (
                      <option key={f} value={f}>
                        {t(`tasks.freq.${f}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-label={t('tasks.share')}>
                  <input
                    aria-label={`${t('tasks.share')} ${n + 1}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={100}
                    value={it.timeSharePercent}
                    readOnly={!editable}
                    onChange={(e) => set(n, { timeSharePercent: Number(e.target.value) })}
                  />
                </td>
                <td data-label={t('tasks.demand')}>
                  <select
                    aria-label={`${t('tasks.demand')} ${n + 1}`}
                    value={it.demand}
                    disabled={!editable}
                    onChange={(e) => set(n, { demand: Number(e.target.value) })}
                  >
                    {[1, 2, 3, 4, 5].map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-label={t('tasks.support')}>
                  <textarea
                    aria-label={`${t('tasks.support')} ${n + 1}`}
                    rows={1}
                    maxLength={2000}
                    value={it.support ?? ''}
                    readOnly={!editable}
                    onChange={(e) => set(n, { support: e.target.value })}
                  />
                </td>
                {editable ? (
                  <td>
                    <button
                      type="button"
                      className="button button--small button--ghost button--danger-text"
                      aria-label={t('tasks.remove', { n: n + 1 })}
                      title={t('tasks.remove', { n: n + 1 })}
                      onClick={() => setItems((all) => all.filter((_, i) => i !== n))}
                    >
                      ✕
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        <p className={total > 100 ? 'field__error' : 'muted'}>{t('tasks.total', { total })}</p>
        {save.error ? (
          <Alert focus>
            <p>{errorText(save.error)}</p>
          </Alert>
        ) : null}
        {editable ? (
          <div className="form__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setItems((all) => [...all, blank()])}
            >
              {t('tasks.add')}
            </button>
            <button type="submit" className="button" disabled={save.isPending}>
              {t('tasks.save')}
            </button>
            <span role="status" className="muted">
              {save.isSuccess ? t('tasks.saved') : ''}
            </span>
          </div>
        ) : null}
      </form>
      <TaskComparison review={review} />
    </Page>
  );
}
