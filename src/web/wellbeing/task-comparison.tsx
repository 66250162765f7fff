import { useTranslation } from 'react-i18next';
import type { TaskReview } from './api';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * What changed since the previous review: new, grew, shrank, unchanged, and dropped tasks, and
 * how far each kept task moved in the order of priority.
 */
export function TaskComparison({ review }: { review: TaskReview }) {
  const { t } = useTranslation('wellbeing');
  const byId = new Map(review.comparison.items.map((c) => [c.id, c]));
  return (
    <section className="card" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t('tasks.compareTitle')}</h2>
      {review.previousReviewId === null ? (
        <p className="muted">{t('tasks.noPrevious')}</p>
      ) : (
        <>
          <ul className="task-changes">
            {review.items.map((item) => {
              const c = byId.get(item.id);
              if (!c) return null;
              return (
                <li key={item.id}>
                  <span className="change">{t(`tasks.change.${c.change}`)}:</span> {item.title}
                  {c.change === 'grew' || c.change === 'shrank' ? (
                    <span className="muted">
                      {' '}
                      (
                      {t('tasks.deltas', {
                        share: signed(c.timeShareDelta),
                        demand: signed(c.demandDelta),
                      })}
                      )
                    </span>
                  ) : null}
                  {c.change !== 'new' && c.priorityDelta !== 0 ? (
                    <span className="muted">
                      {' '}
                      {c.priorityDelta > 0
                        ? t('tasks.priorityUp', { count: c.priorityDelta })
                        : t('tasks.priorityDown', { count: -c.priorityDelta })}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <h3>{t('tasks.dropped')}</h3>
          {review.comparison.dropped.length === 0 ? (
            <p className="muted">{t('tasks.noneDropped')}</p>
          ) : (
            <ul>
              {review.comparison.dropped.map((d) => (
                <li key={d.id}>
                  {t('tasks.droppedItem', { title: d.title, share: d.timeSharePercent })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
