import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { todayIn } from '../../domain/one-on-one/occurrences';
import type { Actor } from '../../domain/roles';
import { emptyFigures, type Figures } from '../../domain/statistics/figures';
import type { GroupKind } from '../../domain/statistics/groups';
import {
  quarter,
  recentQuarters,
  wellbeingAvailableFrom,
  wellbeingQuarter,
  weeksBefore,
  type Quarter,
} from '../../domain/statistics/periods';
import { recordExport } from './audit.service';
import { authorize } from '../policies/index';
import { statisticsRepository as repo } from '../repositories/statistics.repository';
import {
  statisticsRollupRepository as rollupRepo,
  type GroupRef,
} from '../repositories/statistics-rollup.repository';
import {
  statisticsWellbeingRepository as wellbeingRepo,
  type StoredWellbeingRow,
} from '../repositories/statistics-wellbeing.repository';
import { ensureStatistics } from './statistics-rollup.service';
import { fixWellbeingQuarter } from './statistics-wellbeing.service';
import { systemClock, type Clock } from '../clock';

export type StatisticsQuery = {
  period?: string | undefined;
  weeks: number;
  department?: string | undefined;
  manager?: string | undefined;
  round?: string | undefined;
};

export type StatisticsRow = {
  kind: GroupKind;
  id: string | null;
  name: string | null;
  level: number;
  hasChildren: boolean;
  figures: Figures;
  /** Without a signed development conversation in a year; null: hidden (fewer than 5). */
  withoutAnnual: number | null;
  wellbeing: StoredWellbeingRow | null;
};

type Child = { id: string; name: string; has_children: boolean };
const row = (kind: GroupKind, c: Child, level: number): StatisticsRow => ({
  kind,
  id: c.id,
  name: c.name,
  level,
  hasChildren: c.has_children,
  figures: emptyFigures(),
  withoutAnnual: null,
  wellbeing: null,
});
const ref = (r: StatisticsRow): GroupRef => ({ kind: r.kind, key: r.id ?? 'all' });

