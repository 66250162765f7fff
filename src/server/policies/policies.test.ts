import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { authorize, can } from './index';

const actor = (over: Partial<Actor> = {}): Actor => ({
  orgId: 'org-a',
  personId: 'me',
  name: 'Me',
  email: 'me@x',
  roles: [],
  locale: 'sv',
  timeZone: 'Europe/Stockholm',
  sessionId: 's',
  directReports: 0,
  ...over,
});

describe('policies', () => {
  it('let a person read themself and their direct reports, nobody else', () => {
    const me = actor();
    expect(
      can(me, { do: 'person.read', person: { orgId: 'org-a', id: 'me', managerId: null } }),
    ).toBe(true);
    expect(
      can(me, { do: 'person.read', person: { orgId: 'org-a', id: 'r', managerId: 'me' } }),
    ).toBe(true);
    expect(
      can(me, { do: 'person.read', person: { orgId: 'org-a', id: 'x', managerId: 'y' } }),
    ).toBe(false);
  });
  it('never cross tenants, whatever the role', () => {
    const hr = actor({ roles: ['hr', 'admin'] });
    for (const action of [
      { do: 'people.list', orgId: 'org-b' },
      { do: 'person.manage', orgId: 'org-b' },
      { do: 'org.manage', orgId: 'org-b' },
      { do: 'department.read', orgId: 'org-b' },
    ] as const)
      expect(can(hr, action)).toBe(false);
  });
  it('answer another tenant with not_found and a missing right with forbidden', () => {
    const e = (fn: () => void) => {
      try {
        fn();
      } catch (err) {
        return (err as AppError).code;
      }
      return 'allowed';
    };
    expect(e(() => authorize(actor(), { do: 'person.manage', orgId: 'org-b' }))).toBe('not_found');
    expect(e(() => authorize(actor(), { do: 'person.manage', orgId: 'org-a' }))).toBe(
      'auth.forbidden',
    );
    expect(e(() => authorize(actor({ roles: ['hr'] }), { do: 'org.manage', orgId: 'org-a' }))).toBe(
      'auth.forbidden',
    );
    expect(
      e(() => authorize(actor({ roles: ['admin'] }), { do: 'org.manage', orgId: 'org-a' })),
    ).toBe('allowed');
  });
  it('let HR and administrators erase a leaver, in their own organisation only', () => {
    const erase = (orgId: string) => ({ do: 'person.erase', orgId }) as const;
    expect(can(actor({ roles: ['hr'] }), erase('org-a'))).toBe(true);
    expect(can(actor({ roles: ['admin'] }), erase('org-a'))).toBe(true);
    expect(can(actor(), erase('org-a'))).toBe(false);
    expect(can(actor({ directReports: 3 }), erase('org-a'))).toBe(false);
    expect(can(actor({ roles: ['hr', 'admin'] }), erase('org-b'))).toBe(false);
  });
});
