/** The flat department list from the API, as a tree and as "Parent › Child" paths. */

type Dept = { id: string; name: string; parentId: string | null };

export type TreeNode<D extends Dept> = { department: D; children: TreeNode<D>[]; depth: number };

const byName = (collator: Intl.Collator) => (a: Dept, b: Dept) => collator.compare(a.name, b.name);

/**
 * Builds the tree, siblings sorted by name. A department whose parent is missing (or that sits in
 * a loop the server should never allow) is shown at the top level rather than lost.
 */
export function buildTree<D extends Dept>(items: readonly D[], locale = 'en'): TreeNode<D>[] {
  const collator = new Intl.Collator(locale);
  const ids = new Set(items.map((d) => d.id));
  const children = new Map<string | null, D[]>();
  for (const d of items) {
    const parent = d.parentId && ids.has(d.parentId) ? d.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  const seen = new Set<string>();
  const grow = (parent: string | null, depth: number): TreeNode<D>[] =>
    (children.get(parent) ?? [])
      .filter((d) => !seen.has(d.id))
      .sort(byName(collator))
      .map((d) => {
        seen.add(d.id);
        return { department: d, depth, children: grow(d.id, depth + 1) };
      });
  const roots = grow(null, 0);
  for (const d of [...items].sort(byName(collator))) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    roots.push({ department: d, depth: 0, children: grow(d.id, 1) });
  }
  return roots;
}

/** Every department in tree order with its full path, for selects. */
export function departmentPaths<D extends Dept>(
  items: readonly D[],
  locale = 'en',
  separator = ' › ',
): { department: D; path: string; depth: number }[] {
  const out: { department: D; path: string; depth: number }[] = [];
  const walk = (nodes: TreeNode<D>[], prefix: string) => {
    for (const n of nodes) {
      const path = prefix ? `${prefix}${separator}${n.department.name}` : n.department.name;
      out.push({ department: n.department, path, depth: n.depth });
      walk(n.children, path);
    }
  };
  walk(buildTree(items, locale), '');
  return out;
}

/** The ids of a department and everything under it (where it may not be moved to). */
export function subtreeIds(items: readonly Dept[], rootId: string): Set<string> {
  const out = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of items) {
      if (d.parentId && out.has(d.parentId) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
    }
  }
  return out;
}
