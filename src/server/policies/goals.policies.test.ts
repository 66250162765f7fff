import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors';
import type { Actor, Role } from '../../domain/roles';
import type { GoalsAction } from './goals.policies';
import { authorize, can } from './index';

const actor = (personId: string, roles: Role[] = [], orgId = 'org-a'): Actor => ({
  orgId,
  personId,
  name: personId,
  email: `${personId}@x`,
  roles,
  locale: 'da',
  timeZone: 'Europe/Copenhagen',
  sessionId: 's',
  directReports: 0,
});

const pair = { orgId: 'org-a', managerId: 'm', employeeId: 'e' };
const people = {
  manager: actor('m'),
  employee: actor('e'),
  otherManager: actor('o'),
  hr: actor('h', ['hr']),
  salaryHr: actor('s', ['hr', 'salary']),
  admin: actor('a', ['admin']),
  otherTenant: actor('m', ['hr', 'admin', 'salary'], 'org-b'),
};
type Who = keyof typeof people;
const ALL = Object.keys(people) as Who[];

const matrix: [GoalsAction, Who[]][] = [
  [{ do: 'goals.read', pair }, ['manager', 'employee']],
  [{ do: 'goals.write', pair }, ['manager', 'employee']],
  [{ do: 'goals.progress', pair }, ['manager', 'employee']],
  [{ do: 'agreement.read', pair }, ['manager', 'employee']],
  [{ do: 'agreement.close', pair }, ['manager']],
  [{ do: 'agreement.correct', pair }, ['manager']],
  [{ do: 'agreement.sign', pair }, ['employee']],
  [{ do: 'salaryOutcome.read', pair }, ['manager', 'employee', 'salaryHr']],
  [{ do: 'salaryOutcome.write', pair }, ['manager']],
  [{ do: 'salaryOutcome.list', orgId: 'org-a' }, ['salaryHr']],
  [{ do: 'organisationGoals.manage', orgId: 'org-a' }, ['hr', 'salaryHr', 'admin']],
  [
    { do: 'organisationGoals.read', orgId: 'org-a' },
    ['manager', 'employee', 'otherManager', 'hr', 'salaryHr', 'admin'],
  ],
];

describe('goals, agreement and salary policies', () => {
  for (const [action, allowed] of matrix)
    it(`${action.do}: ${allowed.join(', ')}`, () => {
      for (const who of ALL)
        expect([who, can(people[who], action)]).toEqual([who, allowed.includes(who)]);
    });

  it('answers "not found" outside the pair and across tenants, "forbidden" inside', () => {
    const close = { do: 'agreement.close', pair } as const;
    expect(() => authorize(people.hr, close)).toThrow(new AppError('not_found'));
    expect(() => authorize(people.otherTenant, close)).toThrow(new AppError('not_found'));
    expect(() => authorize(people.employee, close)).toThrow(new AppError('auth.forbidden'));
  });
});
