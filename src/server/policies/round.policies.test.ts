import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../domain/roles';
import { authorize, can } from './index';

const actor = (roles: Role[], directReports = 0): Actor => ({
  orgId: 'org-a',
  personId: 'me',
  name: 'Me',
  email: 'me@x',
  roles,
  locale: 'sv',
  timeZone: 'Europe/Stockholm',
  sessionId: 's',
  directReports,
});

const ACTIONS = [
  'round.read',
  'round.manage',
  'conversationTemplate.read',
  'conversationTemplate.manage',
] as const;

describe('round and template policies', () => {
  it('let HR and admins do everything with rounds and templates of their organisation', () => {
    for (const roles of [['hr'], ['admin']] as Role[][])
      for (const a of ACTIONS) expect(can(actor(roles), { do: a, orgId: 'org-a' })).toBe(true);
  });

  it('refuse managers, employees and holders of salary rights alone', () => {
    for (const who of [actor([], 5), actor([]), actor(['salary'])])
      for (const a of ACTIONS) {
        expect(can(who, { do: a, orgId: 'org-a' })).toBe(false);
        expect(() => authorize(who, { do: a, orgId: 'org-a' })).toThrow('auth.forbidden');
      }
  });

  it('answer "not found" for another organisation, even to its HR', () => {
    expect(() => authorize(actor(['hr', 'admin']), { do: 'round.read', orgId: 'org-b' })).toThrow(
      'not_found',
    );
  });
});
