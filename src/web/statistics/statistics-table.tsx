import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { intlLocale } from '../format';
import type { StatisticsRow } from './api';

/** Numbers and shares in the reader's language. */
function useNumbers() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const avg = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const int = new Intl.NumberFormat(locale);
  return {
    int: (n: number) => int.format(n),
    pct: (n: number | null) => (n === null ? '–' : pct.format(n)),
    avg: (n: number | null) => (n === null ? '–' : avg.format(n)),
  };
}

type Props = {
  caption: string;
  rows: StatisticsRow[];
  weeks: number;
  /** Where a row's "show below" link goes (null: no link). */
  drill: (row: StatisticsRow) => string | null;
  drillLabel: (row: StatisticsRow) => string;
};

/**
 * One section of the statistics as a table: the chosen group first, then the groups below it.
 * On a phone each row becomes a card (table--stack). Hidden wellbeing shows its reason only.
 */
export function StatisticsTable({ caption, rows, weeks, drill, drillLabel }: Props) {
  const { t } = useTranslation('statistics');
  const n = useNumbers();
  const col = {
    group: t('columns.group'),
    employees: t('columns.employees'),
    cadence: t('columns.cadence'),
    withoutRecent: t('columns.withoutRecent', { weeks }),
    conversations: t('columns.conversations'),
    overdue: t('columns.overdue'),
    wellbeing: t('columns.wellbeing'),
    workload: t('columns.workload'),
    progress: t('columns.progress'),
  };
  if (rows.length === 0) return <p className="empty">{t('empty')}</p>;
  return (
    // A wide table scrolls sideways; focusable, so a keyboard can scroll it too (WCAG 2.1.1).
    <div className="stats__scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table table--compact table--stack stats__table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {Object.values(col).map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const link = drill(r);
            const w = r.wellbeing;
            return (
              <tr key={`${r.kind}:${r.id ?? 'all'}`} className={r.level > 0 ? 'stats__child' : ''}>
                <th scope="row" data-label={col.group}>
                  <span className="table__primary">{r.name ?? t('wholeOrganisation')}</span>
                  <span className="table__sub">{t(`kind.${r.kind}`)}</span>
                  {link ? (
                    <Link to={link} className="stats__drill">
                      {drillLabel(r)}
                    </Link>
                  ) : null}
                </th>
                <td data-label={col.employees}>{n.int(r.employees)}</td>
                <td data-label={col.cadence}>
                  {t('cell.heldOfPlanned', { held: r.held, planned: r.planned })}
                  <span className="table__sub">{n.pct(r.cadenceKept)}</span>
                </td>
                <td data-label={col.withoutRecent}>
                  {n.int(r.withoutRecent)}
                  <span className="table__sub">{n.pct(r.withoutRecentShare)}</span>
                </td>
                <td data-label={col.conversations}>
                  {r.conversations.total > 0
                    ? t('cell.doneOfTotal', {
                        done:
                          r.conversations.held + r.conversations.closed + r.conversations.signed,
                        total: r.conversations.total,
                      })
                    : t('cell.none')}
                  {r.conversations.total > 0 ? (
                    <span className="table__sub">{n.pct(r.conversations.doneShare)}</span>
                  ) : null}
                  {/* Seed 003, within the column's width: the table fits a 1366 px laptop. */}
                  <span className="table__sub stats__annual">
                    {r.withoutAnnual === null
                      ? t('cell.annualHidden')
                      : t('cell.withoutAnnual', { count: r.withoutAnnual })}
                  </span>
                </td>
                <td data-label={col.overdue}>{n.int(r.overdueActions)}</td>
                {w.status === 'shown' ? (
                  <>
                    <td data-label={col.wellbeing}>
                      {n.avg(w.wellbeing)}
                      <span className="table__sub">
                        {t('cell.answered', { count: w.people ?? 0 })}
                      </span>
                    </td>
                    <td data-label={col.workload}>{n.avg(w.workload)}</td>
                    <td data-label={col.progress}>{n.avg(w.progress)}</td>
                  </>
                ) : (
                  // One reason across the three hidden figures: the table keeps its last column.
                  <td data-label={col.wellbeing} className="stats__hidden" colSpan={3}>
                    {t(`hidden.${w.reason ?? 'too_few'}`)}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
