import type { Db } from '../../db/client';
import { annualCutoff } from '../../domain/development/annual';
import { todayIn } from '../../domain/one-on-one/occurrences';
import {
  addFigures,
  emptyFigures,
  weeksSince,
  type Figures,
} from '../../domain/statistics/figures';
import { rollUp, type GroupKind } from '../../domain/statistics/groups';
import { quarter, quarterOf, recentQuarters, type Quarter } from '../../domain/statistics/periods';
import { statisticsRepository as repo, type CountRow } from '../repositories/statistics.repository';
import {
  statisticsRollupRepository as rollupRepo,
  type GroupFigures,
} from '../repositories/statistics-rollup.repository';

/** The current quarter's counts are refreshed when older than this; past quarters daily. */
export const CURRENT_FRESH_MS = 10 * 60_000;
export const PAST_FRESH_MS = 24 * 3_600_000;
export const ROUNDS = 'rounds';

type Trees = {
  departmentParent: Map<string, string | null>;
  managerParent: Map<string, string | null>;
};

/** Every group's figures from rows keyed by (department, manager): rolled up both ways. */
function groupFigures(
  trees: Trees,
  fillAll: (add: (row: CountRow, fill: (f: Figures) => void) => void) => void,
): GroupFigures[] {
  const byDepartment = new Map<string, Figures>();
  const byManager = new Map<string, Figures>();
  const total = emptyFigures();
  fillAll((row, fill) => {
    for (const [map, id] of [
      [byDepartment, row.department_id],
      [byManager, row.manager_id],
    ] as const) {
      if (!id) continue;
      let f = map.get(id);
      if (!f) map.set(id, (f = emptyFigures()));
      fill(f);
    }
    fill(total);
  });
  const out: GroupFigures[] = [{ kind: 'all', key: 'all', figures: total }];
  const push = (kind: GroupKind, map: Map<string, Figures>) => {
    for (const [key, figures] of map) out.push({ kind, key, figures });
  };
  push('department', rollUp(trees.departmentParent, byDepartment, emptyFigures, addFigures));
  push('team', byManager);
  push('organisation', rollUp(trees.managerParent, byManager, emptyFigures, addFigures));
  return out;
}

async function trees(db: Db, orgId: string): Promise<Trees> {
  const [departments, managers] = await Promise.all([
    repo.departments(db, orgId),
    repo.managers(db, orgId),
  ]);
  const ids = new Set(managers.map((m) => m.id));
  return {
    departmentParent: new Map(departments.map((d) => [d.id, d.parent_id])),
    managerParent: new Map(
      managers.map((m) => [m.id, m.manager_id && ids.has(m.manager_id) ? m.manager_id : null]),
    ),
  };
}

/**
 * Recomputes the stored counts of the given quarters (and, with `rounds`, of every
 * conversation round) for one organisation: a handful of set-based statements over its whole
 * history, then the roll-up in memory (decision 014). Safe to run from several places at once:
 * the refreshes of one organisation take turns.
 */
