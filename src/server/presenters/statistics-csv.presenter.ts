import type { TFunction } from 'i18next';
import { toCsv } from '../csv';
import type { StatisticsDto, StatisticsRowDto } from '../../contracts/statistics';
import { intlLocale } from '../../i18n/index';

/**
 * The statistics as the page shows them, for Nordic Excel: UTF-8 with a byte-order mark,
 * `;` between cells, numbers with the reader's decimal separator, translated headers. Hidden
 * wellbeing groups stay hidden: their cells hold the reason, never a number.
 */
export function statisticsCsv(s: StatisticsDto, t: TFunction, locale: string): string {
  const nf = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  const num = (n: number | null) => (n === null ? '' : nf.format(n));
  const pct = (n: number | null) => (n === null ? '' : nf.format(Math.round(n * 1000) / 10));
  const h = (key: string, params?: Record<string, unknown>) => t(`statistics:csv.${key}`, params);
  const header = [
    h('group'),
    h('name'),
    h('employees'),
    h('planned'),
    h('held'),
    h('cadenceKept'),
    h('withoutRecent', { weeks: s.weeks }),
    h('withoutRecentShare', { weeks: s.weeks }),
    h('overdueActions'),
    h('withoutAnnual'),
    h('notBooked'),
    h('booked'),
    h('conversationsHeld'),
    h('closed'),
    h('signed'),
    h('conversationsDone'),
    h('wellbeingPeople', { period: s.wellbeingPeriod.key }),
    h('wellbeing'),
    h('workload'),
    h('progress'),
    h('wellbeingNote'),
  ];
  const line = (r: StatisticsRowDto) => {
    const w = r.wellbeing;
    const hidden = w.status === 'hidden';
    return [
      t(`statistics:kind.${r.kind}`),
      r.name ?? t('statistics:wholeOrganisation'),
      num(r.employees),
      num(r.planned),
      num(r.held),
      pct(r.cadenceKept),
      num(r.withoutRecent),
      pct(r.withoutRecentShare),
      num(r.overdueActions),
      r.withoutAnnual === null ? t('statistics:hidden.annual') : num(r.withoutAnnual),
      num(r.conversations.notBooked),
      num(r.conversations.booked),
      num(r.conversations.held),
      num(r.conversations.closed),
      num(r.conversations.signed),
      pct(r.conversations.doneShare),
      hidden ? '' : num(w.people),
      hidden ? '' : num(w.wellbeing),
      hidden ? '' : num(w.workload),
      hidden ? '' : num(w.progress),
      hidden ? t(`statistics:hidden.${w.reason ?? 'too_few'}`) : '',
    ];
  };
  const rows = [header, line(s.total), ...s.departments.map(line), ...s.managers.map(line)];
  return toCsv(rows);
}
