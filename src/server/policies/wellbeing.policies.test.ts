import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors';
import type { Actor, Role } from '../../domain/roles';
import { authorize, can } from './index';
import type { WellbeingAction } from './wellbeing.policies';

const actor = (personId: string, roles: Role[] = [], orgId = 'org-a'): Actor => ({
  orgId,
  personId,
  name: personId,
  email: `${personId}@x`,
  roles,
  locale: 'nb',
  timeZone: 'Europe/Oslo',
  sessionId: 's',
  directReports: 0,
});

const pair = { orgId: 'org-a', managerId: 'm', employeeId: 'e' };
const people = {
  manager: actor('m'),
  employee: actor('e'),
  otherManager: actor('o'),
  hr: actor('h', ['hr']),
  admin: actor('a', ['admin']),
  otherTenant: actor('m', ['hr', 'admin'], 'org-b'),
};
type Who = keyof typeof people;
const coachingOf = { orgId: 'org-a', managerId: 'm' };

/** Each row: the action and who may do it; everyone else may not. */
const matrix: [string, WellbeingAction, Who[]][] = [
  ['read a check-in or trend', { do: 'checkIn.read', pair }, ['manager', 'employee']],
  ['answer a check-in', { do: 'checkIn.write', pair }, ['manager', 'employee']],
  ['read a task review', { do: 'taskReview.read', pair }, ['manager', 'employee']],
  ['write a task review', { do: 'taskReview.write', pair }, ['manager', 'employee']],
  ['mark a task review as gone through', { do: 'taskReview.markReviewed', pair }, ['manager']],
  ['read coaching signals', { do: 'coaching.read', ...coachingOf }, ['manager']],
  ['dismiss a coaching signal', { do: 'coaching.dismiss', ...coachingOf }, ['manager']],
];

describe('wellbeing and coaching policies', () => {
  for (const [name, action, allowed] of matrix)
    it(`${name}: only ${allowed.join(' and ')}`, () => {
      for (const [who, a] of Object.entries(people) as [Who, Actor][])
        expect(can(a, action), who).toBe(allowed.includes(who));
    });

  it('answers "not found" to outsiders of the pair and to another tenant', () => {
    const code = (a: Actor, action: WellbeingAction) => {
      try {
        authorize(a, action);
        return 'ok';
      } catch (e) {
        return (e as AppError).code;
      }
    };
    expect(code(people.hr, { do: 'checkIn.read', pair })).toBe('not_found');
    expect(code(people.otherTenant, { do: 'checkIn.read', pair })).toBe('not_found');
    expect(code(people.employee, { do: 'taskReview.markReviewed', pair })).toBe('auth.forbidden');
  });
});
