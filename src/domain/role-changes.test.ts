import { describe, expect, it } from 'vitest';
import { nextRoles, roleChangeProblem, roleDiff, type RoleChanger } from './role-changes';

const hr: RoleChanger = { kind: 'person', personId: 'hr', roles: ['hr'] };
const admin: RoleChanger = { kind: 'person', personId: 'boss', roles: ['admin'] };
const change = (personId: string, before: string[], after: string[]) => ({
  personId,
  before,
  after,
});

describe('role changes', () => {
  it('let nobody change their own roles, not even an administrator', () => {
    expect(roleChangeProblem(hr, change('hr', ['hr'], ['hr', 'admin', 'salary']))).toBe(
      'own_roles',
    );
    expect(roleChangeProblem(admin, change('boss', ['admin'], ['admin', 'salary']))).toBe(
      'own_roles',
    );
    // Saving one's own form unchanged is no change.
    expect(roleChangeProblem(hr, change('hr', ['hr'], ['hr']))).toBeNull();
  });

  it('let only an administrator grant or remove admin', () => {
    expect(roleChangeProblem(hr, change('ann', [], ['admin']))).toBe('admin_only');
    expect(roleChangeProblem(hr, change('ann', ['admin'], []))).toBe('admin_only');
    expect(roleChangeProblem(hr, change('ann', ['admin'], ['admin', 'salary']))).toBeNull();
    expect(roleChangeProblem(admin, change('ann', [], ['admin']))).toBeNull();
    expect(roleChangeProblem({ kind: 'system' }, change('ann', [], ['admin']))).toBeNull();
  });

  it('touch only known roles, keeping roles a later version added', () => {
    expect(roleDiff(change('x', ['hr', 'future'], ['salary']))).toEqual({
      granted: ['salary'],
      removed: ['hr'],
    });
    expect(nextRoles(change('x', ['hr', 'future'], ['salary']))).toEqual(['salary', 'future']);
  });
});