export async function refreshStatistics(
  db: Db,
  orgId: string,
  opts: { periods: readonly Quarter[]; rounds: boolean; now?: Date },
): Promise<void> {
  const now = opts.now ?? new Date();
  const zone = await repo.organisationZone(db, orgId);
  const today = todayIn(zone, now);
  const t = await trees(db, orgId);
  const sorted = [...opts.periods].sort((a, b) => a.from.localeCompare(b.from));
  const [weeks, annual, overdue, cadence, rounds] = await Promise.all([
    repo.weeksSinceHeld(db, orgId, today),
    repo.withoutAnnual(db, orgId, annualCutoff(now)),
    repo.overdueActions(db, orgId, now),
    sorted.length
      ? repo.cadence(db, orgId, sorted[0]!.from, sorted[sorted.length - 1]!.to, now)
      : Promise.resolve([]),
    opts.rounds ? repo.rounds(db, orgId) : Promise.resolve([]),
  ]);
  const conversations = opts.rounds
    ? await repo.conversations(
        db,
        orgId,
        rounds.map((r) => r.id),
      )
    : [];

  const perPeriod = new Map<string, GroupFigures[]>();
  for (const q of sorted)
    perPeriod.set(
      q.key,
      groupFigures(t, (add) => {
        for (const r of weeks)
          add(r, (f) => {
            f.employees += r.n;
            f.weeksSinceHeld[weeksSince(r.days === null ? null : Number(r.days))]! += r.n;
          });
        for (const r of annual) add(r, (f) => (f.withoutAnnual += r.n));
        for (const r of overdue) add(r, (f) => (f.overdueActions += r.overdue));
        for (const r of cadence)
          if (r.period === q.key)
            add(r, (f) => {
              f.planned += r.planned;
              f.held += r.held;
            });
      }),
    );
  const roundRows = rounds.flatMap((round) =>
    groupFigures(t, (add) => {
      for (const r of conversations)
        if (r.round_id === round.id) add(r, (f) => (f.conversations[r.status] += r.n));
    }).map((g) => ({ ...g, roundId: round.id })),
  );

  await db.transaction(async (tx) => {
    await rollupRepo.lock(tx, orgId);
    for (const [period, rows] of perPeriod) {
      await rollupRepo.replacePeriod(tx, orgId, period, rows);
      await rollupRepo.markRefreshed(tx, orgId, period, today, now);
    }
    if (opts.rounds) {
      await rollupRepo.replaceRounds(tx, orgId, roundRows);
      await rollupRepo.markRefreshed(tx, orgId, ROUNDS, today, now);
    }
  });
  await rollupRepo.analyze(db);
}

/**
 * Makes sure the counts for `period` (and the rounds) exist: missing ones are computed before
 * answering; stale ones are answered from the store and refreshed in the background. Returns
 * when the figures shown were computed.
 */
export async function ensureStatistics(
  db: Db,
  orgId: string,
  period: string,
  now: Date,
  background: (work: () => Promise<void>) => void,
): Promise<Date> {
  const done = new Map((await rollupRepo.refreshes(db, orgId)).map((r) => [r.period, r]));
  const current = quarterOf(todayIn('UTC', now)).key === period;
  const at = done.get(period)?.computed_at;
  const roundsAt = done.get(ROUNDS)?.computed_at;
  const missing = !at || !roundsAt;
  if (missing) {
    await refreshStatistics(db, orgId, { periods: [quarter(period)], rounds: true, now });
    return now;
  }
  const age = now.getTime() - at.getTime();
  const stale =
    age > (current ? CURRENT_FRESH_MS : PAST_FRESH_MS) ||
    now.getTime() - roundsAt.getTime() > CURRENT_FRESH_MS;
  if (stale)
    background(() => refreshStatistics(db, orgId, { periods: [quarter(period)], rounds: true }));
  return at;
}

/**
 * The scheduled job: for every organisation whose statistics were used in the last 30 days,
 * refreshes the current quarter and the rounds, and any of the last twelve quarters not
 * computed today — in one pass, so HR rarely waits for a quarter on first look.
 */
export async function refreshRecentStatistics(db: Db, now = new Date()): Promise<number> {
  const orgs = await rollupRepo.recentlyUsed(db, new Date(now.getTime() - 30 * 86_400_000));
  for (const orgId of orgs) {
    const zone = await repo.organisationZone(db, orgId);
    const done = new Map((await rollupRepo.refreshes(db, orgId)).map((r) => [r.period, r]));
    const [current, ...past] = recentQuarters(todayIn(zone, now));
    const due = past.filter((q) => {
      const at = done.get(q.key)?.computed_at;
      return !at || now.getTime() - at.getTime() > PAST_FRESH_MS;
    });
    await refreshStatistics(db, orgId, { periods: [current!, ...due], rounds: true, now });
  }
  return orgs.length;
}
