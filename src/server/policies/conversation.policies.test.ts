import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../domain/roles';
import { authorize, can } from './index';

const org = 'org-1';
const pair = { orgId: org, managerId: 'm', employeeId: 'e' };
const actor = (personId: string, roles: Role[] = [], orgId = org): Actor => ({
  orgId,
  personId,
  name: personId,
  email: `${personId}@x.test`,
  roles,
  locale: 'sv',
  timeZone: 'Europe/Stockholm',
  sessionId: 's',
  directReports: 0,
});

const PEOPLE = {
  manager: actor('m'),
  employee: actor('e'),
  hr: actor('hr', ['hr']),
  admin: actor('adm', ['admin']),
  otherManager: actor('om'),
  stranger: actor('m', ['hr', 'admin'], 'org-2'),
};

// What each may do with a conversation of the pair (m, e): nobody else, whatever their role.
const MATRIX: Record<string, (keyof typeof PEOPLE)[]> = {
  'conversation.read': ['manager', 'employee'],
  'conversation.prepare': ['manager', 'employee'],
  'conversation.content.write': ['manager', 'employee'],
  'conversation.book': ['manager'],
  'conversation.start': ['manager'],
};

describe('conversation policies', () => {
  for (const [action, allowed] of Object.entries(MATRIX)) {
    it(`${action}: ${allowed.join(', ')}`, () => {
      for (const [who, a] of Object.entries(PEOPLE)) {
        const ok = can(a, { do: action as 'conversation.read', pair });
        expect(ok, who).toBe(allowed.includes(who as keyof typeof PEOPLE));
      }
    });
  }

  it('keeps private notes to their author', () => {
    const write = (a: Actor, authorId: string) =>
      can(a, { do: 'conversation.privateNote.write', pair, authorId });
    expect(write(PEOPLE.manager, 'm')).toBe(true);
    expect(write(PEOPLE.employee, 'm')).toBe(false);
    expect(write(PEOPLE.hr, 'hr')).toBe(false);
  });

  it('answers "not found" to outsiders and "forbidden" to the employee booking', () => {
    expect(() => authorize(PEOPLE.hr, { do: 'conversation.read', pair })).toThrow('not_found');
    expect(() => authorize(PEOPLE.stranger, { do: 'conversation.read', pair })).toThrow(
      'not_found',
    );
    expect(() => authorize(PEOPLE.employee, { do: 'conversation.book', pair })).toThrow(
      'auth.forbidden',
    );
  });

  it('lets everyone list their own conversations', () => {
    expect(can(PEOPLE.otherManager, { do: 'conversation.list', orgId: org })).toBe(true);
    expect(can(PEOPLE.stranger, { do: 'conversation.list', orgId: org })).toBe(false);
  });

  it('lets only the current manager of an active person book a conversation of their own', () => {
    const employee = { orgId: org, managerId: 'm', active: true };
    expect(can(PEOPLE.manager, { do: 'conversation.create', employee })).toBe(true);
    for (const who of ['employee', 'otherManager', 'hr', 'admin', 'stranger'] as const)
      expect(can(PEOPLE[who], { do: 'conversation.create', employee }), who).toBe(false);
    expect(
      can(PEOPLE.manager, { do: 'conversation.create', employee: { ...employee, active: false } }),
    ).toBe(false);
  });
});
