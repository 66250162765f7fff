import { describe, expect, it } from 'vitest';
import { buildTree, departmentPaths, subtreeIds } from './department-tree';

const deps = [
  { id: 'c', name: 'Vård och omsorg', parentId: 'a' },
  { id: 'a', name: 'Ledning', parentId: null },
  { id: 'd', name: 'Hemtjänst Norr', parentId: 'c' },
  { id: 'b', name: 'HR', parentId: 'a' },
  { id: 'x', name: 'Ensam', parentId: 'gone' },
];

describe('department tree', () => {
  it('nests units and sorts siblings by name', () => {
    const tree = buildTree(deps, 'sv');
    expect(tree.map((n) => n.department.name)).toEqual(['Ensam', 'Ledning']);
    const ledning = tree[1]!;
    expect(ledning.children.map((n) => n.department.name)).toEqual(['HR', 'Vård och omsorg']);
    expect(ledning.children[1]!.children[0]!.depth).toBe(2);
  });

  it('gives every unit its full path, in tree order', () => {
    expect(departmentPaths(deps, 'sv').map((p) => p.path)).toEqual([
      'Ensam',
      'Ledning',
      'Ledning › HR',
      'Ledning › Vård och omsorg',
      'Ledning › Vård och omsorg › Hemtjänst Norr',
    ]);
  });

  it('still shows units caught in a loop', () => {
    const loop = [
      { id: '1', name: 'A', parentId: '2' },
      { id: '2', name: 'B', parentId: '1' },
    ];
    expect(departmentPaths(loop).map((p) => p.path)).toEqual(['A', 'A › B']);
  });

  it('finds a unit and everything below it', () => {
    expect([...subtreeIds(deps, 'c')].sort()).toEqual(['c', 'd']);
    expect([...subtreeIds(deps, 'a')].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
