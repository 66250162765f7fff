/**
 * The groups HR statistics report on, built from parent pointers without I/O: a department
 * with all its sub-units, a manager's direct team, and a manager's whole organisation (everyone
 * below them), plus the whole organisation.
 */
import { decidePublication, isSafe, roundAverage, type Decision } from './disclosure';

export type GroupKind = 'all' | 'department' | 'team' | 'organisation';
const groupKey = (kind: GroupKind, id: string | null) => (kind === 'all' ? 'all' : `${kind}:${id}`);

/** The ids from `start` up to the root of a parent-pointer tree (a loop is cut where it closes). */
export function chainUp(
  start: string | null | undefined,
  parentOf: ReadonlyMap<string, string | null>,
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let id = start ?? null; id !== null && !seen.has(id); id = parentOf.get(id) ?? null) {
    seen.add(id);
    out.push(id);
  }
  return out;
}

/** Adds each node's own figures into every ancestor: subtree totals for every node. */
export function rollUp<T>(
  parentOf: ReadonlyMap<string, string | null>,
  own: ReadonlyMap<string, T>,
  empty: () => T,
  add: (into: T, from: T) => void,
): Map<string, T> {
  const total = new Map<string, T>();
  for (const id of parentOf.keys()) total.set(id, empty());
  for (const [id, figures] of own)
    for (const up of chainUp(id, parentOf)) {
      let t = total.get(up);
      if (!t) total.set(up, (t = empty()));
      add(t, figures);
    }
  return total;
}

/** Managers whose reports include a manager: their organisation is more than their team. */
function managersWithIndirectReports(managerOf: ReadonlyMap<string, string | null>): Set<string> {
  const managers = new Set<string>();
  for (const m of managerOf.values()) if (m) managers.add(m);
  const out = new Set<string>();
  for (const m of managers) {
    const up = managerOf.get(m);
    if (up) out.add(up);
  }
  return out;
}

export type PersonAverages = {
  departmentId: string | null;
  managerId: string | null;
  wellbeing: number;
  workload: number;
  progress: number;
};

export type WellbeingGroupRow = {
  kind: GroupKind;
  id: string | null;
  people: number;
  status: Decision;
  /** Null unless published. */
  wellbeing: number | null;
  workload: number | null;
  progress: number | null;
};

/**
 * Every group with at least one person with answers, and whether it is published. `persons`
 * holds one entry per person with answers in the period (their own average per measure);
 * `departmentParent` and `managerOf` are the trees (managerOf: every person's manager).
 */
export function wellbeingGroups(
  persons: readonly PersonAverages[],
  departmentParent: ReadonlyMap<string, string | null>,
  managerOf: ReadonlyMap<string, string | null>,
): WellbeingGroupRow[] {
  const members = new Map<string, number[]>();
  const kinds = new Map<string, { kind: GroupKind; id: string | null }>();
  const join = (kind: GroupKind, id: string | null, p: number) => {
    const key = groupKey(kind, id);
    let list = members.get(key);
    if (!list) {
      members.set(key, (list = []));
      kinds.set(key, { kind, id });
    }
    list.push(p);
  };
  const deeper = managersWithIndirectReports(managerOf);
  persons.forEach((person, p) => {
    join('all', null, p);
    for (const d of chainUp(person.departmentId, departmentParent)) join('department', d, p);
    if (person.managerId) join('team', person.managerId, p);
    for (const m of chainUp(person.managerId, managerOf))
      if (deeper.has(m)) join('organisation', m, p);
  });
  const priority: Record<GroupKind, number> = { all: 0, department: 1, organisation: 2, team: 3 };
  const groups = [...members].map(([key, list]) => ({
    key,
    members: list,
    priority: priority[kinds.get(key)!.kind],
  }));
  const decisions = decidePublication(groups, persons.length);
  const published = groups.filter((g) => decisions.get(g.key) === 'published');
  // A last guard: nothing leaves this function unless the published set is safe as a whole.
  if (!isSafe(published.map((g) => g.members)))
    throw new Error('wellbeing groups: publication would not be safe');
  return groups.map((g) => {
    const { kind, id } = kinds.get(g.key)!;
    const status = decisions.get(g.key)!;
    const avg = (f: (p: PersonAverages) => number) =>
      status === 'published'
        ? roundAverage(
            g.members.reduce((s, p) => s + f(persons[p]!), 0),
            g.members.length,
          )
        : null;
    return {
      kind,
      id,
      people: g.members.length,
      status,
      wellbeing: avg((p) => p.wellbeing),
      workload: avg((p) => p.workload),
      progress: avg((p) => p.progress),
    };
  });
}
