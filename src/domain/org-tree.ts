/**
 * Reporting lines and department trees are both parent pointers. These functions answer, without
 * I/O, whether a set of parent pointers has a cycle; the callers turn that into a clear error.
 */

/** Returns the ids on the first cycle found (in walk order), or null when there is none. */
export function findCycle(
  parentOf: ReadonlyMap<string, string | null | undefined>,
): string[] | null {
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = known to end at a root
  for (const start of parentOf.keys()) {
    if (state.get(start) === 2) continue;
    const path: string[] = [];
    let node: string | null | undefined = start;
    while (node != null && state.get(node) !== 2) {
      if (state.get(node) === 1) return path.slice(path.indexOf(node));
      state.set(node, 1);
      path.push(node);
      node = parentOf.get(node);
    }
    for (const id of path) state.set(id, 2);
  }
  return null;
}

/**
 * Would pointing `id` at `newParent` close a loop? Walks up from the new parent using
 * `parentOf` (the current pointers); true when it meets `id`.
 */
export function wouldCreateCycle(
  id: string,
  newParent: string | null,
  parentOf: (id: string) => string | null | undefined,
): boolean {
  const seen = new Set<string>();
  let node = newParent;
  while (node != null) {
    if (node === id) return true;
    if (seen.has(node)) return true; // an existing loop above: refuse rather than extend it
    seen.add(node);
    node = parentOf(node) ?? null;
  }
  return false;
}
