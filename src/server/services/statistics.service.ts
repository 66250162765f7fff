import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { todayIn } from '../../domain/one-on-one/occurrences';
import type { Actor } from '../../domain/roles';
import { addFigures, emptyFigures, type Figures } from '../../domain/statistics/figures';
import { chainUp, rollUp, type GroupKind } from '../../domain/statistics/groups';
import {
  instantRange,
  quarter,
  recentQuarters,
  wellbeingAvailableFrom,
  wellbeingQuarter,
  weeksBefore,
  type Quarter,
} from '../../domain/statistics/periods';
import { authorize } from '../policies/index';
import { statisticsRepository as repo, type CountRow } from '../repositories/statistics.repository';
import {
  statisticsWellbeingRepository as wellbeingRepo,
  type StoredWellbeingRow,
} from '../repositories/statistics-wellbeing.repository';
import { fixWellbeingQuarter } from './statistics-wellbeing.service';

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
  wellbeing: StoredWellbeingRow | null;
};

type Node = { id: string; name: string; parent: string | null };

/** Children of every node, by name: the tree order the page and the CSV follow. */
function childrenOf(nodes: readonly Node[]) {
  const known = new Set(nodes.map((n) => n.id));
  const out = new Map<string | null, Node[]>();
  for (const n of nodes) {
    const parent = n.parent && known.has(n.parent) ? n.parent : null;
    const list = out.get(parent) ?? [];
    list.push(n);
    out.set(parent, list);
  }
  for (const list of out.values())
    list.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return out;
}

/** Figures per department and per manager from rows keyed by (department, manager). */
function collect(
  rows: readonly CountRow[],
  byDepartment: Map<string, Figures>,
  byManager: Map<string, Figures>,
  total: Figures,
  fill: (f: Figures, row: CountRow) => void,
) {
  for (const row of rows) {
    const at = (map: Map<string, Figures>, id: string | null) => {
      if (!id) return;
      let f = map.get(id);
      if (!f) map.set(id, (f = emptyFigures()));
      fill(f, row);
    };
    at(byDepartment, row.department_id);
    at(byManager, row.manager_id);
    fill(total, row);
  }
}

