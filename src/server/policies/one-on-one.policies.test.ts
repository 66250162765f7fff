import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors';
import type { Actor, Role } from '../../domain/roles';
import { authorize, can, type OneOnOneAction } from './index';

const actor = (personId: string, roles: Role[] = [], orgId = 'org-a'): Actor => ({
  orgId,
  personId,
  name: personId,
  email: `${personId}@x`,
  roles,
  locale: 'sv',
  timeZone: 'Europe/Stockholm',
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

/** Each row: the action and who may do it; everyone else may not. */
const matrix: [string, (who: Actor) => OneOnOneAction, Who[]][] = [
  [
    'read the series and meetings',
    () => ({ do: 'oneOnOne.meeting.read', pair }),
    ['manager', 'employee'],
  ],
  ['read shared notes', () => ({ do: 'oneOnOne.sharedNote.read', pair }), ['manager', 'employee']],
  [
    'write shared notes',
    () => ({ do: 'oneOnOne.sharedNote.write', pair }),
    ['manager', 'employee'],
  ],
  ['schedule and finish', () => ({ do: 'oneOnOne.meeting.finish', pair }), ['manager']],
  ['work on actions', () => ({ do: 'oneOnOne.action.write', pair }), ['manager', 'employee']],
  ['read minutes', () => ({ do: 'oneOnOne.minutes.read', pair }), ['manager', 'employee']],
  ['acknowledge minutes', () => ({ do: 'oneOnOne.minutes.acknowledge', pair }), ['employee']],
  [
    'read own private note',
    (who) => ({ do: 'oneOnOne.privateNote.read', pair, authorId: who.personId }),
    ['manager', 'employee'],
  ],
  [
    "read the manager's private note",
    () => ({ do: 'oneOnOne.privateNote.read', pair, authorId: 'm' }),
    ['manager'],
  ],
  [
    'read own reflection',
    (who) => ({ do: 'oneOnOne.reflection.read', pair, authorId: who.personId }),
    ['manager'],
  ],
  [
    'keep own remember-to-ask reminders',
    (who) => ({ do: 'oneOnOne.reminder.write', pair, authorId: who.personId }),
    ['manager'],
  ],
  [
    "read the manager's reminders",
    () => ({ do: 'oneOnOne.reminder.read', pair, authorId: 'm' }),
    ['manager'],
  ],
  [
    'edit a topic the employee wrote',
    () => ({ do: 'oneOnOne.point.edit', pair, authorId: 'e' }),
    ['employee'],
  ],
  ['edit a template section', () => ({ do: 'oneOnOne.point.edit', pair, authorId: null }), []],
  ['manage templates', () => ({ do: 'oneOnOne.template.manage', orgId: 'org-a' }), ['hr', 'admin']],
];

describe('1:1 policies', () => {
  for (const [name, action, allowed] of matrix) {
    it(`${name}: ${allowed.join(', ') || 'nobody'}`, () => {
      const got = (Object.keys(people) as Who[]).filter((w) => can(people[w], action(people[w])));
      expect(got).toEqual(allowed);
    });
  }

  it('answers outsiders "not found" and one of the pair "forbidden"', () => {
    const code = (who: Actor, a: OneOnOneAction) => {
      try {
        authorize(who, a);
        return 'ok';
      } catch (err) {
        return (err as AppError).code;
      }
    };
    const finish: OneOnOneAction = { do: 'oneOnOne.meeting.finish', pair };
    expect(code(people.employee, finish)).toBe('auth.forbidden');
    expect(code(people.hr, finish)).toBe('not_found');
    expect(code(people.otherTenant, finish)).toBe('not_found');
    expect(code(people.manager, finish)).toBe('ok');
  });

  it('answers everyone but the manager "not found" for reminders, the employee included', () => {
    const code = (who: Actor) => {
      try {
        authorize(who, { do: 'oneOnOne.reminder.read', pair, authorId: who.personId });
        return 'ok';
      } catch (err) {
        return (err as AppError).code;
      }
    };
    expect((Object.keys(people) as Who[]).map((w) => [w, code(people[w])])).toEqual([
      ['manager', 'ok'],
      ['employee', 'not_found'],
      ['otherManager', 'not_found'],
      ['hr', 'not_found'],
      ['admin', 'not_found'],
      ['otherTenant', 'not_found'],
    ]);
  });

  it('lets only the current manager book a series with a person', () => {
    const employee = { orgId: 'org-a', id: 'e', managerId: 'm' };
    expect(can(people.manager, { do: 'oneOnOne.series.create', employee })).toBe(true);
    expect(can(people.hr, { do: 'oneOnOne.series.create', employee })).toBe(false);
    expect(can(people.otherManager, { do: 'oneOnOne.series.create', employee })).toBe(false);
  });
});
