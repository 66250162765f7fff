/**
 * Which wellbeing groups may be published without letting anyone work out a single person's
 * answers (decision 014). Pure: no I/O, no clock.
 *
 * A published group average times its head count is a sum of per-person values, so anything a
 * reader can compute from the published figures is a linear combination of group sums. Each
 * such combination is also a combination of the sums of the *cells* the published groups cut
 * the people into (people who belong to exactly the same published groups). When every cell
 * holds at least `minPeople` people, every combination a reader can form involves at least
 * that many people: no one person, nor two, three or four, can be isolated — whatever groups,
 * filters or differences they combine. For groups that nest (a department tree) the rule is
 * exactly "a group minus its published sub-groups holds 0 or ≥ minPeople people"; for groups
 * that cross (a department and a manager's organisation) it is stricter than necessary but safe.
 *
 * Groups are considered biggest first and each is published only if the cells stay large
 * enough (secondary suppression); otherwise it is hidden with the reason `overlap`.
 */

export const MIN_GROUP_PEOPLE = 5;

export type CandidateGroup = {
  key: string;
  /** Indices of the people with answers in this group (each person once). */
  members: readonly number[];
  /** Lower is considered first among groups of the same size. */
  priority?: number;
};

export type Decision = 'published' | 'too_few' | 'overlap';

/**
 * Decides for every group whether it is published. `people` is the number of distinct people
 * (member indices run from 0 to people - 1). Deterministic for the same input.
 */
export function decidePublication(
  groups: readonly CandidateGroup[],
  people: number,
  minPeople = MIN_GROUP_PEOPLE,
): Map<string, Decision> {
  const decisions = new Map<string, Decision>();
  // Cell 0 holds everyone not in any published group yet: their values appear in no sum.
  const cellOf = new Int32Array(people);
  const cellSize: number[] = [people];
  const order = groups
    .map((g, i) => ({ g, i }))
    .sort(
      (a, b) =>
        b.g.members.length - a.g.members.length ||
        (a.g.priority ?? 0) - (b.g.priority ?? 0) ||
        a.i - b.i,
    );
  const inCell = new Map<number, number>();
  for (const { g } of order) {
    if (g.members.length < minPeople) {
      decisions.set(g.key, 'too_few');
      continue;
    }
    inCell.clear();
    for (const p of g.members) inCell.set(cellOf[p]!, (inCell.get(cellOf[p]!) ?? 0) + 1);
    let safe = true;
    for (const [cell, inside] of inCell) {
      const outside = cellSize[cell]! - inside;
      // Splitting a cell must leave both parts empty or large; the part of cell 0 that joins
      // the published world must be large (the rest of cell 0 stays out of every sum).
      if (inside < minPeople && (cell === 0 || outside > 0)) safe = false;
      if (cell !== 0 && outside > 0 && outside < minPeople) safe = false;
      if (!safe) break;
    }
    if (!safe) {
      decisions.set(g.key, 'overlap');
      continue;
    }
    const newCell = new Map<number, number>();
    for (const [cell, inside] of inCell) {
      if (cell !== 0 && inside === cellSize[cell]) continue; // the whole cell is inside: no split
      newCell.set(cell, cellSize.length);
      cellSize.push(inside);
      cellSize[cell] = cellSize[cell]! - inside;
    }
    for (const p of g.members) {
      const to = newCell.get(cellOf[p]!);
      if (to !== undefined) cellOf[p] = to;
    }
    decisions.set(g.key, 'published');
  }
  return decisions;
}

/**
 * The sizes of the cells the given groups cut their members into (people in no group are left
 * out). Used by tests and by the service as a last check before anything is stored.
 */
export function cellSizes(groups: readonly (readonly number[])[]): number[] {
  const signature = new Map<number, number[]>();
  groups.forEach((members, gi) => {
    for (const p of members) {
      const s = signature.get(p);
      if (s) s.push(gi);
      else signature.set(p, [gi]);
    }
  });
  const sizes = new Map<string, number>();
  for (const s of signature.values()) {
    const key = s.join(',');
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return [...sizes.values()];
}

/** True when every cell of the published groups holds 0 or at least `minPeople` people. */
export function isSafe(
  published: readonly (readonly number[])[],
  minPeople = MIN_GROUP_PEOPLE,
): boolean {
  return cellSizes(published).every((n) => n >= minPeople);
}

/**
 * A published average: one decimal, so tiny changes between publications carry no exact sums
 * (defence in depth; the cell rule is what protects people).
 */
export function roundAverage(sum: number, count: number): number {
  return Math.round((sum / count) * 10) / 10;
}