/** HR statistics: stored counts per department and manager, and protected wellbeing. */
export function createStatisticsService(db: Db, clock: Clock = systemClock) {
  // One background refresh per organisation at a time in this process.
  const running = new Map<string, Promise<void>>();
  const background = (orgId: string) => (work: () => Promise<void>) => {
    if (running.has(orgId)) return;
    const p = work()
      .catch((err: unknown) => console.warn(`statistics refresh failed: ${String(err)}`))
      .finally(() => running.delete(orgId));
    running.set(orgId, p);
  };

  /** The chosen unit (or manager) and its children; by default the single top one, if any. */
  async function slice(
    asked: string | undefined,
    children: (id: string | null) => Promise<Child[]>,
    path: (id: string) => Promise<{ id: string; name: string }[]>,
  ) {
    let selected = asked ?? null;
    if (!selected) {
      const roots = await children(null);
      if (roots.length !== 1) return { path: [], top: roots, selected: null, children: [] };
      selected = roots[0]!.id;
    }
    const [trail, below] = await Promise.all([path(selected), children(selected)]);
    // Another organisation's unit or manager is simply not found here.
    if (trail.length === 0) throw new AppError('not_found');
    return { path: trail, top: [], selected, children: below };
  }

  return {
    /** Waits for any background refresh (tests and shutdown). */
    async settled() {
      await Promise.all(running.values());
    },

    async overview(actor: Actor, q: StatisticsQuery, now = clock.now()) {
      authorize(actor, { do: 'statistics.read', orgId: actor.orgId });
      const orgId = actor.orgId;
      const today = todayIn(actor.timeZone, now);
      const periods = recentQuarters(today);
      const chosen: Quarter = q.period ? quarter(q.period) : periods[0]!;
      if (!periods.some((p) => p.key === chosen.key))
        throw new AppError('validation', {}, [{ path: 'period', code: 'invalid' }]);
      const orgZone = await repo.organisationZone(db, orgId);
      const wq = wellbeingQuarter(chosen.key, todayIn(orgZone, now));

      const [asOf, rounds, departments, managers] = await Promise.all([
        ensureStatistics(db, orgId, chosen.key, now, background(orgId)),
        repo.rounds(db, orgId),
        slice(
          q.department,
          (id) => repo.departmentChildren(db, orgId, id),
          (id) => repo.departmentPath(db, orgId, id),
        ),
        slice(
          q.manager,
          (id) => repo.managerChildren(db, orgId, id),
          (id) => repo.managerPath(db, orgId, id),
        ),
        fixWellbeingQuarter(db, orgId, wq.key, orgZone),
      ]);
      const round = q.round ? rounds.find((r) => r.id === q.round) : rounds[0];
      if (q.round && !round) throw new AppError('not_found');

      const deptRows: StatisticsRow[] = [];
      if (departments.selected) {
        const self = departments.path[departments.path.length - 1]!;
        deptRows.push(
          row('department', { ...self, has_children: departments.children.length > 0 }, 0),
        );
        for (const c of departments.children) deptRows.push(row('department', c, 1));
      } else for (const c of departments.top) deptRows.push(row('department', c, 0));

      // A manager with managers below: their team and their whole organisation; otherwise the
      // two are the same people and the team is shown.
      const mgrRows: StatisticsRow[] = [];
      const manager = (c: Child, level: number, both: boolean) => {
        if (both || !c.has_children) mgrRows.push(row('team', c, level));
        if (c.has_children) mgrRows.push(row('organisation', c, level));
      };
      if (managers.selected) {
        const self = managers.path[managers.path.length - 1]!;
        manager({ ...self, has_children: managers.children.length > 0 }, 0, true);
        for (const c of managers.children) manager(c, 1, false);
      } else for (const c of managers.top) manager(c, 0, false);

      const total: StatisticsRow = {
        kind: 'all',
        id: null,
        name: null,
        level: 0,
        hasChildren: false,
        figures: emptyFigures(),
        withoutAnnual: null,
        wellbeing: null,
      };
      const all = [total, ...deptRows, ...mgrRows];
      const keys = all.map(ref);
      const [counts, talks, wellbeing] = await Promise.all([
        rollupRepo.groups(db, orgId, chosen.key, keys),
        round ? rollupRepo.roundGroups(db, orgId, round.id, keys) : Promise.resolve([]),
        wellbeingRepo.groups(db, orgId, wq.key, keys),
      ]);
      const at = <T extends { kind: string; group_key: string }>(list: T[]) => {
        const m = new Map(list.map((x) => [`${x.kind}:${x.group_key}`, x]));
        return (r: StatisticsRow) => m.get(`${r.kind}:${r.id ?? 'all'}`);
      };
      const countOf = at(counts);
      const talkOf = at(talks);
      const wellbeingOf = at(wellbeing);
      for (const r of all) {
        const c = countOf(r);
        if (c) {
          r.figures.employees = c.employees;
          r.figures.planned = c.planned;
          r.figures.held = c.held;
          r.figures.overdueActions = c.overdue_actions;
          r.figures.weeksSinceHeld = c.weeks_since_held.map(Number);
          r.withoutAnnual = c.without_annual;
        }
        const t = talkOf(r);
        if (t)
          r.figures.conversations = {
            not_booked: t.not_booked,
            booked: t.booked,
            held: t.held,
            closed: t.closed,
            signed: t.signed,
          };
        r.wellbeing = wellbeingOf(r) ?? null;
      }

      return {
        period: chosen,
        periods,
        weeks: q.weeks,
        recentFrom: weeksBefore(today, q.weeks),
        asOf,
        wellbeingPeriod: { ...wq, availableFrom: wellbeingAvailableFrom(wq.key) },
        rounds,
        round: round ?? null,
        departmentPath: departments.path,
        managerPath: managers.path,
        total,
        departments: deptRows,
        managers: mgrRows,
      };
    },

    /** The overview for the CSV export: the same figures, and the export is recorded. */
    async exportOverview(actor: Actor, q: StatisticsQuery, now = clock.now()) {
      const stats = await this.overview(actor, q, now);
      await recordExport(db, actor, 'statistics', {
        period: stats.period.key,
        rows: stats.departments.length + stats.managers.length + 1,
      });
      return stats;
    },
  };
}

type StatisticsService = ReturnType<typeof createStatisticsService>;
export type StatisticsOverview = Awaited<ReturnType<StatisticsService['overview']>>;
