import {
  conversationsDone,
  conversationsTotal,
  share,
  withoutRecent,
  type Figures,
} from '../../domain/statistics/figures';
import type { StatisticsOverview, StatisticsRow } from '../services/statistics.service';
import { StatisticsDto, StatisticsRowDto } from '../../contracts/statistics';

function presentFigures(f: Figures, weeks: number) {
  const c = f.conversations;
  const without = withoutRecent(f.weeksSinceHeld, weeks);
  return {
    employees: f.employees,
    planned: f.planned,
    held: f.held,
    cadenceKept: share(f.held, f.planned),
    withoutRecent: without,
    withoutRecentShare: share(without, f.employees),
    overdueActions: f.overdueActions,
    conversations: {
      notBooked: c.not_booked,
      booked: c.booked,
      held: c.held,
      closed: c.closed,
      signed: c.signed,
      total: conversationsTotal(c),
      doneShare: share(conversationsDone(c), conversationsTotal(c)),
    },
  };
}

/** One group's row. Hidden wellbeing carries its reason and no figures at all. */
function presentRow(r: StatisticsRow, weeks: number): StatisticsRowDto {
  const w = r.wellbeing;
  const shown = w?.status === 'published';
  return {
    kind: r.kind,
    id: r.id,
    name: r.name,
    level: r.level,
    hasChildren: r.hasChildren,
    ...presentFigures(r.figures, weeks),
    withoutAnnual: r.withoutAnnual,
    withoutAnnualShare:
      r.withoutAnnual === null ? null : share(r.withoutAnnual, r.figures.employees),
    wellbeing: {
      status: shown ? 'shown' : 'hidden',
      reason: shown ? null : w?.status === 'overlap' ? 'overlap' : 'too_few',
      people: shown ? w.people : null,
      wellbeing: shown ? w.wellbeing : null,
      workload: shown ? w.workload : null,
      progress: shown ? w.progress : null,
    },
  };
}

export function presentStatistics(s: StatisticsOverview): StatisticsDto {
  return {
    period: s.period,
    periods: s.periods,
    weeks: s.weeks,
    recentFrom: s.recentFrom,
    asOf: s.asOf.toISOString(),
    wellbeingPeriod: s.wellbeingPeriod,
    rounds: s.rounds.map((r) => ({ id: r.id, name: r.name, periodStart: r.period_start })),
    roundId: s.round?.id ?? null,
    departmentPath: s.departmentPath,
    managerPath: s.managerPath,
    total: presentRow(s.total, s.weeks),
    departments: s.departments.map((r) => presentRow(r, s.weeks)),
    managers: s.managers.map((r) => presentRow(r, s.weeks)),
  };
}
