import { describe, expect, it } from 'vitest';
import { isOwnPrivateContent, mayInPair, pairRoleOf } from './visibility';

const pair = { orgId: 'o', managerId: 'm', employeeId: 'e' };

describe('visibility', () => {
  it('knows the two roles and nobody else', () => {
    expect(pairRoleOf('m', pair)).toBe('manager');
    expect(pairRoleOf('e', pair)).toBe('employee');
    expect(pairRoleOf('hr', pair)).toBeNull();
  });
  it('lets both read and contribute, only the manager schedule and reflect', () => {
    const table = (['read', 'contribute', 'schedule', 'acknowledge', 'reflect'] as const).map(
      (a) => [a, mayInPair('m', pair, a), mayInPair('e', pair, a), mayInPair('x', pair, a)],
    );
    expect(table).toEqual([
      ['read', true, true, false],
      ['contribute', true, true, false],
      ['schedule', true, false, false],
      ['acknowledge', false, true, false],
      ['reflect', true, false, false],
    ]);
  });
  it('keeps private content to its author', () => {
    expect(isOwnPrivateContent('m', pair, 'm')).toBe(true);
    expect(isOwnPrivateContent('e', pair, 'm')).toBe(false);
    expect(isOwnPrivateContent('x', pair, 'x')).toBe(false);
  });
});
