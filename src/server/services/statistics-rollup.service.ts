import type { Db, DbOrTx } from '../../db/client';
import { annualCutoff } from '../../domain/development/annual';
import { todayIn } from '../../domain/one-on-one/occurrences';
import {
  addFigures,
  emptyFigures,
  weeksSince,
  type Figures,
} from '../../domain/statistics/figures';
import { rollUp, type GroupKind } from '../../domain/statistics/groups';
import {
  instantRange,
  quarter,
  quarterOf,
  recentQuarters,
  shiftQuarter,
  type Quarter,
} from '../../domain/statistics/periods';
import { statisticsRepository as repo, type CountRow } from '../repositories/statistics.repository';
import {
  statisticsRollupRepository as rollupRepo,
  type GroupFigures,
} from '../repositories/statistics-rollup.repository';
import { systemClock } from '../clock';

/** The current quarter's counts are refreshed when older than this; past quarters daily. */
const CURRENT_FRESH_MS = 10 * 60_000;
const PAST_FRESH_MS = 24 * 3_600_000;
const ROUNDS = 'rounds';

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

async function trees(db: DbOrTx, orgId: string): Promise<Trees> {
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

/** Consecutive quarters (sorted) as runs, each one date range. */
function runs(quarters: readonly Quarter[]): Quarter[][] {
  const out: Quarter[][] = [];
  for (const q of quarters) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && shiftQuarter(q.key, 1).key === prev.key) last.push(q);
    else out.push([q]);
  }
  return out;
}

/**
 * Whether a quarter's kept pair counts still hold: it is closed (before the previous quarter,
 * so every 1:1 of it is in the past), none of its 1:1s changed since (no touch), and they were
 * counted when the trigger already recorded changes to it — it marks quarters before the
 * current one in UTC, so the count must be from a day (any long transaction) after that began.
 */
export function keptPairsHold(
  q: Quarter,
  orgToday: string,
  countedAt: Date | undefined,
  touched: ReadonlySet<string>,
): boolean {
  const previous = shiftQuarter(quarterOf(orgToday).key, 1);
  if (!countedAt || touched.has(q.key) || q.to >= previous.from) return false;
  const marked = instantRange(shiftQuarter(q.key, -1), 'UTC').from.getTime() + 86_400_000;
  return countedAt.getTime() >= marked;
}

/**
 * Recomputes the stored counts of the given quarters (and, with `rounds`, of every
 * conversation round) for one organisation, then rolls them up in memory (decision 014). What
 * can change is read again: the people (units, managers, who is active), each person's last
 * held 1:1 (one index probe each), open actions, conversations and the current and previous
 * quarters' 1:1s. A closed quarter's 1:1s are kept per pair and recounted only when one of them
 * changed (`keptPairsHold`); `recount` recounts every quarter asked for (tests compare the
 * two). Refreshes of one organisation take turns (an advisory lock held throughout), so
 * several places may run them at once.
 */
export async function refreshStatistics(
  db: Db,
  orgId: string,
  opts: { periods: readonly Quarter[]; rounds: boolean; now?: Date; recount?: boolean },
): Promise<void> {
  const now = opts.now ?? systemClock.now();
  const sorted = [...opts.periods].sort((a, b) => a.from.localeCompare(b.from));
  let firstTime = false;
  await db.transaction(async (tx) => {
    await rollupRepo.lock(tx, orgId);
    // Planner statistics are refreshed only when rows for a new quarter (or the first
    // rounds) appear; otherwise autovacuum's are good enough for the page's key lookups.
    const done = new Set((await rollupRepo.refreshes(tx, orgId)).map((r) => r.period));
    firstTime = sorted.some((q) => !done.has(q.key)) || (opts.rounds && !done.has(ROUNDS));
    const zone = await repo.organisationZone(tx, orgId);
    const today = todayIn(zone, now);
    const current = quarterOf(today).key;
    const t = await trees(tx, orgId);
    const weeks = await repo.weeksSinceHeld(tx, orgId, today);
    const annual = await repo.withoutAnnual(tx, orgId, annualCutoff(now));
    const overdue = await repo.overdueActions(tx, orgId, now);

    // 1:1s: the current quarter counted by unit; every other quarter kept per pair, recounted
    // when it may have changed, and grouped by the employees' units of the moment.
    const kept = await rollupRepo.pairPeriods(tx, orgId);
    const touches = await rollupRepo.touches(tx, orgId);
    const touched = new Set(touches.map((x) => x.period));
    const past = sorted.filter((q) => q.key !== current);
    const recount = past.filter(
      (q) => opts.recount || !keptPairsHold(q, today, kept.get(q.key), touched),
    );
    for (const run of runs(recount))
      await rollupRepo.recountPairs(
        tx,
        orgId,
        run.map((q) => q.key),
        { from: run[0]!.from, to: run[run.length - 1]!.to },
        now,
      );
    const currentAsked = sorted.find((q) => q.key === current);
    const cadence = [
      ...(currentAsked
        ? await repo.cadence(tx, orgId, currentAsked.from, currentAsked.to, now)
        : []),
      ...(await rollupRepo.pairCadence(
        tx,
        orgId,
        past.map((q) => q.key),
      )),
    ];
    // The touches seen are settled: their quarter was recounted, or has nothing kept to
    // invalidate. (Ones written since stay for the next refresh.)
    const recounted = new Set(recount.map((q) => q.key));
    await rollupRepo.clearTouches(
      tx,
      orgId,
      touches.filter((x) => recounted.has(x.period) || !kept.has(x.period)).map((x) => x.id),
    );
    // Quarters the picker no longer offers (one spare for a viewer a quarter behind).
    const oldest = recentQuarters(today).at(-1)!;
    await rollupRepo.forgetPairsBefore(tx, orgId, shiftQuarter(oldest.key, 1).key);

    const rounds = opts.rounds ? await repo.rounds(tx, orgId) : [];
    const conversations = opts.rounds
      ? await repo.conversations(
          tx,
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

    for (const [period, rows] of perPeriod) {
      await rollupRepo.replacePeriod(tx, orgId, period, rows);
      await rollupRepo.markRefreshed(tx, orgId, period, today, now);
    }
    if (opts.rounds) {
      await rollupRepo.replaceRounds(tx, orgId, roundRows);
      await rollupRepo.markRefreshed(tx, orgId, ROUNDS, today, now);
    }
  });
  if (firstTime) await rollupRepo.analyze(db);
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
    background(() =>
      refreshStatistics(db, orgId, { periods: [quarter(period)], rounds: true, now }),
    );
  return at;
}

/**
 * The scheduled job: for every organisation whose statistics were used in the last 30 days,
 * refreshes the current quarter and the rounds, and any of the last twelve quarters not
 * computed today — in one pass, so HR rarely waits for a quarter on first look. Then tidies
 * the touch rows of the others.
 */
export async function refreshRecentStatistics(db: Db, now = systemClock.now()): Promise<number> {
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
  // Organisations no longer refreshed keep one touch row per kept quarter, not one per write.
  for (const orgId of await rollupRepo.looseTouchOrgs(db))
    await db.transaction(async (tx) => {
      await rollupRepo.lock(tx, orgId);
      await rollupRepo.tidyTouches(tx, orgId);
    });
  return orgs.length;
}