/** HR statistics: counts per department and manager, and protected wellbeing aggregates. */
export function createStatisticsService(db: Db) {
  return {
    async overview(actor: Actor, q: StatisticsQuery, now = new Date()) {
      authorize(actor, { do: 'statistics.read', orgId: actor.orgId });
      const orgId = actor.orgId;
      const today = todayIn(actor.timeZone, now);
      const periods = recentQuarters(today);
      const chosen: Quarter = q.period ? quarter(q.period) : periods[0]!;
      if (!periods.some((p) => p.key === chosen.key))
        throw new AppError('validation', {}, [{ path: 'period', code: 'invalid' }]);
      const range = instantRange(chosen, actor.timeZone);
      const until = range.until < now ? range.until : now;
      const since = instantRange({ from: weeksBefore(today, q.weeks), to: today }, actor.timeZone);
      const orgZone = await repo.organisationZone(db, orgId);
      const wq = wellbeingQuarter(chosen.key, todayIn(orgZone, now));

      const [departments, managers, employees, cadence, overdue, rounds] = await Promise.all([
        repo.departments(db, orgId),
        repo.managers(db, orgId),
        repo.employees(db, orgId, since.from, now),
        repo.cadence(db, orgId, range.from, until),
        repo.overdueActions(db, orgId, now),
        repo.rounds(db, orgId),
        fixWellbeingQuarter(db, orgId, wq.key, orgZone),
      ]);
      const round = q.round ? rounds.find((r) => r.id === q.round) : rounds[0];
      if (q.round && !round) throw new AppError('not_found', { field: 'round' });
      const conversations = round ? await repo.conversations(db, orgId, round.id) : [];

      const byDepartment = new Map<string, Figures>();
      const byManager = new Map<string, Figures>();
      const total = emptyFigures();
      const add = (rows: readonly CountRow[], fill: (f: Figures, row: never) => void) =>
        collect(rows, byDepartment, byManager, total, fill as (f: Figures, r: CountRow) => void);
      add(employees, (f, r: (typeof employees)[number]) => {
        f.employees += r.employees;
        f.withoutRecent += r.without_recent;
      });
      add(cadence, (f, r: (typeof cadence)[number]) => {
        f.planned += r.planned;
        f.held += r.held;
      });
      add(overdue, (f, r: (typeof overdue)[number]) => (f.overdueActions += r.overdue));
      add(conversations, (f, r: (typeof conversations)[number]) => {
        f.conversations[r.status] += r.n;
      });

      const deptNodes = departments.map((d) => ({ id: d.id, name: d.name, parent: d.parent_id }));
      const deptParent = new Map(deptNodes.map((d) => [d.id, d.parent]));
      const deptTotals = rollUp(deptParent, byDepartment, emptyFigures, addFigures);
      const managerIds = new Set(managers.map((m) => m.id));
      const mgrNodes = managers.map((m) => ({
        id: m.id,
        name: m.name,
        parent: m.manager_id && managerIds.has(m.manager_id) ? m.manager_id : null,
      }));
      const mgrParent = new Map(mgrNodes.map((m) => [m.id, m.parent]));
      const orgTotals = rollUp(mgrParent, byManager, emptyFigures, addFigures);

      const deptChildren = childrenOf(deptNodes);
      const mgrChildren = childrenOf(mgrNodes);
      /** The unit or manager asked for, else the single top one (else the top level). */
      const pick = (
        children: Map<string | null, Node[]>,
        parents: Map<string, string | null>,
        asked: string | undefined,
        field: string,
      ) => {
        if (asked !== undefined) {
          // Another organisation's unit or manager is simply not found here.
          if (!parents.has(asked)) throw new AppError('not_found', { field });
          return asked;
        }
        const roots = children.get(null) ?? [];
        return roots.length === 1 ? roots[0]!.id : null;
      };
      const deptSelected = pick(deptChildren, deptParent, q.department, 'department');
      const mgrSelected = pick(mgrChildren, mgrParent, q.manager, 'manager');

      const deptName = new Map(deptNodes.map((d) => [d.id, d.name]));
      const mgrName = new Map(mgrNodes.map((m) => [m.id, m.name]));
      const hasKids = (children: Map<string | null, Node[]>, id: string) =>
        (children.get(id)?.length ?? 0) > 0;
      const row = (
        kind: GroupKind,
        id: string,
        name: string,
        level: number,
        figures: Figures | undefined,
        hasChildren: boolean,
      ): StatisticsRow => ({
        kind,
        id,
        name,
        level,
        hasChildren,
        figures: figures ?? emptyFigures(),
        wellbeing: null,
      });

      const deptRows: StatisticsRow[] = [];
      const deptList = deptSelected
        ? [
            { id: deptSelected, level: 0 },
            ...(deptChildren.get(deptSelected) ?? []).map((c) => ({ id: c.id, level: 1 })),
          ]
        : (deptChildren.get(null) ?? []).map((c) => ({ id: c.id, level: 0 }));
      for (const d of deptList)
        deptRows.push(
          row(
            'department',
            d.id,
            deptName.get(d.id)!,
            d.level,
            deptTotals.get(d.id),
            hasKids(deptChildren, d.id),
          ),
        );

      const mgrRows: StatisticsRow[] = [];
      const managerRow = (id: string, level: number, both: boolean) => {
        const deeper = hasKids(mgrChildren, id);
        if (both || !deeper)
          mgrRows.push(row('team', id, mgrName.get(id)!, level, byManager.get(id), deeper));
        if (deeper)
          mgrRows.push(row('organisation', id, mgrName.get(id)!, level, orgTotals.get(id), deeper));
      };
      if (mgrSelected) {
        managerRow(mgrSelected, 0, true);
        for (const c of mgrChildren.get(mgrSelected) ?? []) managerRow(c.id, 1, false);
      } else for (const c of mgrChildren.get(null) ?? []) managerRow(c.id, 0, false);

      const totalRow: StatisticsRow = {
        kind: 'all',
        id: null,
        name: null,
        level: 0,
        hasChildren: false,
        figures: total,
        wellbeing: null,
      };
      const all = [totalRow, ...deptRows, ...mgrRows];
      const stored = await wellbeingRepo.groups(
        db,
        orgId,
        wq.key,
        all.map((r) => r.id ?? 'all'),
      );
      const storedBy = new Map(stored.map((s) => [`${s.kind}:${s.group_key}`, s]));
      for (const r of all) r.wellbeing = storedBy.get(`${r.kind}:${r.id ?? 'all'}`) ?? null;

      return {
        period: chosen,
        periods,
        weeks: q.weeks,
        recentFrom: weeksBefore(today, q.weeks),
        wellbeingPeriod: { ...wq, availableFrom: wellbeingAvailableFrom(wq.key) },
        rounds,
        round: round ?? null,
        departmentPath: deptSelected
          ? chainUp(deptSelected, deptParent)
              .reverse()
              .map((id) => ({ id, name: deptName.get(id)! }))
          : [],
        managerPath: mgrSelected
          ? chainUp(mgrSelected, mgrParent)
              .reverse()
              .map((id) => ({ id, name: mgrName.get(id)! }))
          : [],
        total: totalRow,
        departments: deptRows,
        managers: mgrRows,
      };
    },
  };
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;
export type StatisticsOverview = Awaited<ReturnType<StatisticsService['overview']>>;
